import { MAX_BLOB_BYTES } from '#protocol';
import type { BlobRecord } from './records.ts';
import { sha256Digest, toHex } from './sha256.ts';
import { nowIso, type Store } from './store.ts';

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  return toHex(await sha256Digest(bytes));
}

/** Stores bytes under their SHA-256; storing the same bytes twice keeps one copy. Returns the id. */
export async function putBlob(store: Store, bytes: ArrayBuffer, mime: string): Promise<string> {
  if (bytes.byteLength > MAX_BLOB_BYTES) {
    throw new BlobTooLargeError(
      `This file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_BLOB_BYTES / 1048576} MB.`,
    );
  }
  const id = await sha256Hex(bytes);
  await store.db.transaction('rw', store.db.blobs, async () => {
    if (await store.db.blobs.get(id)) return;
    await store.db.blobs.add({ id, mime, size: bytes.byteLength, bytes, createdAt: nowIso(store) });
  });
  return id;
}

export async function getBlob(store: Store, id: string): Promise<BlobRecord | undefined> {
  return store.db.blobs.get(id);
}

const waitsForUpload = (b: BlobRecord) => b.uploadedAt === undefined && b.refusedAt === undefined;

/** Attachments the server does not hold yet (and has not refused). */
export async function listBlobsToUpload(store: Store): Promise<BlobRecord[]> {
  return store.db.blobs.filter(waitsForUpload).toArray();
}

export function countBlobsToUpload(store: Store): Promise<number> {
  return store.db.blobs.filter(waitsForUpload).count();
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
  });
}

/**
 * Attachments named by this device's evidence whose bytes it does not hold (recorded elsewhere).
 * Runs every sync round, so it reads keys only (the `blobIds` index and the blob ids), never every
 * evidence record or any bytes; it opens only the evidence citing a missing attachment, to skip deleted ones.
 */
export async function listMissingBlobIds(store: Store, limit: number): Promise<string[]> {
  const { evidence, blobs } = store.db;
  const cited = (await evidence.orderBy('blobIds').uniqueKeys()) as string[];
  if (cited.length === 0) return [];
  const held = new Set(await blobs.toCollection().primaryKeys());
  const missing = new Set(cited.filter((id) => !held.has(id)));
  if (missing.size === 0) return [];
  const citing = await evidence
    .where('blobIds')
    .anyOf([...missing])
    .distinct()
    .toArray();
  const wanted = new Set<string>();
  for (const e of citing) if (!e.deleted) for (const id of e.blobIds ?? []) if (missing.has(id)) wanted.add(id);
  return [...wanted].slice(0, limit);
}
