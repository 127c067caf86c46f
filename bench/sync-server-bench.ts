/**
 * `sync.push.changesPerSec` for the server: a real server on 127.0.0.1 over a fresh SQLite file or a
 * fresh PostgreSQL database; one class of 30 children; 20 pushes of 500 new evidence records each, sent
 * one after another as a device's outbox drains, after one warm-up push. Counts over HTTP, JSON included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  formatHlc,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type Change,
  type SessionResponse,
} from '../src/protocol/index.ts';
import { createServer } from '../server/http/app.ts';
import { openPostgresStorage, openSqliteStorage } from '../server/storage/sql-storage.ts';
import type { Storage } from '../server/storage/storage.ts';

const STUDENTS = 30;
const BATCHES = 20;
const BATCH_SIZE = 500;

const adminUrl = (): string =>
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** Null when PostgreSQL answers; else why not (the PostgreSQL figures are then skipped with this note). */
export async function postgresProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${adminUrl().replace(/:[^:@/]*@/, ':***@')} is unreachable (${String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openBenchStorage(
  kind: 'sqlite' | 'postgres',
): Promise<{ storage: Storage; dispose: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-bench-'));
    const storage = openSqliteStorage(join(dir, 'bench.sqlite'));
    return { storage, dispose: async () => (await storage.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const admin = adminUrl();
  const name = `waypoint_bench_${process.pid}_${Date.now()}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const storage = openPostgresStorage(url.toString());
  return {
    storage,
    dispose: async () => (await storage.close(), await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** A school with one class of STUDENTS children and a teacher tablet enrolled in it, on the server at `base`. */
export interface BenchSchool {
  /** BATCH_SIZE new evidence records as a push body, serialized (so the clock measures the server). */
  body(): string;
  push(body: string): Promise<void>;
}

export async function setUpBenchSchool(base: string, name: string): Promise<BenchSchool> {
  const call = async <T>(path: string, body: string, token?: string): Promise<T> => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${base}${path}`, { method: 'POST', headers, body });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as T;
  };
  const json = JSON.stringify;
  const account = { email: `bench@${name}.test`, password: 'bench password' };
  await call('/auth/sign-up', json({ ...account, displayName: 'B', schoolName: name }));
  const teacher = await call<SessionResponse>('/auth/sign-in', json(account));
  const cls = await call<{ joinCode: string; classId: string }>(
    '/classes',
    json({ name: 'Bench class' }),
    teacher.token,
  );
  const device = await call<SessionResponse>(
    '/devices/enroll',
    json({ joinCode: cls.joinCode, kind: 'teacher', deviceId: 'bench-device' }),
    teacher.token,
  );

  let n = 0;
  const start = Date.now() - 3600_000;
  const stamp = () => formatHlc({ wallMs: start + n, counter: 0 }, 'bench-device');
  const id = (prefix: string) => `${prefix}-${(n += 1)}`;
  const bodyOf = (changes: Change[]) => json({ protocolVersion: PROTOCOL_VERSION, deviceId: 'bench-device', changes });
  const push = async (body: string) => {
    const answer = await call<{ rejected: unknown[] }>('/sync/push', body, device.token);
    if (answer.rejected.length > 0) throw new Error(`bench push rejected ${answer.rejected.length} changes`);
  };
  const students = Array.from({ length: STUDENTS }, () => id('student'));
  await push(
    bodyOf(
      students.map((s) => ({
        changeId: id('c'),
        table: 'students',
        recordId: s,
        fields: { classId: cls.classId, displayName: s, picture: 'fox' },
        hlc: stamp(),
      })),
    ),
  );
  const body = (): string =>
    bodyOf(
      Array.from({ length: BATCH_SIZE }, (_, i) => ({
        changeId: id('c'),
        table: 'evidence',
        recordId: id('ev'),
        fields: {
          studentId: students[i % STUDENTS]!,
          targetIds: ['t-1'],
          kind: 'observation',
          observedAt: '2026-03-01T10:00:00Z',
          recordedAt: '2026-03-01T10:00:01Z',
          recordedBy: { kind: 'teacher', id: 't' },
          level: 3,
          note: 'read the word list aloud',
        },
        hlc: stamp(),
      })),
    );
  await push(body()); // warm-up
  return { body, push };
}

/** CPU time (user + system) of this process in ms. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Called around the timed pushes (outside the clock), e.g. to read another process's CPU. */
export interface TimingHooks {
  before?(): Promise<void>;
  after?(): Promise<void>;
}

/** One school's BATCHES pushes, one after another, to the server at `base`: the rate and this process's CPU. */
export async function timePushes(
  base: string,
  hooks: TimingHooks = {},
): Promise<{ changesPerSec: number; cpuMsPer1000: number; seconds: number; changes: number }> {
  const school = await setUpBenchSchool(base, 'bench');
  const bodies = Array.from({ length: BATCHES }, () => school.body());
  await hooks.before?.();
  const cpuBefore = cpuMs();
  const started = performance.now();
  for (const body of bodies) await school.push(body);
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuMs() - cpuBefore;
  await hooks.after?.();
  const total = BATCHES * BATCH_SIZE;
  return {
    changesPerSec: Math.round(total / seconds),
    cpuMsPer1000: Math.round((cpu / total) * 1000),
    seconds,
    changes: total,
  };
}

export async function benchPushChangesPerSec(
  kind: 'sqlite' | 'postgres',
): Promise<{ value: number; unit: 'changes/s'; detail: string }> {
  const { storage, dispose } = await openBenchStorage(kind);
  await storage.migrate();
  const app = await createServer({ storage, clock: { now: () => Date.now() } });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const run = await timePushes(`http://127.0.0.1:${address.port}/api/v1`);
    return {
      value: run.changesPerSec,
      unit: 'changes/s',
      detail:
        `${kind}: ${BATCHES} pushes × ${BATCH_SIZE} new evidence records over HTTP in ${run.seconds.toFixed(2)} s; ` +
        `${run.cpuMsPer1000} ms CPU per 1000 changes (server and client, one process)`,
    };
  } finally {
    await app.close();
    await dispose();
  }
}
