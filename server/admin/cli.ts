/**
 * The administrator's commands, in the database the server's environment names (DATABASE_URL, else
 * DATA_DIR/waypoint.sqlite), safe beside running servers; those that write migrate it first as the server
 * would, and none makes a new SQLite file but school:create (a district's first school before any server ran):
 *
 * - `npm run school:create -- --school <name> --email <email> --name <teacher's name>`: a school and its
 *   first teacher where sign-up is closed (NODE_ENV=production, or a school server that has its school).
 * - `npm run school:add-teacher -- [--school <id or name>] --email <email> --name <teacher's name>`:
 *   another teacher of an existing school (`--school` may be left out when the server has one school).
 * - `npm run school:list`: every school with its id and number of teachers.
 * - `npm run school:reset-password -- --email <email> [--generate]`: a new password for a teacher (typed,
 *   piped, or made and printed); every sign-in of theirs ends.
 * - `npm run school:remove-teacher -- --email <email> [--force]`: a teacher who left; the school's data stays.
 *
 * Passwords are read from the terminal or a pipe (read-password.ts), never from the command line.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminRun } from './admin-run.ts';
import { addTeacher } from './add-teacher.ts';
import { createSchool } from './create-school.ts';
import { listSchools } from './list-schools.ts';
import type { PasswordInput } from './read-password.ts';
import { removeTeacher } from './remove-teacher.ts';
import { resetPassword } from './reset-password.ts';

const DATABASE = `The database is PostgreSQL at DATABASE_URL when it is set, else DATA_DIR/waypoint.sqlite (DATA_DIR: ./data):
give the command the same DATABASE_URL or DATA_DIR as the server.`;

const PASSWORD = `It asks for the teacher's password twice (at least 10 characters, not the teacher's name or email), or reads
it from the first line of a pipe: ... < password.txt`;

const USAGE = {
  'create-school': `Usage:
  npm run school:create -- --school "Lakeside Elementary" --email teacher@lakeside.org --name "Ms Rivera"
${PASSWORD}
${DATABASE}`,
  'add-teacher': `Usage:
  npm run school:add-teacher -- --school "Lakeside Elementary" --email okafor@lakeside.org --name "Mr Okafor"
--school takes the school's id or name (npm run school:list shows them); leave it out when the server has
one school, as a school server does.
${PASSWORD}
${DATABASE}`,
  'list-schools': `Usage:
  npm run school:list
${DATABASE}`,
  'reset-password': `Usage:
  npm run school:reset-password -- --email rivera@lakeside.org
  npm run school:reset-password -- --email rivera@lakeside.org --generate
It asks for the new password twice (at least 10 characters, not the teacher's name or email), or reads it
from the first line of a pipe; with --generate it makes a strong one and prints it once. Every sign-in of
the teacher ends (their tablets ask for the new password); class tablets, stations and children's tablets
keep working.
${DATABASE}`,
  'remove-teacher': `Usage:
  npm run school:remove-teacher -- --email okafor@lakeside.org
The teacher's account and sign-ins go; the school's classes, children and evidence stay. The last teacher of
a school stays unless --force is given.
${DATABASE}`,
};

type Command = keyof typeof USAGE;

function isCommand(value: string | undefined): value is Command {
  return value !== undefined && Object.hasOwn(USAGE, value);
}

/** Runs one command; returns the exit code (0 done, 1 refused, 2 usage or bad input). */
export async function runAdminCommand(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  io: PasswordInput,
  log: (line: string) => void,
): Promise<number> {
  const [command] = args;
  if (!isCommand(command)) {
    log(Object.values(USAGE).join('\n\n'));
    return 2;
  }
  const run: AdminRun = { env, io, log, usage: USAGE[command] };
  if (command === 'create-school') return createSchool(args, run);
  if (command === 'add-teacher') return addTeacher(args, run);
  if (command === 'reset-password') return resetPassword(args, run);
  if (command === 'remove-teacher') return removeTeacher(args, run);
  return listSchools(run);
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
