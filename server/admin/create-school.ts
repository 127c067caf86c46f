/** `npm run school:create`: a school and its first teacher where sign-up is closed (server/admin/cli.ts). */
import { validateSignUp } from '#protocol';
import { hashPassword } from '#server/http/credentials.ts';
import { openStorageFromEnv, systemClock } from '#server/main.ts';
import { createSchoolAccount } from '#server/school-account.ts';
import { DEMO_EMAIL } from '#server/seed.ts';
import type { AdminRun } from './admin-run.ts';
import { option, PASSWORD_NOT_IN_ARGS, passwordInArgs, SIGN_IN_HINT } from './options.ts';
import { STRONG_PASSWORD_HINT, weakPasswordReason } from './password-strength.ts';
import { readPassword } from './read-password.ts';

export async function createSchool(args: readonly string[], run: AdminRun): Promise<number> {
  const { env, io, log, usage } = run;
  const schoolName = option(args, '--school');
  const email = option(args, '--email');
  const displayName = option(args, '--name');
  if (passwordInArgs(args)) {
    log(PASSWORD_NOT_IN_ARGS);
    return 2;
  }
  if (schoolName === undefined || email === undefined || displayName === undefined) {
    log(usage);
    return 2;
  }
  const password = await readPassword(io, `Password for ${email}: `);
  // The same checks as sign-up from a tablet.
  const checked = validateSignUp({ schoolName, email, displayName, password });
  if (!checked.ok) {
    log(`Nothing was created: ${checked.errors.join('; ')}.`);
    return 2;
  }
  const account = { ...checked.value, email: checked.value.email.toLowerCase() };
  if (account.email === DEMO_EMAIL) {
    log(`Nothing was created: ${DEMO_EMAIL} is the demo's account, whose password is published.`);
    return 2;
  }
  const weak = weakPasswordReason(account.password, account.email, account.displayName);
  if (weak) {
    log(`Nothing was created: the password is too easy to guess (${weak}). ${STRONG_PASSWORD_HINT}`);
    return 2;
  }
  const storage = openStorageFromEnv(env);
  try {
    await storage.migrate(systemClock.now());
    const passwordHash = await hashPassword(account.password);
    const created = await createSchoolAccount(
      { storage, clock: systemClock },
      { schoolName: account.schoolName, email: account.email, displayName: account.displayName, passwordHash },
    );
    if (!created) {
      log(`Nothing was created: ${account.email} already has an account on this server.`);
      return 1;
    }
    log(`School "${account.schoolName}" created (id ${created.schoolId}), with its first teacher ${account.email}.`);
    log(SIGN_IN_HINT);
    return 0;
  } finally {
    await storage.close();
  }
}
