import {
  API_PREFIX,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type EnrollRequest,
  type SessionResponse,
  type SignInRequest,
} from '#protocol';
import type { Connection } from '#db';
import { SyncError, toSyncError } from './transport.ts';

/** Signs a teacher in with email and password; the answer is this device's connection. */
export function signIn(baseUrl: string, body: SignInRequest, doFetch: typeof fetch = fetch): Promise<Connection> {
  return openSession(baseUrl, '/auth/sign-in', body, doFetch);
}

/** Enrolls this device in one class with the class's join code, as a teacher tablet or a station. */
export function enroll(baseUrl: string, body: EnrollRequest, doFetch: typeof fetch = fetch): Promise<Connection> {
  return openSession(baseUrl, '/devices/enroll', body, doFetch);
}

async function openSession(baseUrl: string, path: string, body: object, doFetch: typeof fetch): Promise<Connection> {
  const base = baseUrl.replace(/\/$/, '');
  let response: Response;
  try {
    response = await doFetch(`${base}${API_PREFIX}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new SyncError('The server could not be reached. Check the address and the network.', 'network', true);
  }
  if (!response.ok) throw await toSyncError(response);
  const session = (await response.json()) as SessionResponse;
  return {
    baseUrl: base,
    token: session.token,
    deviceTokenId: session.deviceTokenId,
    kind: session.kind,
    scope: session.scope,
    ...(session.teacherId ? { teacherId: session.teacherId } : {}),
  };
}

/** An authenticated call that answers with no body we need (station sign-in and sign-out). */
export async function postAsDevice(connection: Connection, path: string, body: object, doFetch: typeof fetch = fetch) {
  let response: Response;
  try {
    response = await doFetch(`${connection.baseUrl}${API_PREFIX}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        authorization: `Bearer ${connection.token}`,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new SyncError('The server could not be reached.', 'network', true);
  }
  if (!response.ok) throw await toSyncError(response);
}
