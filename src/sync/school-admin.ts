/**
 * What a teacher's device asks the server about its school: the classes with their join codes, the
 * devices enrolled, a new join code, revoking a device, the account's password. Online only: nothing here
 * is kept on the device.
 */
import type {
  ChangePasswordRequest,
  ChangePasswordResponse,
  ClassListResponse,
  ClassSummary,
  DeviceListResponse,
  DeviceSummary,
  JoinCodeResponse,
} from '#protocol';
import type { Connection } from '#db';
import { callAsDevice } from './connect.ts';

type Caller = Pick<Connection, 'baseUrl' | 'token'>;

export async function listServerClasses(connection: Caller, doFetch?: typeof fetch): Promise<ClassSummary[]> {
  const response = await callAsDevice(connection, 'GET', '/classes', undefined, doFetch);
  return [...((await response.json()) as ClassListResponse).classes];
}

export async function listServerDevices(connection: Caller, doFetch?: typeof fetch): Promise<DeviceSummary[]> {
  const response = await callAsDevice(connection, 'GET', '/devices', undefined, doFetch);
  return [...((await response.json()) as DeviceListResponse).devices];
}

/** Replaces the class's join code and answers the new one; the old code stops enrolling devices. */
export async function issueJoinCode(connection: Caller, classId: string, doFetch?: typeof fetch): Promise<string> {
  const path = `/classes/${encodeURIComponent(classId)}/join-code`;
  const response = await callAsDevice(connection, 'POST', path, undefined, doFetch);
  return ((await response.json()) as JoinCodeResponse).joinCode;
}

export async function revokeDevice(connection: Caller, deviceTokenId: string, doFetch?: typeof fetch): Promise<void> {
  await callAsDevice(connection, 'DELETE', `/devices/${encodeURIComponent(deviceTokenId)}`, undefined, doFetch);
}

/** The signed-in account's new password; the account's other sign-ins end, this connection stays. */
export async function changeAccountPassword(
  connection: Caller,
  request: ChangePasswordRequest,
  doFetch?: typeof fetch,
): Promise<ChangePasswordResponse> {
  const response = await callAsDevice(connection, 'POST', '/auth/password', request, doFetch);
  return (await response.json()) as ChangePasswordResponse;
}
