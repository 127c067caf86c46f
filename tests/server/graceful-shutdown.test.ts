/**
 * Graceful shutdown: on SIGTERM (a deploy, a restart) the server stops taking requests, lets a push in
 * flight commit and answer, then closes the database and exits 0; a push that never ends does not keep
 * the process alive past SHUTDOWN_TIMEOUT_MS. Then the real thing: `npm start`'s entry in a child process,
 * SIGTERM while tablets push, every push it answered 200 is in the database afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PushResponse, type SessionResponse } from '#protocol';
import { createServer, openStorageFromEnv } from '#server/main.ts';
import { closeGracefully, closeOnSignals } from '#server/shutdown.ts';
import type { Storage } from '#server/storage/storage.ts';
import { visibilityFor } from '#server/sync/access.ts';
import type { Principal } from '#server/sync/principal.ts';
import { createTestStorage } from './helpers/databases.ts';
import { change, hlc, newId } from './helpers/fixtures.ts';
import { testClock } from './helpers/http.ts';

const root = join(import.meta.dirname, '..', '..');
const headers = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A teacher account on the server at `base`: its token and email. */
async function teacherToken(base: string): Promise<{ token: string; email: string }> {
  const account = { email: `${newId('t')}@school.test`, password: 'correct horse battery' };
  const up = await fetch(`${base}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ...account, displayName: 'Ms T', schoolName: 'T School' }),
  });
  expect(up.status).toBe(202);
  const r = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify(account) });
  return { token: ((await r.json()) as SessionResponse).token, email: account.email };
}

/** Every change id in the teacher's school, read straight from the database. */
async function storedChangeIds(storage: Storage, email: string): Promise<Set<string>> {
  const teacher = await storage.findTeacherByEmail(email);
  if (!teacher) throw new Error('no teacher');
  const who: Principal = {
    kind: 'teacher',
    tokenId: 'test',
    schoolId: teacher.schoolId,
    classId: null,
    studentId: null,
    teacherId: teacher.id,
  };
  const page = await storage.pull(visibilityFor(who), 0, 100_000);
  return new Set(page.changes.map((c) => c.changeId));
}

function push(base: string, token: string, changes: ReturnType<typeof change>[]): Promise<Response> {
  return fetch(`${base}/api/v1/sync/push`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: 'tablet-1', changes }),
  });
}

/** A storage whose push transactions wait, once armed, until the test lets them commit. */
function gated(inner: Storage) {
  let armed = false;
  let entered: () => void = () => undefined;
  let release: () => void = () => undefined;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const storage: Storage = {
    ...inner,
    syncTransaction: (schoolId, fn) =>
      inner.syncTransaction(schoolId, async (tx) => {
        const result = await fn(tx);
        if (armed) {
          entered();
          await gate;
        }
        return result;
      }),
  };
  return { storage, arm: () => void (armed = true), inside, release };
}

async function gatedServer() {
  const t = await createTestStorage('sqlite');
  cleanup.push(() => t.dispose().catch(() => undefined));
  const g = gated(t.storage);
  const app = await createServer({ storage: g.storage, clock: testClock() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { t, g, app, base: `http://127.0.0.1:${address.port}` };
}

describe('graceful shutdown', () => {
  it('on SIGTERM lets a push in flight commit and answer, takes no new request, then exits 0', async () => {
    const { t, g, app, base } = await gatedServer();
    const token = await teacherToken(base);
    const changes = Array.from({ length: 20 }, (_, i) => change('targets', newId('tg'), { code: `K.${i}` }, hlc(1000)));
    g.arm();
    const inFlight = push(base, token.token, changes);
    await g.inside;

    const exits: number[] = [];
    let closed = false;
    const remove = closeOnSignals({
      close: async () => {
        await closeGracefully([app], g.storage);
        closed = true;
      },
      timeoutMs: 30_000,
      log: () => undefined,
      exit: (code) => void exits.push(code),
    });
    cleanup.push(async () => remove());
    process.emit('SIGTERM', 'SIGTERM');

    // A new request while stopping is refused (503 on an open connection, or no connection at all).
    const late = await fetch(`${base}/api/v1/health`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);
    expect(closed).toBe(false); // the push still holds it open

    g.release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as PushResponse).accepted).toEqual(changes.map((c) => c.changeId));
    await expect.poll(() => exits).toEqual([0]);
    expect(closed).toBe(true);

    const again = t.openAnother();
    cleanup.push(() => again.close());
    const stored = await storedChangeIds(again, token.email);
    for (const c of changes) expect(stored.has(c.changeId)).toBe(true);
  });

  it('exits 1 when a request is still running after the timeout', async () => {
    const { g, app, base } = await gatedServer();
    const token = await teacherToken(base);
    g.arm();
    const stuck = push(base, token.token, [change('targets', newId('tg'), { code: 'K.1' }, hlc(1000))]);
    await g.inside;
    const exits: number[] = [];
    const remove = closeOnSignals({
      close: () => closeGracefully([app], g.storage),
      timeoutMs: 200,
      log: () => undefined,
      exit: (code) => void exits.push(code),
    });
    cleanup.push(async () => remove());
    process.emit('SIGTERM', 'SIGTERM');
    await expect.poll(() => exits).toEqual([1]);
    g.release();
    expect((await stuck).status).toBe(200);
  });
});

describe('npm start in production, stopped with SIGTERM while tablets push', () => {
  it('exits 0, and every push it answered 200 is in the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-sigterm-'));
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ALLOW_SIGN_UP: 'true',
        PORT: '0',
        DATA_DIR: dataDir,
        STATIC_DIR: join(dataDir, 'no-app'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cleanup.push(async () => void (child.exitCode === null && child.kill('SIGKILL')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await expect
      .poll(() => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.test(output), { timeout: 30_000 })
      .toBe(true);
    const base = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
    const token = await teacherToken(base);

    const sent = Array.from({ length: 8 }, (_, p) =>
      Array.from({ length: 50 }, (_, i) => change('targets', newId('tg'), { code: `${p}.${i}` }, hlc(1000 + i))),
    );
    const answers = sent.map((changes) =>
      push(base, token.token, changes).then(
        async (r) => (r.status === 200 ? ((await r.json()) as PushResponse).accepted : []),
        () => [] as string[],
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGTERM');
    const accepted = (await Promise.all(answers)).flat();
    expect(await exited).toBe(0);
    // Logs are JSON lines.
    const lines = output.split('\n').filter((l) => l.trim() !== '');
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(output).toContain('SIGTERM, finishing the requests in flight');

    const storage = openStorageFromEnv({ DATA_DIR: dataDir });
    cleanup.push(() => storage.close());
    const stored = await storedChangeIds(storage, token.email);
    expect(accepted.length).toBeGreaterThan(0);
    for (const id of accepted) expect(stored.has(id), id).toBe(true);
  }, 60_000);
});
