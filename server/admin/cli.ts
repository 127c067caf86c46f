/**
 * `npm run school:create -- --school <name> --email <email> --name <teacher's name>`: a school and its
 * first teacher on a server whose sign-up is closed (NODE_ENV=production, or a school server that already
 * has its school), in the database the server's environment names (DATABASE_URL, else
 * DATA_DIR/waypoint.sqlite), migrated first as the server would. The password is read from the terminal
 * or a pipe (read-password.ts), never from the command line. Safe beside running servers.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSignUp } from '#protocol';
import { hashPassword } from '#server/http/credentials.ts';
import { openStorageFromEnv, systemClock } from '#server/main.ts';
import { createSchoolAccount } from '#server/school-account.ts';
import { DEMO_EMAIL } from '#server/seed.ts';
import { readPassword, type PasswordInput } from './read-password.ts';

const USAGE = `Usage:
  npm run school:create -- --school "Lakeside Elementary" --email teacher@lakeside.org --name "Ms Rivera"
It asks for the teacher's password (at least 10 characters), or reads it from the first line of a pipe:
  npm run school:create -- --school ... --email ... --name ... < password.txt
The database is PostgreSQL at DATABASE_URL when it is set, else DATA_DIR/waypoint.sqlite (DATA_DIR: ./data).`;

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Runs one command; returns the exit code (0 made, 1 refused, 2 usage or bad input). */
export async function runAdminCommand(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  io: PasswordInput,
  log: (line: string) => void,
): Promise<number> {
  const [command] = args;
  if (command !== 'create-school') {
    log(USAGE);
    return 2;
  }
  const schoolName = option(args, '--school');
  const email = option(args, '--email');
  const displayName = option(args, '--name');
  if (args.some((a) => a === '--password' || a.startsWith('--password='))) {
    log('The password is never taken from the command line (shell history, the process list): type it when asked.');
    return 2;
  }
  if (schoolName === undefined || email === undefined || displayName === undefined) {
    log(USAGE);
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
    log('On the teacher’s tablet: Settings → School server, the server’s address, then sign in with this email.');
    return 0;
  } finally {
    await storage.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const io: PasswordInput = { input: process.stdin, output: process.stderr };
  runAdminCommand(process.argv.slice(2), process.env, io, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
