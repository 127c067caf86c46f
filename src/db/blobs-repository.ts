import type { BlobRecord } from './records.ts';
import { nowIso, type Store } from './store.ts';

/** 20 MB: larger attachments are refused before anything is stored. */
export const MAX_BLOB_BYTES = 20 * 1024 * 1024;

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores bytes under their SHA-256; storing the same bytes twice keeps one copy. Returns the id. */
export async function putBlob(store: Store, bytes: ArrayBuffer, mime: string): Promise<string> {
  if (bytes.byteLength > MAX_BLOB_BYTES) {
    throw new BlobTooLargeError(`This file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is 20 MB.`);
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
