/**
 * A restored database gets a new epoch. A tablet's cursor names the epoch it came from; with a new one every
 * tablet starts its pull again from the beginning and pushes again everything it holds (the cursor-reset
 * path, docs/sync-protocol.md), so what was written after the backup comes back from the tablets that hold
 * it. Keeping the old epoch would be unsafe: once new writes after the restore brought the log's sequence
 * past a tablet's cursor, that tablet would skip the changes in between and never re-push its own.
 */
import { randomBytes } from 'node:crypto';
import type { SqlDriver } from '#server/storage/driver.ts';

export async function giveNewEpoch(db: SqlDriver, now: Date): Promise<string> {
  const epoch = randomBytes(6).toString('hex');
  await db.transaction(async (tx) => {
    await tx.run("UPDATE server_meta SET value = ? WHERE key = 'epoch'", [epoch]);
    await tx.run(
      "INSERT INTO server_meta (key, value) VALUES ('restoredAt', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [now.toISOString()],
    );
  }, null);
  return epoch;
}
