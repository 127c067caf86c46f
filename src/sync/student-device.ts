/**
 * A teacher hands a connected tablet to one child: the tablet enrolls as that child's own device, so from
 * then on it syncs that child only and holds no teacher token.
 */
import type { Connection } from '#db';
import { enroll } from './connect.ts';
import { listServerClasses, revokeDevice } from './school-admin.ts';
import { SyncError } from './transport.ts';

export interface StudentEnrollment {
  /** The tablet's current connection: a teacher's (a sign-in or a teacher tablet of the child's class). */
  readonly teacher: Connection;
  readonly studentId: string;
  readonly classId: string;
  readonly deviceId: string;
  readonly deviceName?: string;
}

/**
 * Enrolls the tablet as the child's device (`POST /devices/enroll`, kind `student`, with the class's join
 * code and the teacher's token as proof a teacher is present), then revokes the teacher's token: the
 * child's tablet must not keep the teacher's access. Answers the child's connection.
 */
export async function enrollStudentDevice(
  request: StudentEnrollment,
  doFetch: typeof fetch = fetch,
): Promise<Connection> {
  const { teacher } = request;
  if (teacher.kind !== 'teacher') {
    throw new SyncError('Only a teacher’s connection can give this tablet to a student.', 'needsTeacher', false);
  }
  const joinCode = (await listServerClasses(teacher, doFetch)).find((c) => c.classId === request.classId)?.joinCode;
  if (!joinCode) {
    throw new SyncError(
      'The school server does not have this child’s class for this teacher: sync, then try again.',
      'unknownClass',
      false,
    );
  }
  const name = request.deviceName?.trim();
  const student = await enroll(
    teacher.baseUrl,
    {
      joinCode,
      kind: 'student',
      studentId: request.studentId,
      deviceId: request.deviceId,
      ...(name ? { deviceName: name } : {}),
    },
    doFetch,
    teacher.token,
  );
  // Best effort: a token left behind by a lost answer shows in the teacher's device list, with Revoke.
  await revokeDevice(teacher, teacher.deviceTokenId, doFetch).catch(() => undefined);
  return student;
}
