/** Command-line options of the admin commands (server/admin/cli.ts), and the database they name. */
import { existsSync } from 'node:fs';
import { sqliteFileFromEnv } from '#server/main.ts';

/** `--name value` or `--name=value`; undefined when absent. */
export function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** A password on the command line stays in the shell's history and shows in the process list. */
export function passwordInArgs(args: readonly string[]): boolean {
  return args.some((a) => a === '--password' || a.startsWith('--password='));
}

export const PASSWORD_NOT_IN_ARGS =
  'The password is never taken from the command line (shell history, the process list): type it when asked.';

export const SIGN_IN_HINT =
  'On the teacher’s tablet: Settings → School server, the server’s address, then sign in with this email.';

/** The database the environment names, for messages: a PostgreSQL URL without its password, or the file. */
export function databaseLabel(env: NodeJS.ProcessEnv): string {
  if (!env.DATABASE_URL) return sqliteFileFromEnv(env);
  try {
    const url = new URL(env.DATABASE_URL);
    url.password = '';
    return url.toString();
  } catch {
    return 'the PostgreSQL database at DATABASE_URL';
  }
}

/**
 * Why the environment names no existing database, or null. Commands that read schools never make a new,
 * empty SQLite file where the administrator forgot the server's DATA_DIR: they say where they looked.
 */
export function missingDatabase(env: NodeJS.ProcessEnv): string | null {
  if (env.DATABASE_URL || existsSync(sqliteFileFromEnv(env))) return null;
  return (
    `there is no database at ${sqliteFileFromEnv(env)}: run the command with the server's DATA_DIR ` +
    '(or DATABASE_URL), e.g. DATA_DIR=/srv/waypoint/data npm run …'
  );
}
