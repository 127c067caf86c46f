import {
  API_PREFIX,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type EnrollRequest,
  type SessionResponse,
  type SignInRequest,
  type SignUpRequest,
} from '#protocol';
import type { Connection } from '#db';
import { SyncError, toSyncError } from './transport.ts';

/** Signs a teacher in with email and password; the answer is this device's connection. */
export function signIn(baseUrl: string, body: SignInRequest, doFetch: typeof fetch = fetch): Promise<Connection> {
  return openSession(baseUrl, '/auth/sign-in', body, doFetch);
}

/**
 * Creates a school and its first teacher account, signed in on this device. The server answers sign-up
 * the same whether or not the email had an account (202, so the answer reveals nothing), then the device
 * signs in with the same email and password; a wrong password there means the email already had an account.
 */
export async function signUp(baseUrl: string, body: SignUpRequest, doFetch: typeof fetch = fetch): Promise<Connection> {
  const base = baseUrl.replace(/\/$/, '');
  let response: Response;
  try {
    response = await doFetch(`${base}${API_PREFIX}/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new SyncError('The server could not be reached. Check the address and the network.', 'network', true);
  }
  if (!response.ok) throw await toSyncError(response);
  return signIn(baseUrl, { email: body.email, password: body.password }, doFetch);
}

/**
 * Enrolls this device in one class with the class's join code, as a teacher tablet or a station. A teacher
 * tablet also needs a teacher's token (`teacherToken`): a join code alone only makes a station.
 */
export function enroll(
  baseUrl: string,
  body: EnrollRequest,
  doFetch: typeof fetch = fetch,
  teacherToken?: string,
): Promise<Connection> {
  return openSession(baseUrl, '/devices/enroll', body, doFetch, teacherToken);
}

async function openSession(
  baseUrl: string,
  path: string,
  body: object,
  doFetch: typeof fetch,
  token?: string,
): Promise<Connection> {
  const base = baseUrl.replace(/\/$/, '');
  let response: Response;
  try {
    response = await doFetch(`${base}${API_PREFIX}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
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

/** An authenticated call with this device's token; answers the response (2xx) or throws a SyncError. */
export async function callAsDevice(
  connection: Pick<Connection, 'baseUrl' | 'token'>,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: object,
  doFetch: typeof fetch = fetch,
): Promise<Response> {
  let response: Response;
  try {
    response = await doFetch(`${connection.baseUrl}${API_PREFIX}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        authorization: `Bearer ${connection.token}`,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new SyncError('The server could not be reached.', 'network', true);
  }
  if (!response.ok) throw await toSyncError(response);
  return response;
}

/** An authenticated call that answers with no body we need (station sign-in and sign-out). */
export async function postAsDevice(connection: Connection, path: string, body: object, doFetch: typeof fetch = fetch) {
  await callAsDevice(connection, 'POST', path, body, doFetch);
}
