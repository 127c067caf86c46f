/**
 * SHA-256 of bytes: the browser's WebCrypto where it has it, else @noble/hashes (loaded only then, as a chunk
 * of its own). WebCrypto exists only in a secure context, so a tablet that opens a school server over plain
 * HTTP would otherwise fail to store any photo or drawing (blobs are keyed by SHA-256) or to set a station PIN.
 */
export async function sha256Digest(
  bytes: ArrayBuffer | Uint8Array,
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
): Promise<Uint8Array> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (subtle) return new Uint8Array(await subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>));
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return sha256(view);
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
