/**
 * Versioned schema migrations. Each is applied once, in its own transaction, and recorded in
 * `schema_migrations`; a database recorded as newer than this code is refused with a plain error. Every
 * migration takes a lock all server processes share (migrationTransaction) and re-reads the applied
 * versions inside it, so several processes starting at once over one PostgreSQL apply each exactly once.
 *
 * Adding one: append `{ version: N + 1, name, up }` to MIGRATIONS; never edit a published migration.
 * tests/server/migrations.test.ts upgrades a database made before migrations existed, with data in it.
 */
import { randomBytes } from 'node:crypto';
import { MAX_CLOCK_AHEAD_MS } from '#protocol';
import type { MigrationExecutor, SqlDriver } from './driver.ts';
import { initialSchemaSql } from './schema.ts';
import { rebuildChangeLogPerSchoolSqlite } from './migration-change-log.ts';
import { clusterRecordsSqlite } from './migration-clustered-records.ts';
import { recordDocumentsPostgres, recordDocumentsSqlite } from './migration-record-documents.ts';

export type SqlKind = 'sqlite' | 'postgres';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(tx: MigrationExecutor, kind: SqlKind, nowMs: number): Promise<void>;
}

export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `The database's schema is version ${found}, but this server knows only up to version ${known}: ` +
        'it was used by a newer Waypoint server. Run that version (or newer) instead; nothing was changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Wall time of a stamp as 13 digits, for comparing with stored stamps as strings. */
const wallDigits = (ms: number): string => String(Math.max(0, Math.floor(ms))).padStart(13, '0');

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    async up(tx, kind) {
      await tx.exec(initialSchemaSql(kind));
      await tx.run("INSERT INTO server_meta (key, value) VALUES ('epoch', ?) ON CONFLICT (key) DO NOTHING", [
        randomEpoch(),
      ]);
    },
  },
  {
    // A change id is unique per school, not server-wide, and keeps a hash of its content so a reused id
    // with other content is told apart from a re-send.
    version: 2,
    name: 'change ids per school',
    async up(tx, kind) {
      if (kind === 'sqlite') {
        await rebuildChangeLogPerSchoolSqlite(tx);
        return;
      }
      await tx.exec(`
ALTER TABLE change_log DROP CONSTRAINT IF EXISTS change_log_change_id_key;
ALTER TABLE change_log ADD COLUMN content_hash TEXT;
CREATE UNIQUE INDEX change_log_school_change ON change_log (school_id, change_id);`);
    },
  },
  {
    // Failed sign-ins, enrollments and sign-ups, shared by every server process.
    version: 3,
    name: 'throttles',
    async up(tx, kind) {
      const int = kind === 'sqlite' ? 'INTEGER' : 'BIGINT';
      await tx.exec(`CREATE TABLE throttles (key TEXT PRIMARY KEY, hits INTEGER NOT NULL, last_at ${int} NOT NULL);
CREATE INDEX throttles_last_at ON throttles (last_at);`);
    },
  },
  {
    // Whether a citation lets its readers read the blob: 1 yes, 0 no (the citing device could not read it),
    // NULL when the blob was not there yet: then the uploader decides (its class must be the citation's).
    // And which token uploaded a blob, so a device may cite what it uploaded itself.
    version: 4,
    name: 'blob citations that grant reading',
    async up(tx) {
      await tx.exec(`ALTER TABLE blob_refs ADD COLUMN granted INTEGER;
ALTER TABLE blobs ADD COLUMN uploader_token TEXT;`);
    },
  },
  {
    // Stamps stored before the server bounded clocks may lie far in the future and would win every field
    // for years. Bring each one down to the repair time, keeping its counter and device (so ties still
    // break alike); a later write anywhere wins again. Devices holding such stamps repair their own copy.
    version: 5,
    name: 'repair far-future clock stamps',
    async up(tx, _kind, nowMs) {
      const limit = wallDigits(nowMs + MAX_CLOCK_AHEAD_MS);
      const repaired = wallDigits(nowMs);
      for (const table of ['record_fields', 'change_log']) {
        await tx.run(`UPDATE ${table} SET hlc = CAST(? AS TEXT) || substr(hlc, 14) WHERE substr(hlc, 1, 13) > ?`, [
          repaired,
          limit,
        ]);
      }
      await tx.run("INSERT INTO server_meta (key, value) VALUES ('clockRepairedAt', ?) ON CONFLICT (key) DO NOTHING", [
        new Date(nowMs).toISOString(),
      ]);
    },
  },
  {
    // SQLite: a table keyed by text columns keeps each row twice, in the table and in its key's index;
    // clustered on the key (WITHOUT ROWID), a pushed field is one B-tree insert instead of two, the
    // largest share of a push's work. PostgreSQL keeps its tables as they are.
    version: 6,
    name: 'records clustered on their keys',
    async up(tx, kind) {
      if (kind === 'sqlite') await clusterRecordsSqlite(tx);
    },
  },
  {
    // What each device last reported with its sync: free space and what waits (GET /devices shows it).
    version: 7,
    name: 'device status reports',
    async up(tx) {
      await tx.exec(
        'CREATE TABLE device_status (token_id TEXT PRIMARY KEY, status TEXT NOT NULL, reported_at TEXT NOT NULL)',
      );
    },
  },
  {
    // A record's fields as one JSON document on its row instead of a row per field: a push writes a row
    // per record, not per field (the largest share of its work), and loading a record reads one row.
    version: 8,
    name: 'record fields as one document',
    async up(tx, kind) {
      if (kind === 'sqlite') await recordDocumentsSqlite(tx);
      else await recordDocumentsPostgres(tx);
    },
  },
  {
    // Blobs no record cites are bounded per uploader and swept after a grace period (sql-uncited-blobs.ts):
    // the sums and the sweep read these indexes, never the rows, whose bytes SQLite keeps beside them.
    version: 9,
    name: 'indexes for uncited blobs',
    async up(tx) {
      await tx.exec(`CREATE INDEX blobs_uploader ON blobs (school_id, class_id, uploader_token, sha256, size);
CREATE INDEX blobs_created ON blobs (created_at, school_id, sha256);`);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

const randomEpoch = (): string => randomBytes(6).toString('hex');

/** Applies every migration the database lacks, one transaction each; returns the versions applied now. */
export async function migrate(db: SqlDriver, nowMs: number): Promise<number[]> {
  const applied: number[] = [];
  for (;;) {
    const next = await db.migrationTransaction(async (tx) => {
      await tx.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const rows = await tx.all('SELECT MAX(version) AS v FROM schema_migrations');
      const current = Number(rows[0]?.v ?? 0);
      if (current > SCHEMA_VERSION) throw new SchemaTooNewError(current, SCHEMA_VERSION);
      const migration = MIGRATIONS[current];
      if (!migration) return null;
      await migration.up(tx, db.kind, nowMs);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date(nowMs).toISOString(),
      ]);
      return migration.version;
    });
    if (next === null) return applied;
    applied.push(next);
  }
}
