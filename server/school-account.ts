/**
 * A new school and its first teacher, as sign-up makes them (POST /auth/sign-up) and as the district's
 * `npm run school:create` does (server/admin/cli.ts): the school and teacher rows, their synced records,
 * and the starter frameworks every school begins with, so no tablet ever pushes them.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_SCALE } from '#protocol';
import { isoAt, type RouteContext } from './http/context.ts';
import { writeAsServer } from './http/route-helpers.ts';
import { seedStarterContent } from './seed-starter.ts';

export interface NewSchoolAccount {
  readonly schoolName: string;
  /** Lower case: sign-in looks accounts up by the lower-cased email. */
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
}

export interface CreatedSchool {
  readonly schoolId: string;
  readonly teacherId: string;
}

/** Null when the email already has an account (then nothing is written but, on a lost race, an empty school). */
export async function createSchoolAccount(
  ctx: Pick<RouteContext, 'storage' | 'clock'>,
  account: NewSchoolAccount,
): Promise<CreatedSchool | null> {
  const { storage } = ctx;
  if (await storage.findTeacherByEmail(account.email)) return null;
  const schoolId = randomUUID();
  const teacherId = randomUUID();
  const at = isoAt(ctx.clock);
  await storage.createSchool({ id: schoolId, name: account.schoolName, createdAt: at });
  const created = await storage.createTeacher({
    id: teacherId,
    schoolId,
    email: account.email,
    displayName: account.displayName,
    passwordHash: account.passwordHash,
    createdAt: at,
  });
  // Lost a race for the email: the school stays empty and unreachable.
  if (!created) return null;
  await writeAsServer(ctx, schoolId, [
    { table: 'schools', recordId: schoolId, fields: { name: account.schoolName, scale: DEFAULT_SCALE } },
    { table: 'teachers', recordId: teacherId, fields: { schoolId, displayName: account.displayName } },
  ]);
  await seedStarterContent(ctx, schoolId);
  return { schoolId, teacherId };
}
