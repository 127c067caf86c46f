/**
 * Real photo, drawing and voice bytes, made cheaply and deterministically: a photo is a real JPEG (a small
 * picture Chromium encoded) padded with comment segments of seeded noise to a phone photo's size once the
 * app has compressed it; a drawing is a real PNG of strokes (zlib); a voice clip is a real WAV (8 kHz,
 * 16-bit mono) of a warbling tone with noise. Every one decodes; every one differs; the same seed gives the
 * same bytes, so the same SHA-256 ids.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { seededRandom } from '#protocol';

export type MediaKind = 'photo' | 'drawing' | 'voice';

export const MEDIA_MIME: Readonly<Record<MediaKind, string>> = {
  photo: 'image/jpeg',
  drawing: 'image/png',
  voice: 'audio/wav',
};

/** Sizes of the media a tablet really keeps (bytes): 'full' as the app stores them, 'small' for tests. */
export type MediaScale = 'full' | 'small';

const SIZES: Readonly<Record<MediaScale, Readonly<Record<MediaKind, readonly [number, number]>>>> = {
  // A photo compressed by the app (1600 px, JPEG 0.8) is 200–400 KB; a 5–15 s voice clip 80–240 KB as WAV.
  full: { photo: [200_000, 400_000], drawing: [0, 0], voice: [80_000, 240_000] },
  small: { photo: [2_000, 4_000], drawing: [0, 0], voice: [1_000, 3_000] },
};

/** Drawings are as big as the pad (their size is whatever PNG makes of the strokes). */
const DRAWING_SIDE: Readonly<Record<MediaScale, number>> = { full: 280, small: 48 };

export interface MediaBytes {
  readonly id: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** The bytes of one piece of media: the same (kind, seed, scale) always gives the same bytes. */
export function makeMedia(kind: MediaKind, seed: number, scale: MediaScale): MediaBytes {
  const random = seededRandom(seed);
  const [min, max] = SIZES[scale][kind];
  const size = min + Math.floor(random() * (max - min));
  const bytes =
    kind === 'photo' ? jpeg(size, seed) : kind === 'drawing' ? png(DRAWING_SIDE[scale], random) : wav(size, random);
  return { id: createHash('sha256').update(bytes).digest('hex'), mime: MEDIA_MIME[kind], bytes };
}

const BASE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCABIAGADASIAAhEBAxEB/8QAGwAAAgMBAQEAAAAAAAAAAAAAAAMBAgYEBwX/xAAxEAADAAACBwUGBwAAAAAAAAAAAQIGEQQFEhMxRKMDFCGDwiJRYYHR4RUkNEFCceL/xAAaAQADAQEBAQAAAAAAAAAAAAACAwQFAQAG/8QAIBEAAwACAgMAAwAAAAAAAAAAAAECAxESIQQiMRMyQf/aAAwDAQACEQMRAD8A1lMVTLUxNM+flFjZFMVTJpiqY6UA2RTFUyaYqmOlANlaYqmTTFUxsoW2RTFUyaYqmOlANkUxVMmmKpjpQDZtaYqmTTFUzHlFzK0yjTf7lgPcn/CqPHnXsJuKSzXic9UdxyaXGzla4PiNxXt6YnPgUrlJz0z7rwxnzvS+5nqZ6EVfCNdmbeFc+e6X3KvCWfP9H/RpgO8md4owOvdUfhO4/Mb3e7X8NnLLL4v3nxaZrMdPJaD5npMfVFWPtbEX09G1pim/EmmKqsmZCnotVaaY0CJapZokUaae1tAI0v8AT18h5waf2ybXZy+HH+xmKXVrQryKU43s46Z6Mea0z0ovpGVAAAAhmRx68loPmekxtUbDH7yWgeZ6TF0y7AvREmV+zNrTFUyaYqmZUorbDeVDzllu+NLxhP5iKYqmM/HNfUenNcfqx3baX2lLKfZXw4nFVFqoTTHRCn4LvJVvdMimbl4j1Qub6d/QwVMVTG8FX0WraPQXiXUy5zpX9CHijUq53pX9DzqqFUwlglnHmZo8Za10HWXc+5dvvd3t7fsVOWezlxS9zMrTLUxVMqxwpWkJuuT2bSmKpgBkSi1iqYqmADZAYqmKpgA6RbFUxNUADpQDFVQqmADpAYqmKpgA2QGf/9k=',
  'base64',
);

/** Noise as fast as it can be made: xorshift32 over whole words. */
function noise(length: number, seed: number): Uint8Array {
  const words = new Uint32Array(Math.ceil(length / 4));
  let x = seed >>> 0 || 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return new Uint8Array(words.buffer, 0, length);
}

/** The base JPEG with COM (0xFFFE) segments of noise after its start marker, `size` bytes in all. */
function jpeg(size: number, seed: number): Uint8Array {
  const padding = Math.max(0, size - BASE_JPEG.length);
  const out = new Uint8Array(BASE_JPEG.length + padding);
  out.set(BASE_JPEG.subarray(0, 2), 0);
  const data = noise(padding, seed);
  let at = 2;
  let used = 0;
  while (used < padding) {
    // A segment is its marker, a two-byte length that counts itself, then up to 65533 bytes.
    const chunk = Math.min(65_533, padding - used - 4);
    if (chunk <= 0) break;
    out.set([0xff, 0xfe, (chunk + 2) >> 8, (chunk + 2) & 0xff], at);
    out.set(data.subarray(used, used + chunk), at + 4);
    at += chunk + 4;
    used += chunk + 4;
  }
  out.set(BASE_JPEG.subarray(2), at);
  return out.subarray(0, at + BASE_JPEG.length - 2);
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array(4 + data.length);
  body.set(Buffer.from(type, 'latin1'), 0);
  body.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(body, 4);
  view.setUint32(8 + data.length, crc32(body));
  return out;
}

/** A child's drawing: thick coloured strokes on white, `side` pixels square. */
function png(side: number, random: () => number): Uint8Array {
  const stride = 1 + side * 3;
  const rows = new Uint8Array(side * stride).fill(255);
  for (let y = 0; y < side; y++) rows[y * stride] = 0;
  for (let stroke = 0; stroke < 6 + Math.floor(random() * 10); stroke++) {
    const [r, g, b] = [Math.floor(random() * 256), Math.floor(random() * 256), Math.floor(random() * 256)];
    let x = random() * side;
    let y = random() * side;
    for (let step = 0; step < side * 3; step++) {
      x = Math.min(side - 3, Math.max(0, x + (random() - 0.5) * 4));
      y = Math.min(side - 3, Math.max(0, y + (random() - 0.5) * 4));
      for (let dy = 0; dy < 3; dy++) {
        let at = (Math.floor(y) + dy) * stride + 1 + Math.floor(x) * 3;
        for (let dx = 0; dx < 3; dx++) {
          rows[at++] = r;
          rows[at++] = g;
          rows[at++] = b;
        }
      }
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, side);
  view.setUint32(4, side);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 1 })),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  return Buffer.concat(parts);
}

/** One second of a voice-like tone that wanders in pitch (8 kHz), shared by every clip. */
const VOICE = (() => {
  const random = seededRandom(7);
  const out = new Int16Array(8000);
  let phase = 0;
  let pitch = 200;
  for (let i = 0; i < out.length; i++) {
    if (i % 400 === 0) pitch = Math.min(320, Math.max(120, pitch + (random() - 0.5) * 60));
    phase += (2 * Math.PI * pitch) / 8000;
    out[i] = Math.round(Math.sin(phase) * 9000);
  }
  return out;
})();

/** A voice clip of about `size` bytes: the shared tone, read at its own speed and gain, with breath noise. */
function wav(size: number, random: () => number): Uint8Array {
  const samples = Math.floor((size - 44) / 2);
  const out = new Uint8Array(44 + samples * 2);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string) => out.set(Buffer.from(s, 'latin1'), at);
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  const step = Math.round((0.8 + random() * 0.4) * 1024);
  const gain = Math.round((0.5 + random() * 0.5) * 1024);
  const hiss = noise(samples, Math.floor(random() * 2 ** 32));
  for (let i = 0, at = 44, phase = 0; i < samples; i++, at += 2, phase += step) {
    // Integer arithmetic: a year holds about 240 million samples.
    const value = ((VOICE[(phase >> 10) % VOICE.length]! * gain) >> 10) + ((hiss[i]! - 128) << 3);
    out[at] = value & 0xff;
    out[at + 1] = (value >> 8) & 0xff;
  }
  return out;
}
