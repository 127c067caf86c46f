import { compareHlc, type Change } from '#protocol';
import { syncedTable, type WaypointDb } from './database.ts';
import { observeStamp } from './device-clock.ts';
import type { StoreEnv } from './env.ts';

/**
 * Applies changes made elsewhere (pulled from the server, or read from another device's backup): for
 * each field, the value with the newer HLC wins, so a pulled field never overwrites a newer local one.
 * Makes no outbox entries. `afterApply` runs inside the same transaction (e.g. to save the pull cursor),
 * so a crash never leaves changes applied without the cursor moving, or the reverse.
 */
export async function applyRemoteChanges(
  db: WaypointDb,
  env: StoreEnv,
  changes: readonly Change[],
  afterApply?: () => Promise<void>,
): Promise<number> {
  const tableNames = [...new Set(changes.map((c) => c.table))];
  const tables = tableNames.flatMap((name) => syncedTable(db, name) ?? []);
  let applied = 0;
  await db.transaction('rw', [...tables, db.settings], async () => {
    let newest: string | undefined;
    for (const change of changes) {
      const table = syncedTable(db, change.table);
      if (!table) continue;
      const existing = await table.get(change.recordId);
      const stamps: Record<string, string> = { ...((existing?.['_hlc'] as Record<string, string> | undefined) ?? {}) };
      const update: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(change.fields)) {
        const local = stamps[field];
        if (local !== undefined && compareHlc(local, change.hlc) >= 0) continue;
        update[field] = value;
        stamps[field] = change.hlc;
      }
      if (Object.keys(update).length > 0) {
        await table.put({ ...(existing ?? { id: change.recordId }), ...update, _hlc: stamps });
        applied += 1;
      }
      if (newest === undefined || compareHlc(change.hlc, newest) > 0) newest = change.hlc;
    }
    // Keep the local clock ahead of everything seen, so the next local write wins over what was pulled.
    if (newest !== undefined) await observeStamp(db, env, newest);
    await afterApply?.();
  });
  return applied;
}
