/**
 * `npm run school:add-teacher`: another teacher of an existing school, on a district's server or a school
 * server (server/admin/cli.ts). The school and the email are checked before the password is asked for, so
 * no one types a password twice for nothing. The teacher sees and writes the whole school, as every teacher
 * account does (docs/sync-protocol.md, "Roles").
 */
import { validateNewTeacher } from '#protocol';
import { hashPassword } from '#server/http/credentials.ts';
import { openStorageFromEnv, systemClock } from '#server/main.ts';
import { addTeacherAccount } from '#server/school-account.ts';
import { DEMO_EMAIL } from '#server/seed.ts';
import type { Storage } from '#server/storage/storage.ts';
import type { AdminRun } from './admin-run.ts';
import { chooseSchool, knownSchools } from './find-school.ts';
import {
  databaseLabel,
  missingDatabase,
  option,
  PASSWORD_NOT_IN_ARGS,
  passwordInArgs,
  SIGN_IN_HINT,
} from './options.ts';
import { STRONG_PASSWORD_HINT, weakPasswordReason } from './password-strength.ts';
import { readPassword } from './read-password.ts';

async function takenBy(storage: Storage, email: string): Promise<string | null> {
  const teacher = await storage.findTeacherByEmail(email);
  if (!teacher) return null;
  const school = (await knownSchools(storage)).find((s) => s.id === teacher.schoolId);
  return `${email} already has an account on this server (a teacher of "${school?.name ?? teacher.schoolId}").`;
}

export async function addTeacher(args: readonly string[], run: AdminRun): Promise<number> {
  const { env, io, log, usage } = run;
  const wanted = option(args, '--school');
  const rawEmail = option(args, '--email');
  const displayName = option(args, '--name');
  if (passwordInArgs(args)) {
    log(PASSWORD_NOT_IN_ARGS);
    return 2;
  }
  if (rawEmail === undefined || displayName === undefined || (wanted === undefined && args.includes('--school'))) {
    log(usage);
    return 2;
  }
  const email = rawEmail.toLowerCase();
  if (email === DEMO_EMAIL) {
    log(`Nothing was added: ${DEMO_EMAIL} is the demo's account, whose password is published.`);
    return 2;
  }
  const missing = missingDatabase(env);
  if (missing) {
    log(`Nothing was added: ${missing}`);
    return 1;
  }
  const storage = openStorageFromEnv(env);
  try {
    await storage.migrate(systemClock.now());
    const choice = chooseSchool(await knownSchools(storage), wanted);
    if ('refusal' in choice) {
      log(`Nothing was added: ${choice.refusal}`);
      log(`(The database: ${databaseLabel(env)}.)`);
      return 1;
    }
    const { school } = choice;
    const taken = await takenBy(storage, email);
    if (taken) {
      log(`Nothing was added: ${taken}`);
      return 1;
    }
    const password = await readPassword(io, `Password for ${email} (a teacher of "${school.name}"): `);
    // The same checks as sign-up from a tablet, then the admin commands' own.
    const checked = validateNewTeacher({ email, displayName, password });
    if (!checked.ok) {
      log(`Nothing was added: ${checked.errors.join('; ')}.`);
      return 2;
    }
    const weak = weakPasswordReason(password, email, displayName);
    if (weak) {
      log(`Nothing was added: the password is too easy to guess (${weak}). ${STRONG_PASSWORD_HINT}`);
      return 2;
    }
    const passwordHash = await hashPassword(password);
    const teacherId = await addTeacherAccount(
      { storage, clock: systemClock },
      { schoolId: school.id, email, displayName, passwordHash },
    );
    if (!teacherId) {
      // Taken meanwhile (another command or a sign-up at the same moment).
      log(`Nothing was added: ${(await takenBy(storage, email)) ?? `${email} already has an account.`}`);
      return 1;
    }
    const count = school.teachers + 1;
    log(`Teacher ${email} added to "${school.name}" (id ${school.id}), which now has ${count} teachers.`);
    log(SIGN_IN_HINT);
    log('Like every teacher of the school, they see and can change every class of it.');
    return 0;
  } finally {
    await storage.close();
  }
}
