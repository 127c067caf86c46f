import {
  API_PREFIX,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type FamilyLinkRequest,
  type FamilyLinkResponse,
  type FamilyViewResponse,
} from '#protocol';
import type { Connection } from '#db';
import { SyncError, toSyncError } from './transport.ts';

/** The address a family opens: the app's own route on the server, which reads GET /api/v1/family/<token>. */
export function familyPageUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/family/${encodeURIComponent(token)}`;
}

/** A teacher device makes a read-only link for one child (POST /family-links). */
export async function createFamilyLink(
  connection: Connection,
  studentId: string,
  doFetch: typeof fetch = fetch,
): Promise<FamilyLinkResponse> {
  const body: FamilyLinkRequest = { studentId };
  const response = await call(doFetch, connection.baseUrl, '/family-links', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${connection.token}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as FamilyLinkResponse;
}

/** Turns a family link off (DELETE /family-links/:id). */
export async function revokeFamilyLink(connection: Connection, id: string, doFetch: typeof fetch = fetch) {
  await call(doFetch, connection.baseUrl, `/family-links/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${connection.token}` },
  });
}

/** The family's side: one child's records by the link's token alone (GET /family/:token). */
export async function readFamilyView(
  baseUrl: string,
  token: string,
  doFetch: typeof fetch = fetch,
): Promise<FamilyViewResponse> {
  const response = await call(doFetch, baseUrl, `/family/${encodeURIComponent(token)}`, { method: 'GET' });
  return (await response.json()) as FamilyViewResponse;
}

/** The family's side: one piece of shared work's bytes and type (GET /family/:token/blobs/:sha256). */
export async function readFamilyBlob(
  baseUrl: string,
  token: string,
  sha256: string,
  doFetch: typeof fetch = fetch,
): Promise<{ readonly bytes: ArrayBuffer; readonly mime: string }> {
  const path = `/family/${encodeURIComponent(token)}/blobs/${encodeURIComponent(sha256)}`;
  const response = await call(doFetch, baseUrl, path, { method: 'GET' });
  return { bytes: await response.arrayBuffer(), mime: response.headers.get('content-type') ?? '' };
}

async function call(
  doFetch: typeof fetch,
  baseUrl: string,
  path: string,
  init: RequestInit & { headers?: Record<string, string> },
): Promise<Response> {
  let response: Response;
  try {
    response = await doFetch(`${baseUrl.replace(/\/$/, '')}${API_PREFIX}${path}`, {
      ...init,
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...init.headers },
    });
  } catch {
    throw new SyncError('The server could not be reached.', 'network', true);
  }
  if (!response.ok) throw await toSyncError(response);
  return response;
}
