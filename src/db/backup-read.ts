/**
 * Reads a backup file in pieces (backup-pieces.ts) and checks it as parseBackup does: every row, stamp and
 * attachment, each attachment's bytes against its SHA-256. The records are kept (a year of a class is some
 * 50,000 rows, tens of MB); each attachment is checked and handed to `onBlob` one at a time, then dropped,
 * so a 1.5 GB backup with media is read within a tablet's memory.
 */
import { isSyncedTable } from '#protocol';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupFormatError,
  checkBlob,
  checkBlobBytes,
  checkShape,
  MAX_PROBLEMS,
  NEWER_VERSION,
  NOT_A_BACKUP,
  unknownTable,
  type Backup,
  type BackupBlob,
} from './backup-format.ts';
import { BackupPieceReader, fileText } from './backup-pieces.ts';

export type BackupBlobMeta = Omit<BackupBlob, 'bytes'>;

/** A checked backup whose attachments were read one at a time: here only what each one is, not its bytes. */
export type BackupRecords = Omit<Backup, 'blobs'> & { readonly blobs: readonly BackupBlobMeta[] };

export interface ReadProgress {
  /** Bytes of the file read so far, of `total`. */
  readonly done: number;
  readonly total: number;
}

/**
 * Reads and checks a backup from its text in chunks. Rejects with BackupFormatError naming each defect,
 * having handed on only attachments that were whole; the first keys (not a Waypoint backup, or one from a
 * newer version) are refused before the rest is read.
 */
export async function readBackupText(
  chunks: AsyncIterable<string>,
  onBlob: (blob: BackupBlob) => Promise<void> = async () => {},
): Promise<BackupRecords> {
  const reader = new BackupPieceReader();
  const raw: Record<string, unknown> = {};
  const tables: Record<string, unknown[]> = {};
  const lists: Record<string, unknown[]> = { outbox: [], drafts: [], settings: [] };
  const blobs: BackupBlobMeta[] = [];
  const problems: string[] = [];
  let blobIndex = 0;
  for await (const chunk of chunks) {
    for (const piece of reader.push(chunk)) {
      if (piece.kind === 'head') {
        raw[piece.key] = piece.value;
        refuseEarly(piece.key, piece.value);
      } else if (piece.kind === 'row') {
        // Refused at once: rows of a list that is no table (a damaged or foreign file) would all be kept.
        if (!isSyncedTable(piece.table)) throw new BackupFormatError([unknownTable(piece.table)]);
        (tables[piece.table] ??= []).push(piece.value);
      } else if (piece.part !== 'blobs') {
        lists[piece.part]!.push(piece.value);
      } else {
        const index = blobIndex++;
        for (const blob of checkBlob(piece.value, index, problems)) {
          if (!(await checkBlobBytes(blob, problems))) continue;
          if (problems.length === 0) await onBlob(blob);
          const { bytes: _bytes, ...meta } = blob;
          blobs.push(meta);
        }
      }
    }
  }
  reader.end();
  // What came one piece at a time goes back in place; anything else (missing, not a list) checkShape names.
  if (isObject(raw['tables'])) raw['tables'] = tables;
  for (const [part, items] of Object.entries(lists)) if (Array.isArray(raw[part])) raw[part] = items;
  if (Array.isArray(raw['blobs'])) delete raw['blobs'];
  const backup = checkShape(raw, problems);
  if (problems.length > 0 || !backup) throw new BackupFormatError(problems.slice(0, MAX_PROBLEMS));
  return { ...backup, blobs };
}

/** readBackupText over a file (or any Blob), read a megabyte at a time, with progress in bytes. */
export function readBackupFile(
  file: Blob,
  onBlob?: (blob: BackupBlob) => Promise<void>,
  onProgress?: (progress: ReadProgress) => void,
): Promise<BackupRecords> {
  return readBackupText(withProgress(file, onProgress), onBlob);
}

async function* withProgress(file: Blob, onProgress?: (progress: ReadProgress) => void): AsyncGenerator<string> {
  let done = 0;
  const chunkBytes = 1 << 20;
  for await (const text of fileText(file, chunkBytes)) {
    yield text;
    done = Math.min(file.size, done + chunkBytes);
    onProgress?.({ done, total: file.size });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuseEarly(key: string, value: unknown): void {
  if (key === 'format' && value !== BACKUP_FORMAT) {
    throw new BackupFormatError([NOT_A_BACKUP]);
  }
  if (key === 'formatVersion' && typeof value === 'number' && value > BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError([NEWER_VERSION]);
  }
}
