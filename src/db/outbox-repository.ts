import { isSyncedTable, STARTER_HLC, SYNCED_TABLES, type Change } from '#protocol';
import { syncedTable, syncedTableRows } from './database.ts';
import type { OutboxRecord } from './records.ts';
import { newId, type Store } from './store.ts';
import { isCreatingChange, isLocalOnlyWrite, readWriter, roleRefusal } from './write-access.ts';

/** The oldest changes not yet accepted by the server, in the order they were made, apart from `skip` (by seq). */
export async function readOutbox(store: Store, limit: number, skip?: ReadonlySet<number>): Promise<OutboxRecord[]> {
  const ordered = store.db.outbox.orderBy('seq');
  return (skip && skip.size > 0 ? ordered.filter((e) => !skip.has(e.seq!)) : ordered).limit(limit).toArray();
}

export interface SortedOutbox {
  /** Changes to push. */
  readonly send: OutboxRecord[];
  /** Demo changes (an older version queued them): never pushed, to be dropped. */
  readonly localOnly: OutboxRecord[];
  /** Changes this device's role may not push: they stay queued, unsent (made before it joined as what it is). */
  readonly held: OutboxRecord[];
}

/** Sorts queued changes by whether this device may push them now. */
export async function sortOutbox(store: Store, entries: readonly OutboxRecord[]): Promise<SortedOutbox> {
  const { db } = store;
  const writer = await readWriter(db);
  const sorted: SortedOutbox = { send: [], localOnly: [], held: [] };
  const findStudent = async (id: string) => (await db.students.get(id)) as Record<string, unknown> | undefined;
  // Asked all at once: the reads some entries need overlap instead of waiting for one another.
  const verdicts = await Promise.all(
    entries.map(async (entry) => {
      if (!isSyncedTable(entry.table)) return 'send' as const;
      const row = (await syncedTable(db, entry.table)?.get(entry.recordId)) as
        (Record<string, unknown> & { _hlc?: Record<string, string> }) | undefined;
      if (isLocalOnlyWrite(entry.recordId, entry.fields, row)) return 'localOnly' as const;
      const isNew = isCreatingChange(row, entry.hlc);
      const write = { table: entry.table, recordId: entry.recordId, fields: entry.fields };
      return (await roleRefusal(writer, write, row, findStudent, isNew)) === null
        ? ('send' as const)
        : ('held' as const);
    }),
  );
  entries.forEach((entry, i) => sorted[verdicts[i]!].push(entry));
  return sorted;
}

/** Forgets changes the server has answered for (accepted, or refused for good). */
export async function removeFromOutbox(store: Store, changeIds: readonly string[]): Promise<void> {
  if (changeIds.length === 0) return;
  await store.db.outbox
    .where('changeId')
    .anyOf([...changeIds])
    .delete();
}

/**
 * Attachments named by evidence whose changes still wait here (their `blobIds` as queued). The server may
 * remove such an attachment uncited before the evidence arrives (evidence held back by the device's role,
 * or written after a round's push and before its uploads on a tablet then put away), so these stay on the
 * tablet, to be sent again when the push asks for them.
 */
export async function blobIdsWaitingInOutbox(store: Store): Promise<Set<string>> {
  const ids = new Set<string>();
  await store.db.outbox.each((entry) => {
    const blobIds = entry.table === 'evidence' ? entry.fields.blobIds : undefined;
    if (Array.isArray(blobIds)) for (const id of blobIds) if (typeof id === 'string') ids.add(id);
  });
  return ids;
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
export async function requeueAllRecords(store: Store): Promise<number> {
  const entries: OutboxRecord[] = [];
  const writer = await readWriter(store.db);
  const findStudent = async (id: string) => (await store.db.students.get(id)) as Record<string, unknown> | undefined;
  for (const table of SYNCED_TABLES) {
    for (const row of await syncedTableRows(store.db, table)) {
      const byStamp = new Map<string, Record<string, unknown>>();
      const stamps = (row['_hlc'] ?? {}) as Record<string, string>;
      for (const [field, hlc] of Object.entries(stamps)) {
        // Starter content is in every school already (the server writes it), under the same stamp.
        if (hlc === STARTER_HLC) continue;
        const group = byStamp.get(hlc) ?? {};
        group[field] = row[field];
        byStamp.set(hlc, group);
      }
      const recordId = String(row['id']);
      const groups = [...byStamp.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      for (const [i, [hlc, fields]] of groups.entries()) {
        if (isLocalOnlyWrite(recordId, fields, row)) continue;
        // What this device's role may not write is not its to give back (a station's copy of the class).
        const write = { table, recordId, fields };
        if ((await roleRefusal(writer, write, row, findStudent, i === 0)) !== null) continue;
        entries.push({ changeId: newId(store), table, recordId, fields, hlc });
      }
    }
  }
  await store.db.outbox.bulkAdd(entries);
  return entries.length;
}
