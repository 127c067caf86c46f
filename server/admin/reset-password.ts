/**
 * `npm run school:reset-password`: a teacher forgot their password, or it may have leaked. The account
 * gets a new one and every sign-in of theirs ends (each tablet signed in as them asks for the new password);
 * devices enrolled with their token (class tablets, a child's tablet) and stations keep working. The new
 * password is typed (or piped), or with `--generate` made here and printed once, to hand to the teacher,
 * who can then choose their own under Settings → Change password. Never taken from the command line.
 */
import { validateNewTeacher } from '#protocol';
import { hashPassword, verifyPassword } from '#server/http/credentials.ts';
import { systemClock } from '#server/main.ts';
import type { AdminRun } from './admin-run.ts';
import { signIns, withTeacher } from './find-teacher.ts';
import { generatePassword } from './generate-password.ts';
import { option, PASSWORD_NOT_IN_ARGS, passwordInArgs } from './options.ts';
import { STRONG_PASSWORD_HINT, weakPasswordReason } from './password-strength.ts';
import { readPassword } from './read-password.ts';

export async function resetPassword(args: readonly string[], run: AdminRun): Promise<number> {
  const { io, log, usage } = run;
  const email = option(args, '--email');
  const generate = args.includes('--generate');
  if (passwordInArgs(args)) {
    log(PASSWORD_NOT_IN_ARGS);
    return 2;
  }
  if (email === undefined) {
    log(usage);
    return 2;
  }
  return withTeacher(email, run, 'Nothing was changed', async ({ teacher, school, storage }) => {
    const password = generate
      ? generatePassword(teacher)
      : await readPassword(io, `New password for ${teacher.email} (a teacher of "${school.name}"): `);
    // Sign-up's request rules, then the shared ones, then not the password the account has now.
    const checked = validateNewTeacher({ email: teacher.email, displayName: teacher.displayName, password });
    if (!checked.ok) {
      log(`Nothing was changed: ${checked.errors.join('; ')}.`);
      return 2;
    }
    const weak =
      weakPasswordReason(password, teacher.email, teacher.displayName) ??
      ((await verifyPassword(password, teacher.passwordHash)) ? 'it is the password the account has now' : null);
    if (weak) {
      log(`Nothing was changed: the password is too easy to guess (${weak}). ${STRONG_PASSWORD_HINT}`);
      return 2;
    }
    const ended = await storage.setTeacherPassword({
      teacherId: teacher.id,
      passwordHash: await hashPassword(password),
      at: new Date(systemClock.now()).toISOString(),
      keepTokenId: null,
      expectedHash: teacher.passwordHash,
    });
    if (ended === null) {
      log(
        `Nothing was changed: ${teacher.email}'s password changed meanwhile (or the account was removed); run it again.`,
      );
      return 1;
    }
    log(`Password of ${teacher.email} (a teacher of "${school.name}") reset; ${signIns(ended)} ended.`);
    if (generate) log(`New password: ${password}`);
    log(
      'They sign in again on each tablet with the new password, and can choose their own under Settings → ' +
        'Change password. Class tablets, stations and children’s tablets keep working.',
    );
    return 0;
  });
}
