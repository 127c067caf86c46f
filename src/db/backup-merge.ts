import { APPEND_ONLY, compareHlc, SYNCED_TABLES, uuidv7, type Change, type SyncedTable } from '#protocol';
import type { Backup, BackupBlob, BackupRow } from './backup-format.ts';
import type { BackupRecords } from './backup-read.ts';
import { syncedTable } from './database.ts';
import { applyRemoteChanges } from './merge-remote.ts';
import { isHeldBlob, type BlobRecord, type EvictedBlobRecord, type OutboxRecord } from './records.ts';
import type { Store } from './store.ts';

export interface MergeReport {
  /** Records this device did not have before. */
  readonly newRecords: number;
  /** Records this device had, with at least one field newer in the backup. */
  readonly updatedRecords: number;
  readonly newEvidence: number;
  readonly newAttachments: number;
  /** Changes queued for this device's next push (see mergeBackup). */
  readonly queuedForPush: number;
  /** Changes refused because they would rewrite recorded evidence or decisions. */
  readonly refused: readonly { readonly table: SyncedTable; readonly recordId: string; readonly reason: string }[];
}

type Row = Record<string, unknown> & { _hlc?: Record<string, string> };

/**
 * Merges another device's backup by the rules of sync: per field, the newer clock stamp wins
 * (`applyRemoteChanges`), and recorded evidence and decisions are never rewritten (a backup that differs
 * in an immutable field is refused for that record, as the server would refuse the push).
 *
 * Every field that wins here is also queued in the outbox under its ORIGINAL stamp: the teacher's device
 * gathers the class's tablets by USB stick, and when it later reaches a server it must carry what it
 * gathered. Keeping the stamp means the queued change can never beat a newer edit made elsewhere, and the
 * server ignores a field it already holds at that stamp, so pushing it twice is harmless.
 * Records, attachments and outbox entries are written in one transaction: all of it or none. For a file
 * too large to hold, see mergeBackupFile (backup-merge-file.ts).
 */
export async function mergeBackup(store: Store, backup: Backup): Promise<MergeReport> {
  const { db } = store;
  return mergeRecords(store, backup, async () => {
    const present = await db.blobs.bulkGet(backup.blobs.map((b) => b.id));
    // Uploaded elsewhere is not uploaded from here: this device's server may not hold the bytes. Bytes this
    // tablet moved to its server to free space come back from the backup, still known to be on the server.
    const missing = backup.blobs.flatMap((blob, i) => {
      const here = present[i];
      if (!here) return [mergedBlob(blob)];
      return isHeldBlob(here) ? [] : [mergedBlob(blob, here)];
    });
    await db.blobs.bulkPut(missing);
    return missing.length;
  });
}

/** An attachment from another device's backup as this device stores it (see mergeBackup). */
export function mergedBlob({ uploadedAt: _elsewhere, ...blob }: BackupBlob, here?: EvictedBlobRecord): BlobRecord {
  return here ? { ...blob, uploadedAt: here.uploadedAt } : blob;
}

/**
 * mergeBackup's records, in one transaction with `putBlobs` (which stores or settles the attachments and
 * answers how many are new): shared by the whole-file merge and the merge read in pieces.
 */
export async function mergeRecords(
  store: Store,
  records: BackupRecords,
  putBlobs: () => Promise<number>,
): Promise<MergeReport> {
  const { db, env } = store;
  const tables = SYNCED_TABLES.map((t) => syncedTable(db, t)!);
  return db.transaction('rw', [...tables, db.outbox, db.blobs, db.settings], async () => {
    const accepted: Change[] = [];
    const queued: OutboxRecord[] = [];
    const refused: { table: SyncedTable; recordId: string; reason: string }[] = [];
    let newRecords = 0;
    let updatedRecords = 0;
    let newEvidence = 0;
    for (const name of SYNCED_TABLES) {
      const rows = records.tables[name];
      const local = await syncedTable(db, name)!.bulkGet(rows.map((r) => r.id));
      rows.forEach((row, index) => {
        const existing = local[index] as Row | undefined;
        const changes = rowToChanges(name, row);
        const refusal = existing ? appendOnlyRefusal(name, existing, changes) : null;
        if (refusal) {
          refused.push({ table: name, recordId: row.id, reason: refusal });
          return;
        }
        const winners = changes.flatMap((change) => newerFields(existing, change));
        if (winners.length === 0) return;
        if (existing) updatedRecords += 1;
        else {
          newRecords += 1;
          if (name === 'evidence') newEvidence += 1;
        }
        accepted.push(...changes);
        for (const winner of winners) queued.push({ ...winner, changeId: uuidv7(env.now(), env.randomBytes) });
      });
    }
    await applyRemoteChanges(db, env, accepted);
    await db.outbox.bulkAdd(queued);
    const newAttachments = await putBlobs();
    return { newRecords, updatedRecords, newEvidence, newAttachments, queuedForPush: queued.length, refused };
  });
}

/** A stored row as the changes that made it: its fields grouped by the stamp each was last written at. */
export function rowToChanges(table: SyncedTable, row: BackupRow): Change[] {
  const byStamp = new Map<string, Record<string, unknown>>();
  for (const [field, stamp] of Object.entries(row._hlc)) {
    if (!(field in row)) continue;
    const fields = byStamp.get(stamp) ?? {};
    fields[field] = row[field];
    byStamp.set(stamp, fields);
  }
  return [...byStamp]
    .sort(([a], [b]) => compareHlc(a, b))
    .map(([hlc, fields]) => ({ changeId: `backup:${table}:${row.id}:${hlc}`, table, recordId: row.id, fields, hlc }));
}

/** The part of a change that beats what is stored, or nothing. */
function newerFields(existing: Row | undefined, change: Change): Omit<OutboxRecord, 'changeId'>[] {
  const stamps = existing?._hlc ?? {};
  const fields = Object.fromEntries(
    Object.entries(change.fields).filter(([field]) => {
      const local = stamps[field];
      return local === undefined || compareHlc(local, change.hlc) < 0;
    }),
  );
  if (Object.keys(fields).length === 0) return [];
  return [{ table: change.table, recordId: change.recordId, fields, hlc: change.hlc }];
}

function appendOnlyRefusal(table: SyncedTable, existing: Row, changes: readonly Change[]): string | null {
  const mutable = APPEND_ONLY[table];
  if (!mutable) return null;
  for (const change of changes) {
    for (const [field, value] of Object.entries(change.fields)) {
      if (mutable.includes(field) || !(field in existing)) continue;
      if (canonical(existing[field]) !== canonical(value)) {
        return `${table}.${field} differs from what this device recorded; recorded ${table} are never rewritten`;
      }
    }
  }
  return null;
}

/** JSON with sorted keys, so two equal values compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
