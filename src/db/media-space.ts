/**
 * How much room this tablet has for photos and recordings, and how much to keep free. Pure: the readings
 * come in as arguments (see media-eviction.ts for what acts on them). The policy is in src/db/README.md.
 */
const MB = 1024 * 1024;

export const MEDIA_SPACE_POLICY = {
  /** Keep this share of the site's quota free… */
  reserveShare: 0.1,
  /** …but never less than this… */
  reserveMinBytes: 50 * MB,
  /** …nor more (a large quota needs no more headroom than a few days of captures). */
  reserveMaxBytes: 500 * MB,
  /** Capture screens warn when less than this is left and nothing more can be moved to the server. */
  lowSpaceBytes: 25 * MB,
  /** A photo fetched because it was opened stays at least this long, so it is not fetched over and over. */
  keepFetchedMs: 10 * 60 * 1000,
  /** A write refused for space teaches the real limit (browsers may report a larger one); kept this long. */
  fullMarkMs: 7 * 24 * 60 * 60 * 1000,
  /**
   * Small writes still fit after a refused one (the mark itself, outbox entries, sync state), so usage
   * creeps past the mark; only growth beyond this shows the disk had more room after all.
   */
  fullMarkSlackBytes: 1 * MB,
} as const;

/** What the browser says: bytes this site uses and may use; null where it does not say. */
export interface SpaceReading {
  readonly usedBytes: number | null;
  readonly quotaBytes: number | null;
}

/** The usage at which a write was last refused for space: the real limit, whatever the browser reports. */
export interface StorageFullMark {
  readonly at: string;
  readonly usedBytes: number;
}

/**
 * The quota to plan with. Chromium reports usage + 10 GiB to sites without unlimited storage, whatever the
 * disk holds; a refused write is the one sure sign of the real limit. A mark stops counting once usage has
 * grown well past it (the disk had more room after all) or after `fullMarkMs`.
 */
export function effectiveQuota(reading: SpaceReading, mark: StorageFullMark | undefined, nowMs: number): number | null {
  const live =
    mark !== undefined &&
    nowMs - Date.parse(mark.at) < MEDIA_SPACE_POLICY.fullMarkMs &&
    (reading.usedBytes === null || reading.usedBytes <= mark.usedBytes + MEDIA_SPACE_POLICY.fullMarkSlackBytes);
  if (!live) return reading.quotaBytes;
  return reading.quotaBytes === null ? mark.usedBytes : Math.min(reading.quotaBytes, mark.usedBytes);
}

/** The bytes to keep free under a quota. */
export function reserveBytes(quotaBytes: number): number {
  const { reserveShare, reserveMinBytes, reserveMaxBytes } = MEDIA_SPACE_POLICY;
  return Math.min(Math.max(quotaBytes * reserveShare, reserveMinBytes), reserveMaxBytes, quotaBytes / 2);
}

/** Bytes left under the quota, or null when the browser does not say. */
export function bytesLeft(usedBytes: number | null, quotaBytes: number | null): number | null {
  return usedBytes === null || quotaBytes === null ? null : Math.max(0, quotaBytes - usedBytes);
}

/** How many bytes of media to move off the tablet so `incomingBytes` fit and the reserve stays free. */
export function bytesToFree(usedBytes: number | null, quotaBytes: number | null, incomingBytes: number): number {
  if (usedBytes === null || quotaBytes === null) return 0;
  return Math.max(0, Math.ceil(usedBytes + incomingBytes + reserveBytes(quotaBytes) - quotaBytes));
}

/** Whether an error (or one it wraps, as Dexie and aborted transactions do) says the storage is full. */
export function isQuotaExceeded(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const { name, inner, cause } = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner ?? cause;
  }
  return false;
}
