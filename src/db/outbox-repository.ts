import { SYNCED_TABLES, type Change } from '#protocol';
import { syncedTableRows } from './database.ts';
import type { OutboxRecord } from './records.ts';
import { newId, type Store } from './store.ts';

/** The oldest changes not yet accepted by the server, in the order they were made. */
export async function readOutbox(store: Store, limit: number): Promise<OutboxRecord[]> {
  return store.db.outbox.orderBy('seq').limit(limit).toArray();
}

/** Forgets changes the server has answered for (accepted, or refused for good). */
export async function removeFromOutbox(store: Store, changeIds: readonly string[]): Promise<void> {
  if (changeIds.length === 0) return;
  await store.db.outbox
    .where('changeId')
    .anyOf([...changeIds])
    .delete();
}

export function countOutbox(store: Store): Promise<number> {
  return store.db.outbox.count();
}

export function toChange(entry: OutboxRecord): Change {
  return {
    changeId: entry.changeId,
    table: entry.table as Change['table'],
    recordId: entry.recordId,
    fields: entry.fields,
    hlc: entry.hlc,
  };
}

/** Calls back whenever a change is queued (inside the writing transaction: keep it cheap). */
export function onOutboxWrite(store: Store, callback: () => void): () => void {
  const listener = () => {
    callback();
  };
  store.db.outbox.hook('creating', listener);
  return () => store.db.outbox.hook('creating').unsubscribe(listener);
}

/**
 * Queues every synced record this device holds, field by field with the stamps they already carry, for
 * pushing again: used when the server's database was re-created or restored and may lack them. The
 * server merges by stamp, so a record it already has is left as it is.
 */
export async function requeueAllRecords(
  store: Store,
  isLocalOnly: (entry: OutboxRecord) => Promise<boolean>,
): Promise<number> {
  const entries: OutboxRecord[] = [];
  for (const table of SYNCED_TABLES) {
    for (const row of await syncedTableRows(store.db, table)) {
      const byStamp = new Map<string, Record<string, unknown>>();
      const stamps = (row['_hlc'] ?? {}) as Record<string, string>;
      for (const [field, hlc] of Object.entries(stamps)) {
        const group = byStamp.get(hlc) ?? {};
        group[field] = row[field];
        byStamp.set(hlc, group);
      }
      for (const [hlc, fields] of [...byStamp.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const entry = { changeId: newId(store), table, recordId: String(row['id']), fields, hlc };
        if (!(await isLocalOnly(entry))) entries.push(entry);
      }
    }
  }
  await store.db.outbox.bulkAdd(entries);
  return entries.length;
}
