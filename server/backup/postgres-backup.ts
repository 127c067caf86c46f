/**
 * Backups of a PostgreSQL database with PostgreSQL's own tools: `pg_dump` (one consistent snapshot, taken
 * while the servers run) in its custom format, and `pg_restore` in one transaction (the servers stopped).
 * The connection string goes to them in the environment's PGDATABASE-style URL argument, never logged.
 */
import { execFile } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import type { BackupReport } from './sqlite-backup.ts';

const run = promisify(execFile);

async function tool(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(name, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error(`${name} is not installed (Debian: apt-get install postgresql-client)`, { cause: error });
    }
    throw new Error(`${name} failed: ${(e.stderr ?? e.message).trim()}`, { cause: error });
  }
}

export async function backupPostgres(url: string, out: string): Promise<Omit<BackupReport, 'schemaVersion'>> {
  if (existsSync(out)) throw new Error(`${out} exists already; choose a new file name`);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`]);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, out);
  return { file: out, bytes: statSync(out).size };
}

/** Replaces every Waypoint table in the database at `url` with the dump's, in one transaction. */
export async function restorePostgres(url: string, dump: string): Promise<void> {
  if (!existsSync(dump)) throw new Error(`There is no file ${dump}`);
  await tool('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    dump,
  ]);
}
