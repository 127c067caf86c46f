/**
 * A teacher hands a connected tablet over: to one child as their own tablet, or to the class as a station.
 * The tablet enrolls in that role, so from then on it syncs only what the role may see, and holds no
 * teacher token.
 */
import type { Connection } from '#db';
import { enroll } from './connect.ts';
import { listServerClasses, revokeDevice } from './school-admin.ts';
import { SyncError } from './transport.ts';

/** What the tablet becomes: one child's own tablet, or a station of a class. */
export type HandOverRole =
  | { readonly kind: 'student'; readonly studentId: string; readonly classId: string }
  | { readonly kind: 'station'; readonly classId: string };

export interface HandOver {
  /** The tablet's current connection: a teacher's (a sign-in or a teacher tablet of the class). */
  readonly teacher: Connection;
  readonly role: HandOverRole;
  readonly deviceId: string;
  readonly deviceName?: string;
}

/**
 * Enrolls the tablet in its new role (`POST /devices/enroll` with the class's join code; a student's tablet
 * also names the child and shows the teacher's token as proof a teacher is present), then revokes the
 * teacher's token: the child's tablet or the station must not keep the teacher's access. Answers the new
 * connection.
 */
export async function enrollHandedOver(request: HandOver, doFetch: typeof fetch = fetch): Promise<Connection> {
  const { teacher, role } = request;
  if (teacher.kind !== 'teacher') {
    throw new SyncError('Only a teacher’s connection can hand this tablet over.', 'needsTeacher', false);
  }
  const joinCode = (await listServerClasses(teacher, doFetch)).find((c) => c.classId === role.classId)?.joinCode;
  if (!joinCode) {
    throw new SyncError(
      'The school server does not have this class for this teacher: sync, then try again.',
      'unknownClass',
      false,
    );
  }
  const name = request.deviceName?.trim();
  const connection = await enroll(
    teacher.baseUrl,
    {
      joinCode,
      kind: role.kind,
      deviceId: request.deviceId,
      ...(role.kind === 'student' ? { studentId: role.studentId } : {}),
      ...(name ? { deviceName: name } : {}),
    },
    doFetch,
    teacher.token,
  );
  // Best effort: a token left behind by a lost answer shows in the teacher's device list, with Revoke.
  await revokeDevice(teacher, teacher.deviceTokenId, doFetch).catch(() => undefined);
  return connection;
}
