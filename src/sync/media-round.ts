/**
 * The attachments part of a sync round: fetching missing ones while there is room, keeping the reserve
 * free afterwards, telling the server this device's storage, and fetching one the moment it is opened.
 */
import { PROTOCOL_VERSION } from '#protocol';
import {
  bytesToFree,
  countOutbox,
  getBlob,
  isHeldBlob,
  isQuotaExceeded,
  listMissingBlobIds,
  makeRoomForMedia,
  readMediaSpace,
  saveWithRoom,
  storeDownloadedBlob,
  sumBlobsToUpload,
  type SpaceProbe,
  type Store,
} from '#db';
import { SyncError, type SyncTransport } from './transport.ts';

const isNotFound = (error: unknown) => error instanceof SyncError && !error.retryable && error.code === 'notFound';

/**
 * Photos and audio recorded on other tablets, a few each round, so records never wait for bytes. One the
 * server will not give this device is left for a later round. Background fetches never move other media
 * off the tablet: they stop while less than the reserve is free, and when a write is refused for space.
 */
export async function downloadMissing(
  store: Store,
  transport: SyncTransport,
  limit: number,
  probe: SpaceProbe,
): Promise<number> {
  let downloaded = 0;
  for (const id of await listMissingBlobIds(store, limit)) {
    const space = await readMediaSpace(store, probe);
    if (bytesToFree(space.usedBytes, space.quotaBytes, 0) > 0) break;
    let blob: { bytes: ArrayBuffer; mime: string };
    try {
      blob = await transport.getBlob(id);
    } catch (error) {
      if (isNotFound(error)) continue;
      throw error;
    }
    try {
      await storeDownloadedBlob(store, id, blob.bytes, blob.mime);
    } catch (error) {
      if (isQuotaExceeded(error)) break;
      throw error;
    }
    downloaded += 1;
  }
  return downloaded;
}

/**
 * Tells the server this device's space and what waits on it, for the teacher's device list. Its failure
 * is no failure of the round.
 */
export async function reportDeviceStatus(store: Store, transport: SyncTransport, probe: SpaceProbe): Promise<void> {
  if (!transport.reportStatus) return;
  const [space, uploads, pendingChanges] = await Promise.all([
    readMediaSpace(store, probe),
    sumBlobsToUpload(store),
    countOutbox(store),
  ]);
  try {
    await transport.reportStatus({
      protocolVersion: PROTOCOL_VERSION,
      ...(space.usedBytes !== null ? { usedBytes: Math.round(space.usedBytes) } : {}),
      ...(space.leftBytes !== null ? { freeBytes: Math.round(space.leftBytes) } : {}),
      pendingChanges,
      pendingUploads: uploads.count,
      pendingUploadBytes: uploads.bytes,
    });
  } catch {
    // Not part of the round's outcome: an older server lacks the route, and the next round reports again.
  }
}

/** After uploads: keep the reserve free, moving media the server now holds off the tablet if needed. */
export async function keepReserve(store: Store, probe: SpaceProbe): Promise<void> {
  await makeRoomForMedia(store, 0, probe);
}

export type FetchAttachmentResult = 'held' | 'fetched' | 'unavailable';

/**
 * An attachment opened on this tablet whose bytes are not here (moved to the server, or recorded on
 * another tablet): fetched now, with room made for it. 'unavailable': the server does not give it to
 * this device. Rejects with a SyncError (code 'network') when the server cannot be reached.
 */
export async function fetchAttachment(
  store: Store,
  transport: SyncTransport,
  id: string,
  probe: SpaceProbe,
): Promise<FetchAttachmentResult> {
  const here = await getBlob(store, id);
  if (here && isHeldBlob(here)) return 'held';
  let blob: { bytes: ArrayBuffer; mime: string };
  try {
    blob = await transport.getBlob(id);
  } catch (error) {
    if (isNotFound(error)) return 'unavailable';
    throw error;
  }
  await saveWithRoom(store, blob.bytes.byteLength, () => storeDownloadedBlob(store, id, blob.bytes, blob.mime), probe);
  return 'fetched';
}
