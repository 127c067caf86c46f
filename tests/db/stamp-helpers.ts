import type { Change } from '#protocol';
import type { WaypointDb } from '#db';

/** A table's rows exactly as IndexedDB holds them, read past Dexie and its middleware. */
export async function rawRows(db: WaypointDb, table: string): Promise<Record<string, unknown>[]> {
  if (!db.isOpen()) await db.open();
  const request = db.backendDB().transaction(table, 'readonly').objectStore(table).getAll();
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
    request.onerror = () => reject(request.error ?? new Error('read failed'));
  });
}

/** Last writer wins per field, with a stamp per field: the reference the store must agree with. */
export function plainMerge(changes: readonly Change[]): Record<string, Record<string, unknown>> {
  const rows: Record<string, Record<string, unknown> & { _hlc: Record<string, string> }> = {};
  for (const change of changes) {
    const row = (rows[change.recordId] ??= { id: change.recordId, _hlc: {} });
    for (const [field, value] of Object.entries(change.fields)) {
      const stamp = row._hlc[field];
      if (stamp !== undefined && stamp >= change.hlc) continue;
      row[field] = value;
      row._hlc[field] = change.hlc;
    }
  }
  // A merge that changed nothing writes nothing, so a row's keys come in the order of its newest writes;
  // key order is not data, so compare as plain objects with `_hlc` last.
  return Object.fromEntries(Object.entries(rows).map(([id, { _hlc, ...fields }]) => [id, { ...fields, _hlc }]));
}
