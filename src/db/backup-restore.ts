import { SYNCED_TABLES, type Hlc, type SyncedTable } from '#protocol';
import { syncedTable, syncedTableRows } from './database.ts';
import { getDeviceId, observeStamps } from './device-clock.ts';
import {
  BACKED_UP_SETTINGS,
  STARTER_CONTENT_KEY,
  type Backup,
  type BackupBlob,
  type BackupDraft,
  type BackupRow,
} from './backup-format.ts';
import { closeAttachmentsJournal, settleInterruptedAttachments, storeFileAttachments } from './backup-attachments.ts';
import type { BackupRecords, ReadProgress } from './backup-read.ts';
import { DEMO_PREFIX } from './write-access.ts';
import { SCHEMA_VERSIONS } from './schema.ts';
import { nowIso, type Store } from './store.ts';
import { isHeldBlob } from './records.ts';

/** Everything on this device that a new tablet would need, read in one consistent transaction. */
export async function createBackup(store: Store): Promise<Backup> {
  const { db } = store;
  const deviceId = await getDeviceId(db, store.env);
  const drafts = db.table<BackupDraft, string>('drafts');
  return db.transaction(
    'r',
    [...SYNCED_TABLES.map((t) => db.table(t)), db.outbox, db.blobs, drafts, db.settings],
    async () => {
      const tables = {} as Record<SyncedTable, BackupRow[]>;
      for (const name of SYNCED_TABLES) tables[name] = (await syncedTableRows(db, name)) as BackupRow[];
      const settings = (await db.settings.bulkGet([...BACKED_UP_SETTINGS])).filter((s) => s !== undefined);
      return {
        createdAt: nowIso(store),
        deviceId,
        schemaVersion: Math.max(...SCHEMA_VERSIONS.map((v) => v.version)),
        tables,
        outbox: await db.outbox.orderBy('seq').toArray(),
        drafts: await drafts.toArray(),
        settings,
        // Photos moved to the server to free space are not on this tablet to copy (the server keeps them).
        blobs: (await db.blobs.toArray()).filter(isHeldBlob),
      };
    },
  );
}

export class DeviceNotEmptyError extends Error {
  override name = 'DeviceNotEmptyError';
}

/** Tables of a class's own work; frameworks are content (the starter ones arrive on every new tablet). */
const WORK_TABLES = ['schools', 'teachers', 'classes', 'students', 'paths', 'evidence', 'decisions'] as const;

/** Records of the class's work on this device, other than the demo class: what a restore would throw away. */
export async function countOwnRecords(store: Store): Promise<number> {
  let count = 0;
  for (const name of WORK_TABLES) {
    const rows = await syncedTableRows(store.db, name);
    count += rows.filter((row) => !String(row['id']).startsWith(DEMO_PREFIX)).length;
  }
  return count;
}

/**
 * Puts a backup back exactly as it was: rows with their stamps and tombstones, unsent changes, drafts and
 * attachments. It replaces what is here, so it refuses a device holding its own records unless
 * `replace` says the user agreed; then everything is cleared and written in one transaction.
 * The device keeps its own id (two tablets must never share one); its clock moves past every stamp.
 */
export async function restoreBackup(store: Store, backup: Backup, options: { replace?: boolean } = {}): Promise<void> {
  await refuseOwnRecords(store, options);
  await replaceDevice(store, backup, async () => {
    await store.db.blobs.clear();
    await store.db.blobs.bulkPut(backup.blobs.map((blob) => ({ ...blob })));
  });
}

/**
 * restoreBackup for a backup file too large to hold (a year with media is some 1.5 GB): `checked` is what
 * readBackupFile made of the file (its records and what each attachment is). The file is read again and
 * each attachment, checked against its SHA-256, is stored on its own, then the records replace this
 * device's in one transaction that also drops the attachments the backup does not hold. Until that
 * transaction this device's records are untouched; if anything fails before it, or the tab is closed
 * half-way, the attachments stored for it are removed again (backup-attachments.ts; those this device
 * already had stay).
 */
export async function restoreBackupFile(
  store: Store,
  file: Blob,
  checked: BackupRecords,
  options: { replace?: boolean; onProgress?: (progress: ReadProgress) => void } = {},
): Promise<void> {
  await refuseOwnRecords(store, options);
  await settleInterruptedAttachments(store);
  const { blobs } = store.db;
  const wanted = new Set(checked.blobs.map((b) => b.id));
  const had = new Set(await blobs.toCollection().primaryKeys());
  const added = new Set([...wanted].filter((id) => !had.has(id)));
  const plan = { wanted, added, evicted: new Map(), row: (blob: BackupBlob) => ({ ...blob }) };
  const stored = await storeFileAttachments(store, file, plan, options.onProgress);
  try {
    await replaceDevice(store, checked, async () => {
      const keys = await blobs.toCollection().primaryKeys();
      await blobs.bulkDelete(keys.filter((id) => !wanted.has(id)));
      await closeAttachmentsJournal(store);
    });
  } catch (error) {
    await stored.undo().catch(() => undefined);
    throw error;
  }
}

async function refuseOwnRecords(store: Store, options: { replace?: boolean }): Promise<void> {
  const own = await countOwnRecords(store);
  if (own > 0 && !options.replace) {
    throw new DeviceNotEmptyError(`This device holds ${own} records of its own; restoring would replace them.`);
  }
}

/** Clears this device's records and writes the backup's, with `putBlobs` settling the attachments, all in one transaction. */
async function replaceDevice(store: Store, backup: BackupRecords, putBlobs: () => Promise<void>): Promise<void> {
  const { db, env } = store;
  const drafts = db.table<BackupDraft, string>('drafts');
  const tables = SYNCED_TABLES.map((t) => syncedTable(db, t)!);
  await db.transaction('rw', [...tables, db.outbox, db.blobs, drafts, db.settings], async () => {
    for (const table of [...tables, db.outbox, drafts]) await table.clear();
    for (const name of SYNCED_TABLES) await syncedTable(db, name)!.bulkPut([...backup.tables[name]]);
    await db.outbox.bulkAdd([...backup.outbox]);
    await putBlobs();
    await drafts.bulkPut([...backup.drafts]);
    await db.settings.bulkDelete([...BACKED_UP_SETTINGS]);
    await db.settings.bulkPut([...backup.settings]);
    // The restored data replaces the starter content: first run must not load the demo class on top of it.
    await db.settings.put({ key: STARTER_CONTENT_KEY, value: true });
    // A stamp far ahead of the server's clock (a tablet whose clock was wrong) stays on its row but never
    // moves this clock; if it waits in the outbox, the server refuses it and the device stamps it again.
    await observeStamps(db, env, backupStamps(backup));
  });
}

function* backupStamps(backup: BackupRecords): Iterable<Hlc> {
  for (const name of SYNCED_TABLES) for (const row of backup.tables[name]) yield* Object.values(row._hlc);
  for (const entry of backup.outbox) yield entry.hlc;
}
