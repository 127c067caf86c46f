import { Dexie, type ObservabilitySet } from 'dexie';
import type { Store } from './store.ts';

/**
 * Calls `listener` after any committed write to one of `tables` of this store's database, from this tab or
 * another (Dexie broadcasts its "storagemutated" event across tabs), and after the page returns from the
 * back-forward cache. Returns the unsubscribe function. For screens that read with `bulkRead`.
 */
export function onTablesChanged(store: Store, tables: readonly string[], listener: () => void): () => void {
  const prefixes = tables.map((table) => `idb://${store.db.name}/${table}/`);
  const onMutated = (parts: ObservabilitySet) => {
    for (const part of Object.keys(parts)) {
      if (part === 'all' || prefixes.some((prefix) => part.startsWith(prefix))) return listener();
    }
  };
  Dexie.on.storagemutated.subscribe(onMutated);
  return () => Dexie.on.storagemutated.unsubscribe(onMutated);
}
