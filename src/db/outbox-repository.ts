import type { Change } from '#protocol';
import type { OutboxRecord } from './records.ts';
import type { Store } from './store.ts';

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
