import { APPEND_ONLY, DELETED_FIELD, uuidv7, type SyncedTable } from '#protocol';
import { syncedTable, type WaypointDb } from './database.ts';
import { getDeviceId, nextStamp } from './device-clock.ts';
import type { StoreEnv } from './env.ts';

export class ImmutableFieldError extends Error {
  constructor(table: string, field: string) {
    super(`The field "${field}" of ${table} cannot change after it is recorded; record a correction instead.`);
    this.name = 'ImmutableFieldError';
  }
}

/**
 * The one write path for synced data: sets fields on a record (creating it if new) and appends an
 * outbox entry, in one transaction. Returns when the transaction has committed, so a caller may then
 * tell the user it is saved.
 */
export async function writeFields(
  db: WaypointDb,
  env: StoreEnv,
  table: SyncedTable,
  recordId: string,
  fields: Readonly<Record<string, unknown>>,
): Promise<void> {
  await writeMany(db, env, [{ table, recordId, fields }]);
}

export interface FieldWrite {
  readonly table: SyncedTable;
  readonly recordId: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Several writes in one transaction: all are saved, or none. */
export async function writeMany(db: WaypointDb, env: StoreEnv, writes: readonly FieldWrite[]): Promise<void> {
  const deviceId = await getDeviceId(db, env);
  const tables = [...new Set(writes.map((w) => w.table))].map((name) => requireTable(db, name));
  await db.transaction('rw', [...tables, db.outbox, db.settings], async () => {
    for (const { table, recordId, fields } of writes) {
      const store = requireTable(db, table);
      const existing = await store.get(recordId);
      if (existing) assertMutable(table, existing, fields);
      const hlc = await nextStamp(db, env, deviceId);
      const stamps = { ...((existing?.['_hlc'] as Record<string, string> | undefined) ?? {}) };
      for (const field of Object.keys(fields)) stamps[field] = hlc;
      await store.put({ ...(existing ?? { id: recordId }), ...fields, _hlc: stamps });
      await db.outbox.add({ changeId: uuidv7(env.now(), env.randomBytes), table, recordId, fields, hlc });
    }
  });
}

/** Deletes are tombstones, so the delete itself can sync. */
export function tombstone(db: WaypointDb, env: StoreEnv, table: SyncedTable, recordId: string): Promise<void> {
  return writeFields(db, env, table, recordId, { [DELETED_FIELD]: true });
}

function requireTable(db: WaypointDb, name: string) {
  const table = syncedTable(db, name);
  if (!table) throw new Error(`Unknown table "${name}"`);
  return table;
}

function assertMutable(
  table: SyncedTable,
  existing: Record<string, unknown>,
  fields: Readonly<Record<string, unknown>>,
) {
  const mutable = APPEND_ONLY[table];
  if (!mutable) return;
  for (const field of Object.keys(fields)) {
    if (!mutable.includes(field) && JSON.stringify(existing[field]) !== JSON.stringify(fields[field])) {
      throw new ImmutableFieldError(table, field);
    }
  }
}
