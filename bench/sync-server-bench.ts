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
    const base = `http://127.0.0.1:${address.port}/api/v1`;
    const call = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const account = { email: 'bench@bench.test', password: 'bench password' };
    await call('/auth/sign-up', { ...account, displayName: 'B', schoolName: 'Bench' });
    const teacher = await call<SessionResponse>('/auth/sign-in', account);
    const cls = await call<{ joinCode: string; classId: string }>('/classes', { name: 'Bench class' }, teacher.token);
    const device = await call<SessionResponse>(
      '/devices/enroll',
      { joinCode: cls.joinCode, kind: 'teacher', deviceId: 'bench-device' },
      teacher.token,
    );

    let n = 0;
    const start = Date.now() - 3600_000;
    const stamp = () => formatHlc({ wallMs: start + n, counter: 0 }, 'bench-device');
    const id = (prefix: string) => `${prefix}-${(n += 1)}`;
    const push = (changes: Change[]) =>
      call<{ rejected: unknown[] }>(
        '/sync/push',
        { protocolVersion: PROTOCOL_VERSION, deviceId: 'bench-device', changes },
        device.token,
      );
    const students = Array.from({ length: STUDENTS }, () => id('student'));
    await push(
      students.map((s) => ({
        changeId: id('c'),
        table: 'students',
        recordId: s,
        fields: { classId: cls.classId, displayName: s, picture: 'fox' },
        hlc: stamp(),
      })),
    );
    const batch = (): Change[] =>
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
      }));
    await push(batch()); // warm-up
    const batches = Array.from({ length: BATCHES }, batch);
    const started = performance.now();
    for (const b of batches) {
      const answer = await push(b);
      if (answer.rejected.length > 0) throw new Error(`bench push rejected ${answer.rejected.length} changes`);
    }
    const seconds = (performance.now() - started) / 1000;
    const total = BATCHES * BATCH_SIZE;
    return {
      value: Math.round(total / seconds),
      unit: 'changes/s',
      detail: `${kind}: ${BATCHES} pushes × ${BATCH_SIZE} new evidence records over HTTP in ${seconds.toFixed(2)} s`,
    };
  } finally {
    await app.close();
    await dispose();
  }
}
