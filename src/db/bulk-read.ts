import type { Store } from './store.ts';
import { FACTS_TABLE, readFactsRow } from './stored-facts.ts';
import { expandRow } from './stored-stamps.ts';

/**
 * [first, last], or on a compound index every key that starts with a value in it: `[first]` sorts before
 * every `[first, …]`, and an array after every string, so `[last, []]` after every `[last, …]`.
 */
function between(index: string | null, first: string, last: string): IDBKeyRange {
  return index?.startsWith('[') ? IDBKeyRange.bound([first], [last, []]) : IDBKeyRange.bound(first, last);
}

/**
 * A read-only IndexedDB transaction used directly, for the few reads of a whole class at once (the class
 * overview, the exports). On a low-end tablet's CPU each request costs more than its records: its answer
 * is a task of its own, and through Dexie it also passes its middleware and promise zones. So these reads
 * go straight to IndexedDB and ask for key ranges (see keyRuns) rather than one request per student.
 * Reads only: every write still goes through the write funnel. Screens that show these reads learn of
 * changes from `onTablesChanged` (table-changes.ts), since Dexie's liveQuery cannot see them.
 */
export interface BulkRead {
  get<T>(table: string, key: string): Promise<T | undefined>;
  getAll<T>(table: string): Promise<T[]>;
  /**
   * Every row whose key (`index` null) or `index` is within [first, last]; for a compound index
   * (`[a+b]`), every row whose first part is.
   */
  getAllBetween<T>(table: string, index: string | null, first: string, last: string): Promise<T[]>;
  /** The transaction itself, for the reads at the end of this file (they expand rows themselves). */
  readonly idb: IDBTransaction;
}

export async function bulkRead<R>(
  store: Store,
  tables: readonly string[],
  read: (tx: BulkRead) => Promise<R>,
): Promise<R> {
  if (!store.db.isOpen()) await store.db.open();
  const tx = store.db.backendDB().transaction([...tables], 'readonly');
  const request = <T>(req: IDBRequest): Promise<T> =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
    });
  const source = (table: string, index: string | null) =>
    index === null ? tx.objectStore(table) : tx.objectStore(table).index(index);
  // Native promises resolve in the microtasks right after each success event, while the transaction is still
  // active, so `read` may await one request and then make more.
  // Rows come as stored, so they are read back here as the middlewares do: stamps expanded (stored-stamps.ts),
  // a student's facts parsed (stored-facts.ts).
  const fromDisk = (table: string) => (table === FACTS_TABLE ? readFactsRow : expandRow);
  const rows = <T>(table: string, req: IDBRequest): Promise<T[]> =>
    request<unknown[]>(req).then((all) => all.map(fromDisk(table)) as T[]);
  return read({
    get: <T>(table: string, key: string) =>
      request<unknown>(tx.objectStore(table).get(key)).then((row) => fromDisk(table)(row) as T | undefined),
    getAll: (table) => rows(table, tx.objectStore(table).getAll()),
    getAllBetween: (table, index, first, last) => rows(table, source(table, index).getAll(between(index, first, last))),
    idb: tx,
  });
}

/**
 * The fewest key ranges [first, last] that hold every `wanted` key and no other key of `all` (wanted ⊆ all):
 * runs of wanted keys in IndexedDB's order (strings compare by UTF-16 code units, as JavaScript's sort does).
 * A class's students, made together, have neighbouring ids (UUID v7 starts with the time), so their
 * evidence is usually one range of the studentId index, however many children there are.
 */
export function keyRuns(wanted: ReadonlySet<string>, all: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  let run: [string, string] | null = null;
  for (const key of [...new Set(all)].sort()) {
    if (!wanted.has(key)) run = null;
    else if (run) run[1] = key;
    else runs.push((run = [key, key]));
  }
  return runs;
}

/**
 * Up to `count` rows whose compound `index` starts with `prefix`, from the greatest key down (a child's
 * newest evidence on `[studentId+observedAt]`), leaving out the rows `keep` refuses, and whether more kept
 * rows follow. A cursor walked backwards: IndexedDB's getAll reads forwards only, and a year holds
 * thousands of rows where a page shows a dozen. Synced rows only (their stamps are expanded).
 */
export function getNewestWithPrefix<T>(
  tx: BulkRead,
  table: string,
  index: string,
  prefix: string,
  count: number,
  keep: (row: T) => boolean,
): Promise<{ readonly rows: T[]; readonly hasMore: boolean }> {
  const range = IDBKeyRange.bound([prefix], [prefix, []]);
  const cursor = tx.idb.objectStore(table).index(index).openCursor(range, 'prev');
  const rows: T[] = [];
  return new Promise((resolve, reject) => {
    cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB read failed'));
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return resolve({ rows, hasMore: false });
      const row = expandRow(at.value) as T;
      if (keep(row)) {
        if (rows.length === count) return resolve({ rows, hasMore: true });
        rows.push(row);
      }
      at.continue();
    };
  });
}
