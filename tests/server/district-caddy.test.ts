/**
 * README "Host it for a district", run as written: two `npm run server` processes in production mode on one
 * PostgreSQL database (started at once, so they migrate it together), and Debian's Caddy in front with
 * server/deploy/Caddyfile (its variables pointed at free ports). Tablets sync through Caddy, which spreads
 * their requests over both processes; one process is stopped with SIGTERM halfway (a rolling restart: it
 * drains, /ready answering 503, until Caddy's health check has taken it out) and the tablets keep syncing; at the end every tablet holds the same, and a fresh tablet
 * sees it all. Without caddy on the machine the tablets alternate between the processes themselves.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addStudent, recordEvidence, updateStudent } from '#db';
import { snapshot, teacherDevice, type Device } from '#tests/sync/devices.ts';
import { newPostgresDatabase, storageKinds } from './helpers/databases.ts';

const root = join(import.meta.dirname, '..', '..');
const { problem } = await storageKinds();
const hasCaddy = (() => {
  try {
    execFileSync('caddy', ['version']);
    return true;
  } catch {
    return false;
  }
})();
const teacher = { kind: 'teacher', id: 't' } as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Child {
  readonly process: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

async function ready(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/ready`)).status === 200;
  } catch {
    return false;
  }
}

describe.runIf(problem === null)('a district: two server processes on one PostgreSQL behind Caddy', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  it('tablets syncing through the proxy converge, also across a rolling restart', async () => {
    const database = await newPostgresDatabase('district');
    cleanup.push(database.drop);
    const home = mkdtempSync(join(tmpdir(), 'waypoint-district-'));
    cleanup.push(async () => rmSync(home, { recursive: true, force: true }));

    const ports = [await freePort(), await freePort()];
    const servers = ports.map((port) =>
      run(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        NODE_ENV: 'production',
        TRUST_PROXY: 'true',
        ALLOW_SIGN_UP: 'true',
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        STATIC_DIR: join(home, 'no-app'),
        // Longer than the Caddyfile's health_interval, so Caddy has seen /ready fail before the process goes.
        SHUTDOWN_DRAIN_MS: '7000',
      }),
    );
    cleanup.push(...servers.map((s) => () => s.stop()));
    const direct = ports.map((port) => `http://127.0.0.1:${port}`);
    for (const base of direct) await expect.poll(() => ready(base), { timeout: 30_000 }).toBe(true);

    let front: string;
    let turn = 0;
    if (hasCaddy) {
      const caddyPort = await freePort();
      const caddy = run('caddy', ['run', '--config', 'server/deploy/Caddyfile', '--adapter', 'caddyfile'], {
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        WAYPOINT_CADDY_ADMIN: `127.0.0.1:${await freePort()}`,
        WAYPOINT_SITE: `http://127.0.0.1:${caddyPort}`,
        WAYPOINT_UPSTREAMS: direct.map((d) => d.replace('http://', '')).join(' '),
      });
      cleanup.push(() => caddy.stop());
      front = `http://127.0.0.1:${caddyPort}`;
      await expect.poll(() => ready(front), { timeout: 30_000 }).toBe(true);
    } else {
      front = '';
    }
    // Through Caddy, or (no caddy here) each request's tablet alternating between the processes.
    const base = () => (hasCaddy ? front : direct[turn++ % 2]!);

    const account = { email: 'it@district.test', password: 'correct horse battery' };
    const up = await fetch(`${base()}/api/v1/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-waypoint-protocol': '1' },
      body: JSON.stringify({ ...account, displayName: 'Ms Rivera', schoolName: 'Lincoln Elementary' }),
    });
    expect(up.status).toBe(202);
    const T0 = Date.now();
    const tablets: Device[] = [];
    // Each tablet's clock apart from the others' (a test store's ids come from its clock and a fixed seed).
    for (const [i, id] of ['a', 'b', 'c'].entries()) {
      tablets.push(await teacherDevice(id, base, account, T0 - (i + 1) * 60_000));
    }
    const made = await fetch(`${base()}/api/v1/classes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-waypoint-protocol': '1',
        authorization: `Bearer ${tablets[0]!.connection.token}`,
      },
      body: JSON.stringify({ name: 'Room 1' }),
    });
    const { classId } = (await made.json()) as { classId: string };

    const round = async (label: string) => {
      for (const tablet of tablets) {
        const kid = await addStudent(tablet.store, {
          classId,
          displayName: `${label} ${tablet.name}`,
          picture: 'fox',
          familyLanguage: 'en',
        });
        await recordEvidence(tablet.store, {
          studentId: kid.id,
          targetIds: ['t1'],
          kind: 'observation',
          level: 2,
          recordedBy: teacher,
        });
        await updateStudent(tablet.store, kid.id, { displayName: `${label} ${tablet.name}!` });
      }
      await Promise.all(tablets.map((t) => t.sync()));
    };
    for (let i = 0; i < 3; i++) await round(`before ${i}`);

    // A rolling restart: one process gets SIGTERM. It drains first (still serving, /ready 503, so Caddy's
    // health check takes it out), then stops; tablets keep syncing through the other all along.
    const stopped = servers[0]!.stop();
    await expect.poll(async () => (await fetch(`${direct[0]}/ready`)).status).toBe(503);
    expect((await fetch(`${direct[0]}/health`)).status).toBe(200);
    await round('draining');
    expect(await stopped).toBe(0);
    for (let i = 0; i < 2; i++) await round(`after ${i}`);
    for (const tablet of tablets) await tablet.sync();
    for (const tablet of tablets) await tablet.sync();

    const expected = await snapshot(tablets[0]!.store);
    expect(Object.keys(expected).filter((k) => k.startsWith('students/'))).toHaveLength(18);
    for (const tablet of tablets) expect(await snapshot(tablet.store)).toEqual(expected);
    const fresh = await teacherDevice('fresh', base, account, T0 - 10 * 60_000);
    await fresh.sync();
    expect(await snapshot(fresh.store)).toEqual(expected);

    // Both processes served pushes (their JSON logs name the route, never a child).
    for (const server of servers) expect(server.output()).toContain('"url":"/api/v1/sync/push"');
    for (const server of servers) expect(server.output()).not.toContain('before 0');
  }, 120_000);
});
