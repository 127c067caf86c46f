import type { Table } from 'dexie';
import { compareHlc, type Change } from '#protocol';
import { syncedTable, type WaypointDb } from './database.ts';
import { observeStamps } from './device-clock.ts';
import type { StoreEnv } from './env.ts';

type Row = Record<string, unknown> & { _hlc?: Record<string, string> };

/**
 * Applies changes made elsewhere (pulled from the server, or read from another device's backup): for
 * each field, the value with the newer HLC wins, so a pulled field never overwrites a newer local one.
 * Makes no outbox entries. `afterApply` runs inside the same transaction (e.g. to save the pull cursor),
 * so a crash never leaves changes applied without the cursor moving, or the reverse.
 * Reads and writes each table in bulk, and reads only rows it holds: a fresh device pulling a class
 * reads no rows at all.
 */
export async function applyRemoteChanges(
  db: WaypointDb,
  env: StoreEnv,
  changes: readonly Change[],
  afterApply?: () => Promise<void>,
): Promise<number> {
  const byTable = new Map<string, Change[]>();
  for (const change of changes) {
    if (!syncedTable(db, change.table)) continue;
    const list = byTable.get(change.table);
    if (list) list.push(change);
    else byTable.set(change.table, [change]);
  }
  const tables = [...byTable.keys()].map((name) => syncedTable(db, name)!);
  let applied = 0;
  await db.transaction('rw', [...tables, db.settings], async () => {
    for (const [name, tableChanges] of byTable) {
      const table = syncedTable(db, name)!;
      const ids = await heldIds(table, [...new Set(tableChanges.map((c) => c.recordId))]);
      const rows = new Map<string, Row | undefined>();
      if (ids.length > 0) (await table.bulkGet(ids)).forEach((row, i) => rows.set(ids[i]!, row as Row | undefined));
      const changed = new Set<string>();
      for (const change of tableChanges) {
        const merged = mergeChange(rows.get(change.recordId), change);
        if (merged) {
          rows.set(change.recordId, merged);
          changed.add(change.recordId);
        }
      }
      await table.bulkPut([...changed].map((id) => rows.get(id)!));
      applied += changed.size;
    }
    // Keep the local clock ahead of everything seen, so the next local write wins over what was pulled
    // (apart from stamps too far ahead of the server's clock, which are never adopted).
    await observeStamps(
      db,
      env,
      changes.map((c) => c.hlc),
    );
    await afterApply?.();
  });
  return applied;
}

/**
 * Which of `ids` the table holds, from the keys in their range (one request, no values), so rows that do not
 * exist yet are not fetched one by one. When the range holds many other keys (edits scattered over a large
 * table), it gives up after reading a few and says "all of them", which bulkGet then sorts out.
 */
async function heldIds(table: Table<Record<string, unknown>, string>, ids: string[]): Promise<string[]> {
  if (ids.length < 8) return ids;
  const sorted = [...ids].sort();
  const enough = ids.length * 2;
  const keys = await table.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true).limit(enough).primaryKeys();
  if (keys.length >= enough) return ids;
  const held = new Set(keys);
  return ids.filter((id) => held.has(id));
}

/** The row with the change's newer fields applied, or undefined when nothing in it is newer. */
function mergeChange(existing: Row | undefined, change: Change): Row | undefined {
  const stamps: Record<string, string> = { ...(existing?._hlc ?? {}) };
  const update: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(change.fields)) {
    const local = stamps[field];
    if (local !== undefined && compareHlc(local, change.hlc) >= 0) continue;
    update[field] = value;
    stamps[field] = change.hlc;
  }
  if (Object.keys(update).length === 0) return undefined;
  return { ...(existing ?? { id: change.recordId }), ...update, _hlc: stamps };
}
