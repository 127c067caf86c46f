/**
 * Photos and recordings on a small tablet: bytes the school server holds are moved off the tablet, oldest
 * first, when space runs low, and a capture that meets a full disk frees room and tries once more, or fails
 * with StorageFullError having changed nothing already saved. Policy: src/db/README.md.
 */
import {
  bytesLeft,
  bytesToFree,
  effectiveQuota,
  isQuotaExceeded,
  MEDIA_SPACE_POLICY,
  type SpaceReading,
  type StorageFullMark,
} from './media-space.ts';
import { isHeldBlob, type StoredBlobRecord } from './records.ts';
import { blobIdsWaitingInOutbox } from './outbox-repository.ts';
import { getSetting, setSetting } from './settings-repository.ts';
import { listClipBlobIds } from './station-repository.ts';
import { readStorageStatus } from './storage-status.ts';
import { nowIso, type Store } from './store.ts';
import { getConnection } from './sync-state-repository.ts';

const FULL_MARK_KEY = 'storage.fullAt';

/**
 * The last mark per store, also kept in memory: writing it to settings may itself be refused on the full
 * disk (Chromium refuses even a small write while its cached space left is spent), and the next try must
 * still be refused before writing.
 */
const fullMarks = new WeakMap<Store, StorageFullMark>();

/** Reads this site's usage and quota (injected in tests; the browser's estimate in the app). */
export type SpaceProbe = () => Promise<SpaceReading>;

export const browserSpaceProbe: SpaceProbe = async () => {
  if (typeof navigator === 'undefined') return { usedBytes: null, quotaBytes: null };
  const { usedBytes, quotaBytes } = await readStorageStatus(navigator.storage);
  return { usedBytes, quotaBytes };
};

/** The tablet is full and nothing more could be moved to the server: nothing new was saved. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(
    readonly neededBytes: number,
    options?: ErrorOptions,
  ) {
    super('The tablet is full: nothing new was saved. What was saved before is safe.', options);
  }
}

export interface Eviction {
  readonly count: number;
  readonly bytes: number;
}

const isEvictable = (b: StoredBlobRecord, keep: ReadonlySet<string>, fetchedBefore: string): boolean =>
  isHeldBlob(b) &&
  b.uploadedAt !== undefined &&
  b.refusedAt === undefined &&
  !keep.has(b.id) &&
  (b.fetchedAt === undefined || b.fetchedAt < fetchedBefore);

/**
 * Moves at least `bytesWanted` of media the server holds off this tablet (or all there is), oldest first by
 * when the server confirmed it (or the tablet fetched it), keeping each row without its bytes. Never bytes
 * the server has not confirmed, never a station's read-aloud clips, never those of evidence still waiting to
 * be pushed (the server removes what no record cites after a grace period), and nothing on a tablet that is not
 * connected to a server (it could not fetch them again), nor one fetched in the last minutes (it was
 * just opened).
 */
export async function evictMedia(store: Store, bytesWanted: number): Promise<Eviction> {
  if (bytesWanted <= 0 || !(await getConnection(store))) return { count: 0, bytes: 0 };
  const { blobs } = store.db;
  const keep = new Set([...(await listClipBlobIds(store)), ...(await blobIdsWaitingInOutbox(store))]);
  const fetchedBefore = new Date(store.env.now() - MEDIA_SPACE_POLICY.keepFetchedMs).toISOString();
  const chosen: string[] = [];
  let planned = 0;
  await blobs
    .orderBy('uploadedAt')
    .until(() => planned >= bytesWanted)
    .each((b) => {
      if (!isEvictable(b, keep, fetchedBefore)) return;
      chosen.push(b.id);
      planned += b.size;
    });
  if (chosen.length === 0) return { count: 0, bytes: 0 };
  const at = nowIso(store);
  let count = 0;
  let bytes = 0;
  // Checked again in the write: an attachment changed since it was chosen is left alone.
  await blobs
    .where('id')
    .anyOf(chosen)
    .modify((b: { bytes?: ArrayBuffer; evictedAt?: string } & StoredBlobRecord) => {
      if (!isEvictable(b, keep, fetchedBefore)) return;
      delete b.bytes;
      b.evictedAt = at;
      count += 1;
      bytes += b.size;
    });
  return { count, bytes };
}

export interface MediaSpace extends SpaceReading {
  /** Bytes left under the quota the tablet plans with (a refused write teaches it). */
  readonly leftBytes: number | null;
  /** When a write was last refused for space, while that still counts. */
  readonly fullAt: string | null;
}

const newerMark = (a: StorageFullMark | undefined, b: StorageFullMark | undefined) =>
  a && b ? (a.at >= b.at ? a : b) : (a ?? b);

async function readSpace(store: Store, probe: SpaceProbe): Promise<MediaSpace> {
  const reading = await probe().catch(() => ({ usedBytes: null, quotaBytes: null }));
  const mark = newerMark(fullMarks.get(store), await getSetting<StorageFullMark>(store, FULL_MARK_KEY));
  const quotaBytes = effectiveQuota(reading, mark, store.env.now());
  const fullAt = mark && quotaBytes !== reading.quotaBytes ? mark.at : null;
  return { usedBytes: reading.usedBytes, quotaBytes, leftBytes: bytesLeft(reading.usedBytes, quotaBytes), fullAt };
}

/** Space used and left, as Settings and the capture screens show it. */
export function readMediaSpace(store: Store, probe: SpaceProbe = browserSpaceProbe): Promise<MediaSpace> {
  return readSpace(store, probe);
}

/**
 * Keeps the reserve free with `incomingBytes` more stored: moves media the server holds off the tablet as
 * needed. Answers the space as it is after that (and whether little is left even so).
 */
export async function makeRoomForMedia(
  store: Store,
  incomingBytes: number,
  probe: SpaceProbe = browserSpaceProbe,
): Promise<MediaSpace & { readonly evicted: Eviction; readonly isLow: boolean }> {
  const space = await readSpace(store, probe);
  const evicted = await evictMedia(store, bytesToFree(space.usedBytes, space.quotaBytes, incomingBytes));
  const usedBytes = space.usedBytes === null ? null : Math.max(0, space.usedBytes - evicted.bytes);
  const leftBytes = bytesLeft(usedBytes, space.quotaBytes);
  const isLow = leftBytes !== null && leftBytes - incomingBytes < MEDIA_SPACE_POLICY.lowSpaceBytes;
  return { ...space, usedBytes, leftBytes, evicted, isLow };
}

/** Remembers the usage at which a write was refused: the real limit until usage passes it. */
export async function noteStorageFull(store: Store, usedBytes: number | null): Promise<void> {
  if (usedBytes === null) return;
  const mark: StorageFullMark = { at: nowIso(store), usedBytes };
  fullMarks.set(store, mark);
  await setSetting(store, FULL_MARK_KEY, mark);
}

/**
 * Saves a capture (`write` stores its bytes and the evidence citing them) with room made for it first. A
 * write refused for space frees room (the capture's size and the minimum reserve) and runs once more;
 * when that cannot help, it rejects with StorageFullError. Either way what was saved before is untouched,
 * and the caller still holds the capture to try again.
 */
export async function saveWithRoom<T>(
  store: Store,
  incomingBytes: number,
  write: () => Promise<T>,
  probe: SpaceProbe = browserSpaceProbe,
): Promise<T> {
  await makeRoomForMedia(store, incomingBytes, probe).catch(() => undefined);
  try {
    return await write();
  } catch (error) {
    if (!isQuotaExceeded(error)) throw error;
    const reading = await probe().catch(() => ({ usedBytes: null, quotaBytes: null }));
    const freed = await evictMedia(store, incomingBytes + MEDIA_SPACE_POLICY.reserveMinBytes);
    await noteStorageFull(store, reading.usedBytes).catch(() => undefined);
    if (freed.bytes === 0) throw new StorageFullError(incomingBytes, { cause: error });
    try {
      return await write();
    } catch (again) {
      if (isQuotaExceeded(again)) throw new StorageFullError(incomingBytes, { cause: again });
      throw again;
    }
  }
}
