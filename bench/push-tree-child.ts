/**
 * One measurement for push-side-by-side.ts: this tree's bench client (sync-server-bench.ts) against the
 * server code of the tree at argv[2] (its `server/`, over a fresh SQLite file, or with argv[3] `postgres` a
 * fresh PostgreSQL database at BENCH_DATABASE_URL / TEST_DATABASE_URL), in a process of its own. Prints one
 * JSON line: changes per second, CPU ms per 1,000 changes of this process (server and client), and on
 * PostgreSQL also of the database's backends serving the bench (read from /proc by their pids).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { timePushes } from './sync-server-bench.ts';

interface TreeStorage {
  migrate(): Promise<void>;
  close(): Promise<void>;
}
interface TreeModules {
  readonly app: { createServer(options: { storage: TreeStorage; clock: { now(): number } }): Promise<FastifyInstance> };
  readonly storage: {
    openSqliteStorage(file: string): TreeStorage;
    openPostgresStorage(url: string): TreeStorage;
  };
}

const root = resolve(process.argv[2] ?? '.');
const onPostgres = process.argv[3] === 'postgres';
const load = async (path: string): Promise<unknown> => import(pathToFileURL(join(root, path)).href);
const modules = {
  app: await load('server/http/app.ts'),
  storage: await load('server/storage/sql-storage.ts'),
} as TreeModules;

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function admin<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  return (await client.query<T>(sql).finally(() => client.end())).rows;
}

/** CPU ms (user + system) of a process from /proc; 0 when it is gone or unreadable. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** CPU ms of each backend connected to `database` (a backend that connects later counts from 0). */
async function backendsCpu(database: string): Promise<Map<number, number>> {
  const rows = await admin<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = '${database}'`);
  return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
}

let storage: TreeStorage;
let dispose: () => Promise<void>;
let database: string | null = null;
if (onPostgres) {
  database = `waypoint_side_${process.pid}_${Date.now()}`;
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  storage = modules.storage.openPostgresStorage(url.toString());
  dispose = async () => void (await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-side-by-side-'));
  storage = modules.storage.openSqliteStorage(join(dir, 'bench.sqlite'));
  dispose = async () => rmSync(dir, { recursive: true, force: true });
}
await storage.migrate();
const app = await modules.app.createServer({ storage, clock: { now: () => Date.now() } });
try {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  let before = new Map<number, number>();
  let dbCpuMs = 0;
  const result = await timePushes(`http://127.0.0.1:${address.port}/api/v1`, {
    before: async () => void (database && (before = await backendsCpu(database))),
    after: async () => {
      if (!database) return;
      for (const [pid, ms] of await backendsCpu(database)) dbCpuMs += ms - (before.get(pid) ?? 0);
    },
  });
  const { changes, ...run } = result;
  const db = database ? { dbCpuMsPer1000: Math.round((dbCpuMs / changes) * 1000) } : {};
  process.stdout.write(`${JSON.stringify({ ...run, ...db })}\n`);
} finally {
  await app.close();
  await storage.close();
  await dispose();
}
