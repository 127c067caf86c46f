/**
 * `npm run school:reset-password` and `npm run school:remove-teacher` (README "Run it in a school", "Host it
 * for a district") beside a running production server, on SQLite and PostgreSQL: a reset ends every sign-in
 * of the teacher and the new password (typed, piped or generated) signs in; a removal ends the account and
 * its sign-ins and keeps the school's data and devices; the last teacher stays unless forced. Refusals
 * change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionResponse } from '#protocol';
import { adminCommand, adminInProcess, listeningServer, newProductionEnv } from './helpers/admin-cli.ts';
import { storageKinds } from './helpers/databases.ts';

const { kinds } = await storageKinds();
const PASSWORD = 'correct horse battery';
const COLLEAGUE_PASSWORD = 'purple tractor lantern';
const RESET_PASSWORD = 'violet harbour compass';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const productionEnv = (kind: 'sqlite' | 'postgres') =>
  newProductionEnv(kind, 'reset', (remove) => cleanup.push(remove));

async function listening(env: NodeJS.ProcessEnv) {
  const call = await listeningServer(env, (stop) => cleanup.push(stop));
  return {
    call,
    signIn: (email: string, password: string) =>
      call<SessionResponse>('POST', '/auth/sign-in', null, { email, password }),
    session: async (token: string) => (await call('GET', '/session', token)).status,
  };
}

const lakeside = ['--school', 'Lakeside Elementary', '--email', 'rivera@lakeside.test', '--name', 'Ms Rivera'];
const okafor = ['--email', 'okafor@lakeside.test', '--name', 'Mr Okafor'];

describe.each(kinds)('npm run school:reset-password and school:remove-teacher on %s', (kind) => {
  it(
    'a reset ends every sign-in of the teacher, keeps the class devices, and the new password signs in',
    { timeout: 120_000 },
    async () => {
      const env = await productionEnv(kind);
      expect((await adminCommand(env, 'create-school', lakeside, `${PASSWORD}\n`)).code).toBe(0);
      const server = await listening(env);
      const ipad = (await server.signIn('rivera@lakeside.test', PASSWORD)).body;
      const laptop = (await server.signIn('rivera@lakeside.test', PASSWORD)).body;
      const room = await server.call<{ joinCode: string }>('POST', '/classes', ipad.token, { name: 'Room 4' });
      const classTablet = await server.call<SessionResponse>('POST', '/devices/enroll', ipad.token, {
        joinCode: room.body.joinCode,
        kind: 'teacher',
        deviceId: 'reading-corner',
      });
      expect(classTablet.status).toBe(201);

      // As package.json's script runs it, the new password piped in (it never goes on the command line).
      const reset = await adminCommand(
        env,
        'reset-password',
        ['--email', 'Rivera@Lakeside.test'],
        `${RESET_PASSWORD}\n`,
      );
      expect(reset.out).toContain('Password of rivera@lakeside.test (a teacher of "Lakeside Elementary") reset');
      expect(reset.out).toContain('2 sign-ins ended');
      expect(reset.out).not.toContain(RESET_PASSWORD);
      expect(reset.code).toBe(0);
      expect(await server.session(ipad.token)).toBe(401);
      expect(await server.session(laptop.token)).toBe(401);
      expect(await server.session(classTablet.body.token)).toBe(200);
      expect((await server.signIn('rivera@lakeside.test', PASSWORD)).status).toBe(401);
      const signedIn = await server.signIn('rivera@lakeside.test', RESET_PASSWORD);
      expect(signedIn.status).toBe(200);

      // --generate: a strong password, printed once, that signs in; the sign-in before it ends.
      const generated = await adminCommand(env, 'reset-password', ['--email', 'rivera@lakeside.test', '--generate']);
      expect(generated.code).toBe(0);
      expect(generated.out).toContain('1 sign-in ended');
      const password = /^New password: (\S+)$/m.exec(generated.out)?.[1];
      expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(await server.session(signedIn.body.token)).toBe(401);
      expect((await server.signIn('rivera@lakeside.test', password!)).status).toBe(200);
    },
  );

  it('refuses an unknown email, a weak or unchanged password, and a password in the arguments', async () => {
    const env = await productionEnv(kind);
    expect((await adminInProcess(env, ['create-school', ...lakeside], `${PASSWORD}\n`)).code).toBe(0);
    const rivera = ['--email', 'rivera@lakeside.test'];
    const refusals: [string[], string, number, string][] = [
      [['--email', 'nobody@lakeside.test'], RESET_PASSWORD, 1, 'no teacher account has the email nobody@lakeside.test'],
      [rivera, 'short', 2, 'password must be 10–200 characters'],
      [rivera, 'rivera-rocks-42', 2, 'too easy to guess (it contains the email)'],
      [rivera, 'Password2024!', 2, 'it is a common password'],
      [rivera, PASSWORD, 2, 'it is the password the account has now'],
      [[...rivera, `--password=${RESET_PASSWORD}`], RESET_PASSWORD, 2, 'never taken from the command line'],
      [[], RESET_PASSWORD, 2, 'Usage:'],
    ];
    for (const [args, password, code, message] of refusals) {
      const run = await adminInProcess(env, ['reset-password', ...args], `${password}\n`);
      expect(run.out, args.join(' ')).toContain(message);
      expect(run.code, args.join(' ')).toBe(code);
    }
    const server = await listening(env);
    expect((await server.signIn('rivera@lakeside.test', PASSWORD)).status).toBe(200); // unchanged
  });

  it(
    'a removal ends the teacher’s account and sign-ins, keeps the school’s data, and spares the last teacher',
    { timeout: 120_000 },
    async () => {
      const env = await productionEnv(kind);
      expect((await adminCommand(env, 'create-school', lakeside, `${PASSWORD}\n`)).code).toBe(0);
      expect((await adminCommand(env, 'add-teacher', okafor, `${COLLEAGUE_PASSWORD}\n`)).code).toBe(0);
      const server = await listening(env);
      const rivera = (await server.signIn('rivera@lakeside.test', PASSWORD)).body;
      const colleague = (await server.signIn('okafor@lakeside.test', COLLEAGUE_PASSWORD)).body;
      const room = await server.call<{ classId: string; joinCode: string }>('POST', '/classes', colleague.token, {
        name: 'Okafor’s room',
      });
      expect(room.status).toBe(201);
      const classTablet = await server.call<SessionResponse>('POST', '/devices/enroll', colleague.token, {
        joinCode: room.body.joinCode,
        kind: 'teacher',
        deviceId: 'okafor-class-ipad',
      });

      const removed = await adminCommand(env, 'remove-teacher', ['--email', 'okafor@lakeside.test']);
      expect(removed.out).toContain(
        'Teacher okafor@lakeside.test removed from "Lakeside Elementary" (id ' + rivera.scope.schoolId,
      );
      expect(removed.out).toContain('which now has 1 teacher; 1 sign-in ended');
      expect(removed.out).toContain('1 tablet they joined to a class');
      expect(removed.code).toBe(0);
      expect(await server.session(colleague.token)).toBe(401);
      expect((await server.signIn('okafor@lakeside.test', COLLEAGUE_PASSWORD)).status).toBe(401);
      expect(await server.session(classTablet.body.token)).toBe(200);
      expect(await server.session(rivera.token)).toBe(200);
      // Their class stays the school's.
      const classes = await server.call<{ classes: { classId: string }[] }>('GET', '/classes', rivera.token);
      expect(classes.body.classes.map((c) => c.classId)).toContain(room.body.classId);
      expect((await adminCommand(env, 'list-schools', [])).out).toMatch(/\s1\s+\S+\s+Lakeside Elementary$/m);

      // The last teacher stays unless forced; an unknown email changes nothing.
      const last = await adminInProcess(env, ['remove-teacher', '--email', 'rivera@lakeside.test']);
      expect(last.out).toContain('is the last teacher of "Lakeside Elementary"');
      expect(last.code).toBe(1);
      expect(await server.session(rivera.token)).toBe(200);
      expect((await adminInProcess(env, ['remove-teacher', '--email', 'okafor@lakeside.test'])).code).toBe(1);
      expect((await adminInProcess(env, ['remove-teacher'])).out).toContain('Usage:');
      const forced = await adminInProcess(env, ['remove-teacher', '--email', 'rivera@lakeside.test', '--force']);
      expect(forced.code).toBe(0);
      expect(await server.session(rivera.token)).toBe(401);

      // The email is free again: a teacher who comes back gets a new account.
      expect((await adminInProcess(env, ['add-teacher', ...okafor], `${COLLEAGUE_PASSWORD}\n`)).code).toBe(0);
      expect((await server.signIn('okafor@lakeside.test', COLLEAGUE_PASSWORD)).status).toBe(200);
    },
  );
});
