/**
 * Backups of a PostgreSQL database with PostgreSQL's own tools: `pg_dump` (one consistent snapshot, taken
 * while the servers run) in its custom format, and `pg_restore` in one transaction (the servers stopped).
 * The connection string goes to them in the environment's PGDATABASE-style URL argument, never logged.
 */
import { execFile } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { createPrivateFile } from './private-file.ts';
import type { BackupReport } from './sqlite-backup.ts';

const run = promisify(execFile);

async function tool(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<string> {
  try {
    return (await run(name, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
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
  createPrivateFile(partial);
  try {
    await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`]);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, out);
  return { file: out, bytes: statSync(out).size };
}

/** The tables a dump holds, by schema and name, from its table of contents (`pg_restore --list`). */
export function dumpTables(list: string): { schema: string; name: string }[] {
  return [...list.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)].map((m) => ({ schema: m[1]!, name: m[2]! }));
}

/**
 * Replaces every Waypoint table in the database at `url` with the dump's, in one transaction. A table the
 * dump lacks (made by a migration newer than the backup) is dropped afterwards, so the server's migrations
 * make it again from the restored schema version instead of failing on it.
 */
export async function restorePostgres(url: string, dump: string): Promise<void> {
  if (!existsSync(dump)) throw new Error(`There is no file ${dump}`);
  const tables = dumpTables(await tool('pg_restore', ['--list', dump]));
  if (!tables.some((t) => t.name === 'schema_migrations')) {
    throw new Error(`${dump} is not a Waypoint backup (no schema_migrations table); nothing was changed`);
  }
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
  await dropTablesNotIn(url, tables);
}

async function dropTablesNotIn(url: string, kept: readonly { schema: string; name: string }[]): Promise<void> {
  const schemas = [...new Set(kept.map((t) => t.schema))];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const present = await client.query<{ schemaname: string; tablename: string }>(
      'SELECT schemaname, tablename FROM pg_tables WHERE schemaname = ANY($1)',
      [schemas],
    );
    for (const { schemaname, tablename } of present.rows) {
      if (kept.some((t) => t.schema === schemaname && t.name === tablename)) continue;
      await client.query(
        `DROP TABLE IF EXISTS ${client.escapeIdentifier(schemaname)}.${client.escapeIdentifier(tablename)} CASCADE`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
