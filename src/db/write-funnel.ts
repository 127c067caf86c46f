import { APPEND_ONLY, DELETED_FIELD, formatHlc, tickHlc, uuidv7, type SyncedTable } from '#protocol';
import { syncedTable, type WaypointDb } from './database.ts';
import { getDeviceId, readClock, saveClock, serverNow } from './device-clock.ts';
import type { OutboxRecord } from './records.ts';
import type { StoreEnv } from './env.ts';
import { ForbiddenWriteError, isLocalOnlyWrite, readWriter, roleRefusal } from './write-access.ts';

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

/**
 * The tables a funnel write to `tables` uses: an outer transaction that holds funnel writes (with other
 * work that must succeed or fail with them) must include them. Students too: the role check looks up the
 * class of a child's records; the outbox and the settings (the device's clock) with every write.
 */
export function funnelScope(tables: readonly SyncedTable[]): string[] {
  return [...new Set<string>([...tables, 'students', 'outbox', 'settings'])];
}

export interface FieldWrite {
  readonly table: SyncedTable;
  readonly recordId: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * Several writes in one transaction: all are saved, or none. Rows are read and written in bulk and the
 * clock is ticked in memory, so loading a whole class costs a handful of requests, not thousands.
 * Stamps come from the server's time as this device knows it (its clock corrected by the offset learned
 * in sync). A connected device refuses, before saving anything, a write its role may not make
 * (ForbiddenWriteError); demo records are saved without an outbox entry, since they are never pushed.
 */
export async function writeMany(db: WaypointDb, env: StoreEnv, writes: readonly FieldWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const deviceId = await getDeviceId(db, env);
  const tableNames = [...new Set(writes.map((w) => w.table))];
  for (const name of tableNames) requireTable(db, name);
  await db.transaction('rw', funnelScope(tableNames), async () => {
    const rows = new Map<string, Map<string, Record<string, unknown> | undefined>>();
    for (const name of tableNames) {
      const ids = [...new Set(writes.filter((w) => w.table === name).map((w) => w.recordId))];
      const found = await requireTable(db, name).bulkGet(ids);
      rows.set(name, new Map(ids.map((id, i) => [id, found[i]])));
    }
    const writer = await readWriter(db);
    // A child's records belong to the child's class: a student written earlier in this batch counts.
    const findStudent = async (id: string) =>
      rows.get('students')?.get(id) ?? ((await db.students.get(id)) as Record<string, unknown> | undefined);
    const now = await serverNow(db, env);
    let clock = await readClock(db);
    const outbox: OutboxRecord[] = [];
    for (const write of writes) {
      const { table, recordId, fields } = write;
      const tableRows = rows.get(table)!;
      const existing = tableRows.get(recordId);
      if (existing) assertMutable(table, existing, fields);
      const localOnly = isLocalOnlyWrite(recordId, fields, existing);
      const refusal = localOnly ? null : await roleRefusal(writer, write, existing, findStudent);
      if (refusal !== null) throw new ForbiddenWriteError(refusal, table);
      clock = tickHlc(clock, now);
      const hlc = formatHlc(clock, deviceId);
      const stamps = { ...((existing?.['_hlc'] as Record<string, string> | undefined) ?? {}) };
      for (const field of Object.keys(fields)) stamps[field] = hlc;
      tableRows.set(recordId, { ...(existing ?? { id: recordId }), ...fields, _hlc: stamps });
      if (!localOnly) outbox.push({ changeId: uuidv7(env.now(), env.randomBytes), table, recordId, fields, hlc });
    }
    // Every row in the map was named by a write, so every one is saved.
    for (const name of tableNames)
      await requireTable(db, name).bulkPut([...rows.get(name)!.values()].map((row) => row!));
    await db.outbox.bulkAdd(outbox);
    await saveClock(db, clock);
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
