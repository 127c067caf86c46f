/**
 * Attachments brought in from a backup file too large to hold (restore and merge): the file is read again
 * in pieces and each attachment, checked against its SHA-256, is stored on its own before the records are
 * written in one transaction. An IndexedDB transaction cannot stay open while the file is read, so the
 * attachments are journaled: the ids this device did not have (and the rows of those it had moved to its
 * server) are noted in settings first; the records' transaction deletes the note; a failure on the way puts
 * every row back as it was; and a note left behind by a tab closed half-way is settled the next time
 * (`settleInterruptedAttachments`), so no stray attachment of a backup that was never written stays.
 */
import { BackupFormatError, type BackupBlob } from './backup-format.ts';
import { readBackupFile, type ReadProgress } from './backup-read.ts';
import type { BlobRecord, EvictedBlobRecord } from './records.ts';
import type { Store } from './store.ts';

/** The settings key of the journal of attachments stored ahead of their records. */
export const ATTACHMENTS_JOURNAL_KEY = 'backup.attachmentsInProgress';
/** Attachments are written in batches of about this many bytes. */
const ATTACHMENT_BATCH_BYTES = 16 * 1024 * 1024;

interface AttachmentsJournal {
  /** Attachments this device did not have. */
  readonly added: readonly string[];
  /** Attachments this device had moved to its server, as their rows were (no bytes). */
  readonly evicted: readonly EvictedBlobRecord[];
}

/**
 * What to store of the file's attachments: `wanted` ids, of which `added` are ones this device lacks and
 * `evicted` the rows of those whose bytes it moved to its server; `row` makes the row stored for each.
 */
export interface AttachmentPlan {
  readonly wanted: ReadonlySet<string>;
  readonly added: ReadonlySet<string>;
  readonly evicted: ReadonlyMap<string, EvictedBlobRecord>;
  readonly row: (blob: BackupBlob) => BlobRecord;
}

export interface StoredAttachments {
  /** Attachments stored from the file. */
  readonly count: number;
  /** Puts every row touched back as it was, and drops the journal (after the records failed). */
  readonly undo: () => Promise<void>;
}

/**
 * Reads `file` again and stores each attachment the plan wants, one at a time, journaled. Rejects, with
 * every row put back, when the file is damaged or differs from what the first reading found.
 */
export async function storeFileAttachments(
  store: Store,
  file: Blob,
  plan: AttachmentPlan,
  onProgress?: (progress: ReadProgress) => void,
): Promise<StoredAttachments> {
  const journal: AttachmentsJournal = { added: [...plan.added], evicted: [...plan.evicted.values()] };
  await store.db.settings.put({ key: ATTACHMENTS_JOURNAL_KEY, value: journal });
  const undo = () => settleInterruptedAttachments(store);
  const { wanted } = plan;
  const stored = new Set<string>();
  // Written some megabytes at a time: every write to the attachments wakes the live reads of them (the
  // header's count of what waits to upload reads each unsent one), so one write per attachment made a
  // year's merge quadratic. A batch is held only until it is written.
  let batch: BlobRecord[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await store.db.blobs.bulkPut(batch);
    for (const row of batch) stored.add(row.id);
    batch = [];
    batchBytes = 0;
  };
  try {
    await readBackupFile(
      file,
      async (blob) => {
        if (!wanted.has(blob.id)) return;
        batch.push(plan.row(blob));
        batchBytes += blob.size;
        if (batchBytes >= ATTACHMENT_BATCH_BYTES) await flush();
      },
      onProgress,
    );
    await flush();
    if ([...wanted].some((id) => !stored.has(id))) {
      throw new BackupFormatError(['the file changed while it was read: choose it again']);
    }
  } catch (error) {
    await undo().catch(() => undefined);
    throw error;
  }
  return { count: stored.size, undo };
}

/** Ends the journal inside the transaction that writes the records: from then on the attachments stay. */
export async function closeAttachmentsJournal(store: Store): Promise<void> {
  await store.db.settings.delete(ATTACHMENTS_JOURNAL_KEY);
}

/**
 * Settles attachments stored for records that were never written (a failure, or the tab closed half-way):
 * drops those added, unless something since cites them or the server holds them, and moves back to the
 * server those brought back. Restore and merge call it on a failure and before they start.
 */
export async function settleInterruptedAttachments(store: Store): Promise<void> {
  const { db } = store;
  await db.transaction('rw', [db.settings, db.blobs, db.evidence], async () => {
    const note = await db.settings.get(ATTACHMENTS_JOURNAL_KEY);
    if (!note) return;
    const journal = note.value as AttachmentsJournal;
    const uploaded = new Set(await db.blobs.where('uploadedAt').above('').primaryKeys());
    const cited = new Set(await db.evidence.where('blobIds').anyOf(journal.added).keys());
    await db.blobs.bulkDelete(journal.added.filter((id) => !uploaded.has(id) && !cited.has(id)));
    await db.blobs.bulkPut([...journal.evicted]);
    await db.settings.delete(ATTACHMENTS_JOURNAL_KEY);
  });
}
