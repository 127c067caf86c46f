/**
 * SHA-256 without WebCrypto: a tablet on a school server over plain HTTP has no crypto.subtle, and photos,
 * drawings and the station PIN still need their hash, the same one WebCrypto gives.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Digest, toHex } from '#db/sha256.ts';

const samples = [
  new Uint8Array(0),
  new TextEncoder().encode('salt:1234'),
  Uint8Array.from({ length: 100_003 }, (_, i) => i % 251),
];

describe('sha256Digest', () => {
  it.each(samples.map((bytes) => [bytes.length, bytes] as const))(
    'gives the same hash with and without WebCrypto (%i bytes)',
    async (_length, bytes) => {
      const expected = createHash('sha256').update(bytes).digest('hex');
      expect(toHex(await sha256Digest(bytes))).toBe(expected);
      expect(toHex(await sha256Digest(bytes, null))).toBe(expected);
      expect(toHex(await sha256Digest(bytes.slice().buffer, null))).toBe(expected);
    },
  );
});
