/**
 * Storages for the contract suite: a temp SQLite file, and a fresh PostgreSQL database per run. Under
 * CI=true an unreachable PostgreSQL fails the suite; locally it is skipped with a message.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { SqlDriver } from '#server/storage/driver.ts';
import { openPostgresDriver } from '#server/storage/postgres-driver.ts';
import { openPostgresStorage, openSqliteStorage } from '#server/storage/sql-storage.ts';
import { openSqliteDriver } from '#server/storage/sqlite-driver.ts';
import type { Storage } from '#server/storage/storage.ts';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const IS_CI = process.env.CI === 'true';

export type StorageKind = 'sqlite' | 'postgres';

export interface TestStorage {
  readonly storage: Storage;
  /** The PostgreSQL database's URL (null for SQLite), to look at it from outside, e.g. its locks. */
  readonly url: string | null;
  /** Closes this storage and opens the same database again, as a restarted server would. */
  reopen(): Promise<Storage>;
  /** A second connection to the same database, as another server process would have (caller closes it). */
  openAnother(): Storage;
  dispose(): Promise<void>;
}

let probe: Promise<string | null> | undefined;

/** Null when PostgreSQL answers, else why not. */
export function postgresProblem(): Promise<string | null> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      return `PostgreSQL at ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')} is unreachable: ${String(error)}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A new, empty PostgreSQL database named after `label` (unique per run); `drop` removes it. */
export async function newPostgresDatabase(label: string): Promise<ScratchDatabase> {
  const name = `waypoint_${label}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Whether PostgreSQL's pg_dump is installed (the backups of a PostgreSQL server need it). */
export function hasPgDump(): boolean {
  try {
    execFileSync('pg_dump', ['--version']);
    return true;
  } catch {
    return false;
  }
}

export async function createTestStorage(kind: StorageKind): Promise<TestStorage> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-test-'));
    let storage = openSqliteStorage(join(dir, 'test.sqlite'));
    await storage.migrate();
    return {
      get storage() {
        return storage;
      },
      url: null,
      openAnother: () => openSqliteStorage(join(dir, 'test.sqlite')),
      reopen: async () => {
        await storage.close();
        storage = openSqliteStorage(join(dir, 'test.sqlite'));
        await storage.migrate();
        return storage;
      },
      dispose: async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { url, drop } = await newPostgresDatabase('test');
  let storage = openPostgresStorage(url);
  await storage.migrate();
  return {
    get storage() {
      return storage;
    },
    url,
    openAnother: () => openPostgresStorage(url),
    reopen: async () => {
      await storage.close();
      storage = openPostgresStorage(url);
      await storage.migrate();
      return storage;
    },
    dispose: async () => {
      await storage.close();
      await drop();
    },
  };
}

/** The kinds to run: PostgreSQL is left out (with a warning) only outside CI. */
export async function storageKinds(): Promise<{ kinds: StorageKind[]; problem: string | null }> {
  const problem = await postgresProblem();
  if (problem !== null && !IS_CI) {
    console.warn(`SKIPPING the PostgreSQL runs: ${problem}. Set CI=true to make this a failure.`);
    return { kinds: ['sqlite'], problem };
  }
  return { kinds: ['sqlite', 'postgres'], problem };
}

export interface EmptyDatabase {
  /** A storage over the database, not migrated. */
  open(): Storage;
  /** The raw driver, to build a database the way older code did. */
  driver(): SqlDriver;
  dispose(): Promise<void>;
}

/** A new, empty database (a SQLite file or a PostgreSQL database), for migration tests. */
export async function emptyDatabase(kind: StorageKind): Promise<EmptyDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-migrate-'));
    const file = join(dir, 'old.sqlite');
    return {
      open: () => openSqliteStorage(file),
      driver: () => openSqliteDriver(file),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { url, drop } = await newPostgresDatabase('migrate');
  return { open: () => openPostgresStorage(url), driver: () => openPostgresDriver(url), dispose: drop };
}
