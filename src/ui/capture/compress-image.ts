import type { CapturedMedia } from './media-types.ts';

export interface PhotoLimits {
  /** Longest side in pixels. */
  readonly maxDimension: number;
  readonly maxBytes: number;
}

/** About 1600 px and 300 KB: sharp enough to read a child's writing, small enough for weeks offline. */
export const PHOTO_LIMITS: PhotoLimits = { maxDimension: 1600, maxBytes: 300_000 };

export interface CompressedImage extends CapturedMedia {
  readonly width: number;
  readonly height: number;
}

/** The largest size with the same aspect ratio whose longest side is at most `max` (never enlarges). */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Qualities tried in turn; below the last the picture shrinks instead, since blocky text is unreadable. */
const QUALITIES = [0.82, 0.7, 0.58, 0.46];
const SHRINK = 0.75;
const MAX_ROUNDS = 6;

/**
 * Resizes and re-encodes a photo in the browser: WebP where the browser can encode it, JPEG otherwise,
 * lowering quality and then size until it fits the limits. EXIF orientation is applied by the decoder.
 */
export async function compressImage(source: Blob, limits: PhotoLimits = PHOTO_LIMITS): Promise<CompressedImage> {
  const image = await decode(source);
  try {
    let size = fitWithin(image.width, image.height, limits.maxDimension);
    let smallest: { blob: Blob; width: number; height: number } | null = null;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const canvas = drawScaled(image.source, size.width, size.height);
      for (const quality of QUALITIES) {
        const blob = await encode(canvas, quality);
        if (!smallest || blob.size < smallest.blob.size) smallest = { blob, ...size };
        if (blob.size <= limits.maxBytes) return await toResult(blob, size.width, size.height);
      }
      size = fitWithin(size.width, size.height, Math.floor(Math.max(size.width, size.height) * SHRINK));
    }
    if (!smallest) throw new Error('The photo could not be encoded.');
    return await toResult(smallest.blob, smallest.width, smallest.height);
  } finally {
    image.release();
  }
}

interface Decoded {
  readonly source: CanvasImageSource;
  readonly width: number;
  readonly height: number;
  release(): void;
}

async function decode(source: Blob): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
  }
  // Older Safari: decode through an <img>.
  const url = URL.createObjectURL(source);
  const img = new Image();
  img.src = url;
  await img.decode();
  return { source: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) };
}

function drawScaled(source: CanvasImageSource, width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images.');
  context.imageSmoothingQuality = 'high';
  // JPEG has no transparency: paint white first so transparent PNGs do not turn black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(source, 0, 0, width, height);
  return canvas;
}

let webpSupported: boolean | null = null;

async function encode(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  if (webpSupported !== false) {
    const webp = await toBlob(canvas, 'image/webp', quality);
    // Browsers that cannot encode WebP silently return PNG.
    webpSupported = webp.type === 'image/webp';
    if (webpSupported) return webp;
  }
  return toBlob(canvas, 'image/jpeg', quality);
}

export function toBlob(canvas: HTMLCanvasElement, mime: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))),
      mime,
      quality,
    );
  });
}

async function toResult(blob: Blob, width: number, height: number): Promise<CompressedImage> {
  return { bytes: await blob.arrayBuffer(), mime: blob.type, width, height };
}
