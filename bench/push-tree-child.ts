/**
 * One measurement for push-side-by-side.ts: this tree's bench client (sync-server-bench.ts) against the
 * server code of the tree at argv[2] (its `server/`, over a fresh SQLite file), in a process of its own.
 * Prints one JSON line: changes per second and CPU ms per 1,000 changes (server and client, one process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { timePushes } from './sync-server-bench.ts';

interface TreeStorage {
  migrate(): Promise<void>;
  close(): Promise<void>;
}
interface TreeModules {
  readonly app: { createServer(options: { storage: TreeStorage; clock: { now(): number } }): Promise<FastifyInstance> };
  readonly storage: { openSqliteStorage(file: string): TreeStorage };
}

const root = resolve(process.argv[2] ?? '.');
const load = async (path: string): Promise<unknown> => import(pathToFileURL(join(root, path)).href);
const modules = {
  app: await load('server/http/app.ts'),
  storage: await load('server/storage/sql-storage.ts'),
} as TreeModules;

const dir = mkdtempSync(join(tmpdir(), 'waypoint-side-by-side-'));
const storage = modules.storage.openSqliteStorage(join(dir, 'bench.sqlite'));
await storage.migrate();
const app = await modules.app.createServer({ storage, clock: { now: () => Date.now() } });
try {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const result = await timePushes(`http://127.0.0.1:${address.port}/api/v1`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await app.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}
