/** A teacher account as the administrator names it (by email), with the school it belongs to. */
import { openStorageFromEnv, systemClock } from '#server/main.ts';
import type { Storage, TeacherAccount } from '#server/storage/storage.ts';
import type { AdminRun } from './admin-run.ts';
import { knownSchools, type KnownSchool } from './find-school.ts';
import { databaseLabel, missingDatabase } from './options.ts';

export type TeacherChoice =
  { readonly teacher: TeacherAccount; readonly school: KnownSchool } | { readonly refusal: string };

/** Emails are stored lower case (sign-in looks them up so). */
export async function findTeacher(storage: Storage, email: string): Promise<TeacherChoice> {
  const teacher = await storage.findTeacherByEmail(email.trim().toLowerCase());
  if (!teacher) return { refusal: `no teacher account has the email ${email.trim().toLowerCase()} on this server.` };
  const school = (await knownSchools(storage)).find((s) => s.id === teacher.schoolId);
  if (!school) return { refusal: `the account ${teacher.email} belongs to no school on this server.` };
  return { teacher, school };
}

export interface FoundTeacher {
  readonly teacher: TeacherAccount;
  readonly school: KnownSchool;
  readonly storage: Storage;
}

/**
 * What the commands on one teacher (reset-password, remove-teacher) share: the environment's database,
 * migrated, and the teacher with that email; a refusal is logged after `nothing` ("Nothing was changed")
 * with the database looked in, and exits 1. The storage is closed once `act` is done.
 */
export async function withTeacher(
  email: string,
  { env, log }: AdminRun,
  nothing: string,
  act: (found: FoundTeacher) => Promise<number>,
): Promise<number> {
  const missing = missingDatabase(env);
  if (missing) {
    log(`${nothing}: ${missing}`);
    return 1;
  }
  const storage = openStorageFromEnv(env);
  try {
    await storage.migrate(systemClock.now());
    const found = await findTeacher(storage, email);
    if ('refusal' in found) {
      log(`${nothing}: ${found.refusal}`);
      log(`(The database: ${databaseLabel(env)}.)`);
      return 1;
    }
    return await act({ ...found, storage });
  } finally {
    await storage.close();
  }
}

/** "1 sign-in", "3 sign-ins": what a reset or a removal ended. */
export function signIns(n: number): string {
  return `${n} sign-in${n === 1 ? '' : 's'}`;
}
