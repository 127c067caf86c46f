/**
 * The whole-device backup written in pieces: every table read in pages of rows inside one read-only
 * transaction (so the file is one consistent moment, as before), each page turned into its piece of the
 * file at once and handed on, photos and audio one at a time. A year of a class is some 50,000 records and
 * 1.5 GB of media: held as one backup object and one string it would not fit in a tablet's memory; in
 * pieces only a page is in memory at a time. The text is exactly `serializeBackup`'s for the same data,
 * so `parseBackup` and restore read it as ever.
 */
import { SYNCED_TABLES } from '#protocol';
import type { Table } from 'dexie';
import { BACKED_UP_SETTINGS, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, toBase64 } from './backup-format.ts';
import { getDeviceId } from './device-clock.ts';
import type { BlobRecord } from './records.ts';
import { SCHEMA_VERSIONS } from './schema.ts';
import { nowIso, type Store } from './store.ts';

/** Rows per read: small enough for a tablet, large enough that requests do not dominate. */
export const BACKUP_PAGE_ROWS = 500;
/** Attachments per read: each may be megabytes. */
export const BACKUP_PAGE_BLOBS = 4;

export interface BackupProgress {
  /** Records and attachments written so far, of `total`. */
  readonly done: number;
  readonly total: number;
}

export interface BackupSummary {
  readonly createdAt: string;
  readonly records: number;
  readonly files: number;
}

/**
 * Writes the backup to `write`, piece by piece, and reports progress after each piece. `write` and
 * `onProgress` must not wait for anything (the read transaction stays open only while IndexedDB is asked
 * for more): collect the pieces (a Blob made of them) and show progress.
 */
export async function writeBackup(
  store: Store,
  write: (piece: string) => void,
  onProgress: (progress: BackupProgress) => void = () => {},
  pages: { readonly rows: number; readonly blobs: number } = { rows: BACKUP_PAGE_ROWS, blobs: BACKUP_PAGE_BLOBS },
): Promise<BackupSummary> {
  const { db } = store;
  const deviceId = await getDeviceId(db, store.env);
  const drafts = db.table('drafts');
  const tables = [...SYNCED_TABLES.map((t) => db.table(t)), db.outbox, db.blobs, drafts, db.settings];
  return db.transaction('r', tables, async () => {
    const counts = await Promise.all(tables.map((t) => t.count()));
    const total = counts.reduce((sum, n) => sum + n, 0);
    let done = 0;
    const createdAt = nowIso(store);
    const head = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt,
      deviceId,
      schemaVersion: Math.max(...SCHEMA_VERSIONS.map((v) => v.version)),
    };
    write(`${JSON.stringify(head).slice(0, -1)},"tables":{`);
    let records = 0;
    for (const [i, name] of SYNCED_TABLES.entries()) {
      write(`${i > 0 ? ',' : ''}${JSON.stringify(name)}:[`);
      records += await writePages(db.table(name), pages.rows, (rows, first) => {
        write(jsonItems(rows, first));
        onProgress({ done: (done += rows.length), total });
      });
      write(']');
    }
    write('},"outbox":[');
    await writePages(db.outbox, pages.rows, (rows, first) => {
      write(jsonItems(rows, first));
      onProgress({ done: (done += rows.length), total });
    });
    const draftRows = await drafts.toArray();
    const settings = (await db.settings.bulkGet([...BACKED_UP_SETTINGS])).filter((s) => s !== undefined);
    write(`],"drafts":${JSON.stringify(draftRows)},"settings":${JSON.stringify(settings)},"blobs":[`);
    onProgress({ done: (done += draftRows.length + counts.at(-1)!), total });
    const files = await writePages(db.blobs, pages.blobs, (rows, first) => {
      rows.forEach((blob, j) => {
        write(`${first && j === 0 ? '' : ','}${blobJson(blob as BlobRecord)}`);
        onProgress({ done: (done += 1), total });
      });
    });
    write(']}');
    return { createdAt, records, files };
  });
}

/** The backup as a file assembled from its pieces: the browser keeps a Blob's parts out of the page's heap. */
export async function createBackupFile(
  store: Store,
  onProgress?: (progress: BackupProgress) => void,
): Promise<{ readonly file: Blob; readonly summary: BackupSummary }> {
  const parts: Blob[] = [];
  const summary = await writeBackup(store, (piece) => parts.push(new Blob([piece])), onProgress);
  return { file: new Blob(parts, { type: 'application/json' }), summary };
}

/** Reads a table page by page, in key order, and hands each page on; returns the number of rows. */
async function writePages(
  table: Table,
  pageRows: number,
  onPage: (rows: readonly unknown[], first: boolean) => void,
): Promise<number> {
  const keyPath = table.schema.primKey.keyPath as string;
  let count = 0;
  let last: unknown = undefined;
  for (;;) {
    const query = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const rows = (await query.limit(pageRows).toArray()) as Record<string, unknown>[];
    if (rows.length === 0) return count;
    onPage(rows, count === 0);
    count += rows.length;
    last = rows[rows.length - 1]![keyPath];
    if (rows.length < pageRows) return count;
  }
}

/** Rows as the items of a JSON array, with the comma that joins them to the rows before. */
function jsonItems(rows: readonly unknown[], first: boolean): string {
  const text = JSON.stringify(rows).slice(1, -1);
  return first || text === '' ? text : `,${text}`;
}

function blobJson({ bytes, ...meta }: BlobRecord): string {
  return JSON.stringify({ ...meta, base64: toBase64(bytes) });
}
