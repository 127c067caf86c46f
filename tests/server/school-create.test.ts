/**
 * `npm run school:create` (README "Host it for a district"): on a production server, where sign-up is
 * closed, the district makes a school and its first teacher from the command line, beside the running
 * server, on a real SQLite file and a real PostgreSQL database. The command migrates the database as the
 * server does, reads the password from a pipe (never from its arguments), and the school it makes is the
 * one sign-up makes: the teacher signs in over HTTP and pulls the school, themself and the starter content.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, STARTER_HLC, type PulledChange, type SessionResponse } from '#protocol';
import { starterRecords } from '#content/index.ts';
import { startFromEnv, type Started } from '#server/main.ts';
import { SCHEMA_VERSION } from '#server/storage/migrations.ts';
import { storageKinds } from './helpers/databases.ts';
import { adminCommand, adminInProcess, newProductionEnv } from './helpers/admin-cli.ts';

const { kinds } = await storageKinds();
const PASSWORD = 'correct horse battery';
const json = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const productionEnv = (kind: 'sqlite' | 'postgres') =>
  newProductionEnv(kind, 'create', (remove) => cleanup.push(remove));

const schoolCreate = (env: NodeJS.ProcessEnv, args: string[], stdin: string) =>
  adminCommand(env, 'create-school', args, stdin);

async function listen(started: Started): Promise<string> {
  cleanup.push(() => started.close());
  await started.app.listen({ port: 0, host: '127.0.0.1' });
  const address = started.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

async function pullAll(base: string, token: string): Promise<PulledChange[]> {
  const all: PulledChange[] = [];
  let cursor = '0';
  for (;;) {
    const r = await fetch(`${base}/api/v1/sync/pull?since=${cursor}&limit=1000`, {
      headers: { ...json, authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(200);
    const page = (await r.json()) as { changes: PulledChange[]; cursor: string; hasMore: boolean };
    all.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return all;
  }
}

const lakeside = ['--school', 'Lakeside Elementary', '--email', 'Ms.Rivera@Lakeside.test', '--name', 'Ms Rivera'];

describe.each(kinds)('npm run school:create on %s', (kind) => {
  it(
    'makes a school and its first teacher where sign-up is closed, as sign-up would',
    { timeout: 120_000 },
    async () => {
      const env = await productionEnv(kind);

      // Before any server ever ran: the command migrates the new database itself.
      const made = await schoolCreate(env, lakeside, `${PASSWORD}\n`);
      expect(made.out).toContain('School "Lakeside Elementary" created');
      expect(made.code).toBe(0);

      const started = await startFromEnv(env);
      expect(await started.storage.schemaVersion()).toBe(SCHEMA_VERSION);
      const base = await listen(started);
      const signUp = await fetch(`${base}/api/v1/auth/sign-up`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'x@y.test', password: PASSWORD, displayName: 'X', schoolName: 'X' }),
      });
      expect(signUp.status).toBe(403); // production: sign-up stays closed

      const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'ms.rivera@lakeside.test', password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const session = (await signIn.json()) as SessionResponse;
      const pulled = await pullAll(base, session.token);
      const school = pulled.find((c) => c.table === 'schools');
      expect(school?.recordId).toBe(session.scope.schoolId);
      expect(school?.fields).toMatchObject({ name: 'Lakeside Elementary' });
      expect(pulled.find((c) => c.table === 'teachers')?.fields).toMatchObject({ displayName: 'Ms Rivera' });
      const starter = pulled.filter((c) => c.hlc === STARTER_HLC);
      expect(starter).toHaveLength(starterRecords().length);

      // Beside the running server: a second school; the same email again makes nothing.
      const second = ['--school', 'Hillside', '--email', 'mr.okafor@hillside.test', '--name', 'Mr Okafor'];
      expect((await schoolCreate(env, second, `${PASSWORD}\r\n`)).code).toBe(0);
      const sameEmail = ['create-school', '--school', 'Another', ...lakeside.slice(2)];
      const refused = await adminInProcess(env, sameEmail, `${PASSWORD}\n`);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('ms.rivera@lakeside.test already has an account');
      const okafor = await fetch(`${base}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'mr.okafor@hillside.test', password: PASSWORD }),
      });
      expect(okafor.status).toBe(200);
      expect(((await okafor.json()) as SessionResponse).scope.schoolId).not.toBe(session.scope.schoolId);
    },
  );

  it('never takes the password from its arguments, and refuses a short or guessable one', async () => {
    const env = await productionEnv(kind);
    const run = (args: string[], stdin: string) => adminInProcess(env, ['create-school', ...args], stdin);
    const inArgs = await run([...lakeside, '--password', PASSWORD], `${PASSWORD}\n`);
    expect(inArgs.code).toBe(2);
    expect(inArgs.out).toContain('never taken from the command line');
    const short = await run(lakeside, 'short\n');
    expect(short.code).toBe(2);
    expect(short.out).toContain('password must be 10–200 characters');
    const guessable = await run(lakeside, 'rivera-rules\n'); // long enough, but the teacher's name
    expect(guessable.code).toBe(2);
    expect(guessable.out).toContain('the password is too easy to guess (it contains the teacher’s name)');
    expect((await run(lakeside, '')).code).toBe(2);
    expect((await run(lakeside.slice(0, 4), `${PASSWORD}\n`)).code).toBe(2); // no --name

    const started = await startFromEnv(env);
    cleanup.push(() => started.close());
    expect(await started.storage.hasAnySchool()).toBe(false);
  });
});
