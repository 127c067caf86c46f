import { SYNCED_TABLES } from '#protocol';
import { syncedTableRows, type Store } from '#db';

/**
 * What a backup puts back on a device, as stored: every synced table, the outbox, drafts, attachments
 * (bytes as arrays, so equality means byte for byte; null for one held only on the server) and the
 * settings a restore sets.
 */
export async function deviceContents(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of SYNCED_TABLES) out[name] = await syncedTableRows(store.db, name);
  out['outbox'] = await store.db.outbox.orderBy('seq').toArray();
  out['drafts'] = await store.db.table('drafts').toArray();
  out['blobs'] = (await store.db.blobs.toArray()).map((b) => ({
    ...b,
    bytes: b.bytes === undefined ? null : [...new Uint8Array(b.bytes)],
  }));
  out['settings'] = await store.db.settings.bulkGet(['activeClassId', 'starterContentLoaded']);
  return out;
}
