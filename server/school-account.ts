/**
 * A new school and its first teacher, as sign-up makes them (POST /auth/sign-up) and as the district's
 * `npm run school:create` does (server/admin/cli.ts): the school and teacher rows, their synced records,
 * and the starter frameworks every school begins with, so no tablet ever pushes them. And a further
 * teacher of an existing school (`npm run school:add-teacher`): a teacher account sees and writes its
 * whole school, as the first one does (docs/sync-protocol.md, "Roles").
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

export interface NewTeacherAccount {
  readonly schoolId: string;
  /** Lower case, as for a new school. */
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
}

/** The new teacher's id; null when the email already has an account (then nothing is written). */
export async function addTeacherAccount(
  ctx: Pick<RouteContext, 'storage' | 'clock'>,
  account: NewTeacherAccount,
): Promise<string | null> {
  const { storage } = ctx;
  if (!(await storage.getSchool(account.schoolId))) throw new Error(`no school ${account.schoolId}`);
  const teacherId = randomUUID();
  const created = await storage.createTeacher({
    id: teacherId,
    schoolId: account.schoolId,
    email: account.email,
    displayName: account.displayName,
    passwordHash: account.passwordHash,
    createdAt: isoAt(ctx.clock),
  });
  if (!created) return null;
  // Its synced record, so every tablet of the school knows the colleague's name.
  await writeAsServer(ctx, account.schoolId, [
    {
      table: 'teachers',
      recordId: teacherId,
      fields: { schoolId: account.schoolId, displayName: account.displayName },
    },
  ]);
  return teacherId;
}
