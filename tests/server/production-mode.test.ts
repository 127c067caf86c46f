/**
 * Production mode (README "Host it for a district"): with NODE_ENV=production `npm start`'s composition
 * root makes no demo school and refuses the demo's published sign-in should an old database hold it;
 * sign-up is refused unless ALLOW_SIGN_UP=true; /health and /ready answer without a token or protocol
 * header, and /ready says 503 when the database does not answer or lacks a migration. The school server
 * makes no demo school either: its first teacher signs up, and after that sign-up is closed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '#protocol';
import { deploymentFromEnv } from '#server/deployment.ts';
import { createServer, openStorageFromEnv, startFromEnv, type Started } from '#server/main.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemoSchool } from '#server/seed.ts';
import { SCHEMA_VERSION } from '#server/storage/migrations.ts';
import { openPostgresStorage } from '#server/storage/sql-storage.ts';
import { testClock } from './helpers/http.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-prod-'));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function listen(started: Pick<Started, 'app' | 'close'>): Promise<string> {
  cleanup.push(() => started.close());
  await started.app.listen({ port: 0, host: '127.0.0.1' });
  const address = started.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

const json = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
const signUp = (base: string, email: string) =>
  fetch(`${base}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password: 'correct horse battery', displayName: 'Ms P', schoolName: 'P School' }),
  });
const signIn = (base: string, email: string, password: string) =>
  fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });

describe('NODE_ENV=production', () => {
  it('makes no demo school, refuses sign-up, and answers /health and /ready', async () => {
    const env = { NODE_ENV: 'production', DATA_DIR: dataDir(), LOG_LEVEL: 'silent' };
    const started = await startFromEnv(env);
    const base = await listen(started);
    expect(started.demo).toBeNull();
    expect(await started.storage.findTeacherByEmail(DEMO_EMAIL)).toBeUndefined();
    expect(await started.storage.hasAnySchool()).toBe(false);

    const up = await signUp(base, 'first@school.test');
    expect(up.status).toBe(403);
    expect(((await up.json()) as { error: { message: string } }).error.message).toContain('does not take new schools');
    expect(await started.storage.hasAnySchool()).toBe(false);
    expect((await signIn(base, DEMO_EMAIL, DEMO_PASSWORD)).status).toBe(403);

    for (const path of ['/health', '/ready', '/api/v1/health', '/api/v1/ready']) {
      const r = await fetch(`${base}${path}`); // no token, no protocol header
      expect(r.status, path).toBe(200);
      expect(await r.json()).toEqual({ ok: true });
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('takes new schools with ALLOW_SIGN_UP=true', async () => {
    const started = await startFromEnv({
      NODE_ENV: 'production',
      ALLOW_SIGN_UP: 'true',
      DATA_DIR: dataDir(),
      LOG_LEVEL: 'silent',
    });
    const base = await listen(started);
    expect((await signUp(base, 'first@school.test')).status).toBe(202);
    expect((await signUp(base, 'second@school.test')).status).toBe(202);
    expect((await signIn(base, 'second@school.test', 'correct horse battery')).status).toBe(200);
  });

  it('refuses the demo sign-in on a database an earlier `npm start` seeded', async () => {
    const dir = dataDir();
    const old = openStorageFromEnv({ DATA_DIR: dir });
    await old.migrate();
    await seedDemoSchool({ storage: old, clock: testClock() });
    await old.close();
    const started = await startFromEnv({ NODE_ENV: 'production', DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const base = await listen(started);
    const r = await signIn(base, DEMO_EMAIL, DEMO_PASSWORD);
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe(
      'This account is turned off on this server',
    );
  });

  it('without NODE_ENV, `npm start` still makes the demo school for a first look', async () => {
    const started = await startFromEnv({ DATA_DIR: dataDir(), LOG_LEVEL: 'silent' });
    const base = await listen(started);
    expect(started.demo?.joinCode).toMatch(/^[A-Z2-9]{8}$/);
    expect((await signIn(base, DEMO_EMAIL, DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('/ready', () => {
  it('is 503 when the database lacks a migration this server needs', async () => {
    const storage = openStorageFromEnv({ DATA_DIR: dataDir() });
    await storage.migrate();
    const behind = { ...storage, schemaVersion: async () => SCHEMA_VERSION - 1 };
    const app = await createServer({ storage: behind, clock: testClock() });
    const base = await listen({ app, close: async () => (await app.close(), await storage.close()) });
    const r = await fetch(`${base}/ready`);
    expect(r.status).toBe(503);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('migrations not applied');
    expect((await fetch(`${base}/health`)).status).toBe(200); // alive all the same
  });

  it('is 503 when the database does not answer', async () => {
    const storage = openPostgresStorage('postgres://nobody:nothing@127.0.0.1:1/none');
    const app = await createServer({ storage, clock: testClock() });
    const base = await listen({ app, close: async () => (await app.close(), await storage.close()) });
    const r = await fetch(`${base}/ready`);
    expect(r.status).toBe(503);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe('The database does not answer');
  });
});

describe('the school server', () => {
  it('makes no demo school, and lets only its first teacher sign up', async () => {
    const deployment = deploymentFromEnv({}, 'school', DEMO_EMAIL);
    expect(deployment).toMatchObject({ seedDemo: false, signUp: 'firstSchool', production: false });
    const storage = openStorageFromEnv({ DATA_DIR: dataDir() });
    await storage.migrate();
    const app = await createServer({ storage, clock: testClock(), allowSignUp: deployment.signUp });
    const base = await listen({ app, close: async () => (await app.close(), await storage.close()) });
    expect((await signUp(base, 'first@school.test')).status).toBe(202);
    expect((await signIn(base, 'first@school.test', 'correct horse battery')).status).toBe(200);
    expect((await signUp(base, 'stranger@school.test')).status).toBe(403);
  });

  it.each([
    [{}, 'start', { seedDemo: true, signUp: true }],
    [{ ALLOW_SIGN_UP: 'false' }, 'start', { seedDemo: true, signUp: false }],
    [{ NODE_ENV: 'production' }, 'start', { seedDemo: false, signUp: false }],
    [{ NODE_ENV: 'production', ALLOW_SIGN_UP: 'true' }, 'start', { seedDemo: false, signUp: true }],
    [{}, 'school', { seedDemo: false, signUp: 'firstSchool' }],
    [{ ALLOW_SIGN_UP: 'true' }, 'school', { seedDemo: false, signUp: true }],
    [{ NODE_ENV: 'production' }, 'school', { seedDemo: false, signUp: false }],
  ] as const)('%o for %s', (env, entry, expected) => {
    expect(deploymentFromEnv(env, entry, DEMO_EMAIL)).toMatchObject(expected);
  });
});
