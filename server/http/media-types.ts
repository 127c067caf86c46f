/**
 * Blob media types: what a declared Content-Type means, and what the bytes really are (their magic
 * numbers). Only the types the app records (BLOB_MEDIA_TYPES) are stored, and only when the bytes agree.
 */
import { BLOB_MEDIA_TYPES, type BlobMediaType } from '#protocol';

/** Names browsers and recorders also use for the same containers. */
const ALIASES: Readonly<Record<string, BlobMediaType>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'video/mp4': 'audio/mp4',
  'video/webm': 'audio/webm',
  'application/ogg': 'audio/ogg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
};

export function isBlobMediaType(value: string): value is BlobMediaType {
  return (BLOB_MEDIA_TYPES as readonly string[]).includes(value);
}

/** The allowed type a Content-Type header names (parameters dropped), or null. */
export function declaredMediaType(header: unknown): BlobMediaType | null {
  const type = String(header ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return isBlobMediaType(type) ? type : (ALIASES[type] ?? null);
}

const ascii = (bytes: Uint8Array, at: number, text: string): boolean =>
  bytes.length >= at + text.length && [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

/** What the bytes are, by their first bytes, among the allowed types; null for anything else. */
export function sniffMediaType(bytes: Uint8Array): BlobMediaType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'audio/wav';
  if (ascii(bytes, 0, 'OggS')) return 'audio/ogg';
  if (ascii(bytes, 4, 'ftyp')) return 'audio/mp4';
  // EBML (Matroska) whose DocType, within the header, is "webm".
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
    if (head.includes('webm')) return 'audio/webm';
  }
  return null;
}

const EXTENSIONS: Readonly<Record<BlobMediaType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/webm': 'webm',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
};

export const extensionOf = (type: BlobMediaType): string => EXTENSIONS[type];
