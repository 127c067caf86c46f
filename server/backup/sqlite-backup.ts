/**
 * Backups of the SQLite file with SQLite's online backup API (better-sqlite3's `db.backup()`): a consistent
 * copy taken while the server runs and keeps writing (WAL lets it), written beside the target and renamed
 * into place only when whole and checked. A restore needs the server stopped: the file is replaced under it.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile } from './private-file.ts';
import { SCHEMA_VERSION } from '#server/storage/migrations.ts';

export interface BackupReport {
  readonly file: string;
  readonly schemaVersion: number;
  readonly bytes: number;
}

/** Checks a backup file: SQLite's integrity check passes and its schema is one this server knows. */
export function checkSqliteBackup(file: string): { schemaVersion: number } {
  if (!existsSync(file)) throw new Error(`There is no file ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} is not a SQLite database: ${(error as Error).message}`, { cause: error });
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file} is damaged (SQLite integrity check: ${String(integrity)})`);
    const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!hasLog) throw new Error(`${file} is not a Waypoint database (no schema_migrations table)`);
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const schemaVersion = Number(row.v ?? 0);
    if (schemaVersion > SCHEMA_VERSION) {
      throw new Error(
        `${file} was made by a newer Waypoint server (schema ${schemaVersion}; this one knows ${SCHEMA_VERSION}): ` +
          'restore it with that version or newer.',
      );
    }
    return { schemaVersion };
  } finally {
    db.close();
  }
}

/** Copies the live database `source` to `out` while the server keeps running. */
export async function backupSqlite(source: string, out: string): Promise<BackupReport> {
  if (!existsSync(source)) throw new Error(`There is no database at ${source} (set DATA_DIR)`);
  if (existsSync(out)) throw new Error(`${out} exists already; choose a new file name`);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  createPrivateFile(partial);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Everything in one step after the first: a write by the server between steps would restart the copy.
    const metadata = await db.backup(partial, { progress: () => 1_000_000_000 });
    checkSqliteBackup(partial);
    renameSync(partial, out);
    const { schemaVersion } = checkSqliteBackup(out);
    return { file: out, schemaVersion, bytes: metadata.totalPages * Number(db.pragma('page_size', { simple: true })) };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/** Throws when a process (a running server) has the database open: a restore would pull it from under it. */
export function assertNotInUse(file: string): void {
  if (!existsSync(file)) return;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    // Fold the write-ahead log into the file, so the copy kept aside is whole on its own.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    throw new Error(`${file} is in use: stop the Waypoint server first, then restore.`, { cause: error });
  } finally {
    db.close();
  }
}

/**
 * Puts `backup` in place of the database `target` (the server stopped). The database it replaces is kept
 * beside it as `<target>.before-restore-<time>`; returns that name (null when there was none).
 */
export async function restoreSqlite(backup: string, target: string, now: Date): Promise<string | null> {
  checkSqliteBackup(backup);
  assertNotInUse(target);
  // A new machine's data folder may not exist yet.
  mkdirSync(dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  rmSync(incoming, { force: true });
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(incoming, { progress: () => 1_000_000_000 });
  } finally {
    source.close();
  }
  let keptAside: string | null = null;
  if (existsSync(target)) {
    keptAside = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, keptAside);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  return keptAside;
}
