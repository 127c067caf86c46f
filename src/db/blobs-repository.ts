import { MAX_BLOB_BYTES } from '#protocol';
import { isHeldBlob, type BlobRecord, type StoredBlobRecord } from './records.ts';
import { sha256Digest, toHex } from './sha256.ts';
import { nowIso, type Store } from './store.ts';

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  return toHex(await sha256Digest(bytes));
}

/** Bytes checked and named by their SHA-256, ready to store (hashing cannot run inside a transaction). */
export interface PreparedBlob {
  readonly id: string;
  readonly bytes: ArrayBuffer;
  readonly mime: string;
}

export async function prepareBlob(bytes: ArrayBuffer, mime: string): Promise<PreparedBlob> {
  if (bytes.byteLength > MAX_BLOB_BYTES) {
    throw new BlobTooLargeError(
      `This file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_BLOB_BYTES / 1048576} MB.`,
    );
  }
  return { id: await sha256Hex(bytes), bytes, mime };
}

/** Stores prepared bytes unless the same bytes are here already; joins the caller's transaction. */
export async function storePreparedBlob(store: Store, { id, bytes, mime }: PreparedBlob): Promise<void> {
  await store.db.transaction('rw', store.db.blobs, async () => {
    if (await store.db.blobs.get(id)) return;
    await store.db.blobs.add({ id, mime, size: bytes.byteLength, bytes, createdAt: nowIso(store) });
  });
}

/** Stores bytes under their SHA-256; storing the same bytes twice keeps one copy. Returns the id. */
export async function putBlob(store: Store, bytes: ArrayBuffer, mime: string): Promise<string> {
  const prepared = await prepareBlob(bytes, mime);
  await storePreparedBlob(store, prepared);
  return prepared.id;
}

/** The attachment as this tablet holds it: its bytes, or only a note that the server has them (evicted). */
export async function getBlob(store: Store, id: string): Promise<StoredBlobRecord | undefined> {
  return store.db.blobs.get(id);
}

const waitsForUpload = (b: StoredBlobRecord): b is BlobRecord =>
  b.uploadedAt === undefined && b.refusedAt === undefined && isHeldBlob(b);

/**
 * Attachments the server does not hold yet (and has not refused). Found from keys (every id, less those
 * in the `uploadedAt` index), so a year of photos already on the server is never read to find the few
 * that wait.
 */
export async function listBlobsToUpload(store: Store): Promise<BlobRecord[]> {
  return (await store.db.blobs.bulkGet(await unsentBlobIds(store))).filter(
    (b): b is BlobRecord => b !== undefined && waitsForUpload(b),
  );
}

async function unsentBlobIds(store: Store): Promise<string[]> {
  const { blobs } = store.db;
  const uploaded = new Set(await blobs.where('uploadedAt').above('').primaryKeys());
  return (await blobs.toCollection().primaryKeys()).filter((id) => !uploaded.has(id));
}

/**
 * Which of these attachments some evidence on this tablet names (read from the `blobIds` index): those the
 * server stores whatever its bound on uncited bytes, once that evidence has reached it.
 */
export async function blobIdsCitedHere(store: Store, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const keys = await store.db.evidence
    .where('blobIds')
    .anyOf([...ids])
    .keys();
  const wanted = new Set(ids);
  return new Set((keys as string[]).filter((id) => wanted.has(id)));
}

/** How many attachments wait for upload and their bytes (what the school server's device list shows). */
export async function sumBlobsToUpload(store: Store): Promise<{ count: number; bytes: number }> {
  const waiting = await listBlobsToUpload(store);
  return { count: waiting.length, bytes: waiting.reduce((sum, b) => sum + b.size, 0) };
}

/**
 * The server this tablet syncs with has a new database: it lacks the bytes too. Held attachments are sent
 * again; one whose bytes were moved off the tablet cannot be, and stays as it is.
 */
export async function requeueBlobUploads(store: Store): Promise<void> {
  await store.db.blobs
    .where('uploadedAt')
    .above('')
    .modify((b: { uploadedAt?: string; bytes?: ArrayBuffer }) => {
      if (b.bytes !== undefined) delete b.uploadedAt;
    });
}

/**
 * Attachments the server says it lacks though evidence it just accepted names them (push answer,
 * `missingBlobIds`). One this tablet was told was stored was removed uncited past the server's grace period,
 * before its evidence arrived: if its bytes are still here it is sent again; moved off the tablet, it cannot be.
 */
export async function requeueMissingBlobs(store: Store, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await store.db.blobs
    .where('id')
    .anyOf([...ids])
    .modify((b: { uploadedAt?: string; bytes?: ArrayBuffer }) => {
      if (b.bytes !== undefined && b.uploadedAt !== undefined) delete b.uploadedAt;
    });
}

/**
 * How many attachments wait for upload (the header's live count, read again after every write of a
 * blob): one row at a time, so a restore or merge storing a thousand photos never holds all their bytes.
 */
export async function countBlobsToUpload(store: Store): Promise<number> {
  let count = 0;
  for (const id of await unsentBlobIds(store)) {
    const blob = await store.db.blobs.get(id);
    if (blob !== undefined && waitsForUpload(blob)) count += 1;
  }
  return count;
}

export async function markBlobUploaded(store: Store, id: string): Promise<void> {
  await store.db.blobs.update(id, { uploadedAt: nowIso(store) });
}

/** The server will not take these bytes (their type, say): kept here, never sent again. */
export async function markBlobRefused(store: Store, id: string): Promise<void> {
  await store.db.blobs.update(id, { refusedAt: nowIso(store) });
}

/** Stores bytes fetched from the server, after checking they are what their id says. */
export async function storeDownloadedBlob(store: Store, id: string, bytes: ArrayBuffer, mime: string): Promise<void> {
  if ((await sha256Hex(bytes)) !== id) throw new Error(`The attachment ${id.slice(0, 8)}… arrived damaged.`);
  await store.db.blobs.put({
    id,
    mime,
    size: bytes.byteLength,
    bytes,
    createdAt: nowIso(store),
    uploadedAt: nowIso(store),
    fetchedAt: nowIso(store),
  });
}

/**
 * Attachments named by this device's evidence whose bytes it does not hold (recorded elsewhere).
 * Runs every sync round, so it reads keys only (the `blobIds` index and the blob ids), never every
 * evidence record or any bytes; it opens only the evidence citing a missing attachment, to skip deleted ones,
 * and only until it has found `limit`.
 */
export async function listMissingBlobIds(store: Store, limit: number): Promise<string[]> {
  const { evidence, blobs } = store.db;
  const cited = (await evidence.orderBy('blobIds').uniqueKeys()) as string[];
  if (cited.length === 0) return [];
  const held = new Set(await blobs.toCollection().primaryKeys());
  const missing = new Set(cited.filter((id) => !held.has(id)));
  if (missing.size === 0) return [];
  const wanted = new Set<string>();
  // Stops at `limit`: a tablet that just pulled a year cites thousands it lacks, and wants a few this round.
  await evidence
    .where('blobIds')
    .anyOf([...missing])
    .distinct()
    .until(() => wanted.size >= limit)
    .each((e) => {
      if (!e.deleted) for (const id of e.blobIds ?? []) if (missing.has(id)) wanted.add(id);
    });
  return [...wanted].slice(0, limit);
}
