/**
 * Merging another tablet's backup from a file too large to hold (a year with media is 600 MB to 1.5 GB, more
 * than one JavaScript string may hold and more than a small tablet's memory): read in pieces as restore
 * reads it (readBackupFile checks all of it first; backup-attachments.ts stores the attachments), merged by
 * the same rules as mergeBackup, and only when it fits the space left.
 */
import { SYNCED_TABLES } from '#protocol';
import {
  closeAttachmentsJournal,
  settleInterruptedAttachments,
  storeFileAttachments,
  type AttachmentPlan,
} from './backup-attachments.ts';
import { mergedBlob, mergeRecords, type MergeReport } from './backup-merge.ts';
import type { BackupRecords, ReadProgress } from './backup-read.ts';
import { syncedTable } from './database.ts';
import { browserSpaceProbe, makeRoomForMedia, noteStorageFull, type SpaceProbe } from './media-eviction.ts';
import { isQuotaExceeded, MEDIA_SPACE_POLICY } from './media-space.ts';
import { isHeldBlob, type EvictedBlobRecord } from './records.ts';
import type { Store } from './store.ts';

/**
 * The merge does not fit the space left (`leftBytes`; `neededBytes` includes the minimum reserve kept
 * free), or ran out of it on the way (null): nothing was changed.
 */
export class NoRoomToMergeError extends Error {
  override name = 'NoRoomToMergeError';
  constructor(
    readonly neededBytes: number,
    readonly leftBytes: number | null,
    options?: ErrorOptions,
  ) {
    super(
      leftBytes === null
        ? 'The tablet ran out of space while merging: nothing was changed.'
        : `The merge needs about ${megabytes(neededBytes)} and the tablet has ${megabytes(leftBytes)} left: nothing was changed.`,
      options,
    );
  }
}

/**
 * mergeBackup for a file read in pieces: `checked` is what readBackupFile made of it (every row, stamp and
 * attachment checked, the records kept, each attachment's id and size). Before anything is written it
 * works out what the merge adds (attachments this device lacks or moved to its server, new records and
 * their queued changes) and refuses with NoRoomToMergeError unless that fits with the minimum reserve
 * left free, after moving media the server holds off the tablet as a capture would. Then the file is read
 * again, each attachment stored on its own, and the records merged in one transaction; a failure, a file
 * changed in between, or a tab closed half-way leaves the device as it was (backup-attachments.ts).
 */
export async function mergeBackupFile(
  store: Store,
  file: Blob,
  checked: BackupRecords,
  options: { onProgress?: (progress: ReadProgress) => void; probe?: SpaceProbe } = {},
): Promise<MergeReport> {
  await settleInterruptedAttachments(store);
  const plan = await planAttachments(store, checked);
  const neededBytes = plan.bytes + (await newRecordBytes(store, checked));
  const probe = options.probe ?? browserSpaceProbe;
  const space = await makeRoomForMedia(store, neededBytes, probe);
  // The minimum reserve stays free, so the tablet can still save a photo after the merge.
  const withReserve = neededBytes + MEDIA_SPACE_POLICY.reserveMinBytes;
  if (space.leftBytes !== null && space.leftBytes < withReserve) {
    throw new NoRoomToMergeError(withReserve, space.leftBytes);
  }
  try {
    const stored = await storeFileAttachments(store, file, plan, options.onProgress);
    try {
      return await mergeRecords(store, checked, async () => {
        await closeAttachmentsJournal(store);
        return stored.count;
      });
    } catch (error) {
      await stored.undo().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    if (!isQuotaExceeded(error)) throw error;
    // The browser said there was room (Chromium reports 10 GiB more than any site uses): the refusal
    // teaches the real limit, so the next try is refused before writing, as captures warn.
    const reading = await probe().catch(() => ({ usedBytes: null }));
    await noteStorageFull(store, reading.usedBytes).catch(() => undefined);
    throw new NoRoomToMergeError(neededBytes, null, { cause: error });
  }
}

/**
 * The file's attachments this device lacks, and those it moved to its server (their bytes come back, as
 * in mergeBackup), with the bytes they add. Found from keys; only an attachment the server holds can have
 * been moved off, and those are read one at a time (a held one's bytes come along), never all at once.
 */
async function planAttachments(store: Store, checked: BackupRecords): Promise<AttachmentPlan & { bytes: number }> {
  const { blobs } = store.db;
  const here = new Set(await blobs.toCollection().primaryKeys());
  const uploaded = new Set(await blobs.where('uploadedAt').above('').primaryKeys());
  const added = new Set<string>();
  const evicted = new Map<string, EvictedBlobRecord>();
  let bytes = 0;
  for (const blob of checked.blobs) {
    if (added.has(blob.id) || evicted.has(blob.id)) continue;
    if (!here.has(blob.id)) {
      added.add(blob.id);
      bytes += blob.size;
      continue;
    }
    if (!uploaded.has(blob.id)) continue;
    const row = await blobs.get(blob.id);
    if (row && !isHeldBlob(row)) {
      evicted.set(blob.id, row);
      bytes += blob.size;
    }
  }
  const wanted = new Set([...added, ...evicted.keys()]);
  return { wanted, added, evicted, bytes, row: (blob) => mergedBlob(blob, evicted.get(blob.id)) };
}

/** About what the records new to this device take: each row and its queued change, as JSON. */
async function newRecordBytes(store: Store, checked: BackupRecords): Promise<number> {
  let bytes = 0;
  for (const name of SYNCED_TABLES) {
    const rows = checked.tables[name];
    if (rows.length === 0) continue;
    const here = new Set(await syncedTable(store.db, name)!.toCollection().primaryKeys());
    for (const row of rows) if (!here.has(row.id)) bytes += 2 * JSON.stringify(row).length;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / 1048576)} MB`;
}
