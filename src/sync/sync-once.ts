import { MAX_PULL_LIMIT, MAX_PUSH_CHANGES, PROTOCOL_VERSION, type RejectedChange } from '#protocol';
import {
  applyRemoteChanges,
  getCursor,
  getSyncReport,
  saveCursor,
  updateSyncReport,
  getDeviceId,
  isLocalOnlyChange,
  listBlobsToUpload,
  listMissingBlobIds,
  storeDownloadedBlob,
  markBlobUploaded,
  nowIso,
  readOutbox,
  requeueAllRecords,
  removeFromOutbox,
  toChange,
  type Store,
} from '#db';

import type { SyncTransport } from './transport.ts';

export interface SyncOnceOptions {
  readonly store: Store;
  readonly transport: SyncTransport;
  readonly batchSize?: number;
  readonly pullLimit?: number;
  /** Attachments fetched per round at most. */
  readonly downloadsPerRound?: number;
}

export interface SyncOnceResult {
  readonly pushed: number;
  readonly refused: number;
  readonly pulled: number;
  readonly uploaded: number;
  readonly downloaded: number;
}

const KEEP_REFUSED = 20;

/**
 * One full round: push the outbox in batches, pull every page since the cursor, upload attachments and
 * fetch a few missing ones.
 * Each step is safe to interrupt: pushes are idempotent by changeId and an outbox entry is removed only
 * after the server answered for it; a pulled page and the cursor move in one transaction (the next page is
 * fetched while one is stored, and dropped if storing fails).
 */
export async function syncOnce(options: SyncOnceOptions): Promise<SyncOnceResult> {
  const { store, transport } = options;
  const batchSize = Math.min(options.batchSize ?? MAX_PUSH_CHANGES, MAX_PUSH_CHANGES);
  const deviceId = await getDeviceId(store.db, store.env);
  let pushed = 0;
  const refused: RejectedChange[] = [];

  pushed += await pushOutbox(store, transport, deviceId, batchSize, refused);

  let pulled = 0;
  let serverWasReset = false;
  const pullLimit = options.pullLimit ?? MAX_PULL_LIMIT;
  let fetching = transport.pull(await getCursor(store), pullLimit);
  for (;;) {
    const page = await fetching;
    // Fetch the next page while this one is stored. A cursor is saved only with its own page's changes, so
    // a failure anywhere leaves the device at the last page it stored.
    if (page.hasMore) {
      fetching = transport.pull(page.cursor, pullLimit);
      // Its failure is thrown when awaited; if storing this page fails first, nobody awaits it.
      fetching.catch(() => undefined);
    }
    await applyRemoteChanges(store.db, store.env, page.changes, () => saveCursor(store, page.cursor));
    pulled += page.changes.length;
    serverWasReset ||= page.reset === true;
    if (!page.hasMore) break;
  }
  // The server's database is not the one this device synced with: give it everything this device holds.
  if (serverWasReset) {
    await requeueAllRecords(store, (entry) => isLocalOnlyChange(store, entry));
    pushed += await pushOutbox(store, transport, deviceId, batchSize, refused);
  }

  let uploaded = 0;
  for (const blob of await listBlobsToUpload(store)) {
    await transport.putBlob(blob.id, blob.bytes, blob.mime);
    await markBlobUploaded(store, blob.id);
    uploaded += 1;
  }

  // Photos and audio recorded on other tablets, a few each round, so records never wait for bytes.
  let downloaded = 0;
  for (const id of await listMissingBlobIds(store, options.downloadsPerRound ?? 20)) {
    const { bytes, mime } = await transport.getBlob(id);
    await storeDownloadedBlob(store, id, bytes, mime);
    downloaded += 1;
  }

  if (refused.length > 0) {
    const previous = (await getSyncReport(store)).refused;
    await updateSyncReport(store, { refused: [...refused.reverse(), ...previous].slice(0, KEEP_REFUSED) });
  }
  await updateSyncReport(store, { lastSyncedAt: nowIso(store), lastError: null });
  return { pushed, refused: refused.length, pulled, uploaded, downloaded };
}

/** Pushes the outbox until it is empty; returns how many changes the server accepted. */
async function pushOutbox(
  store: Store,
  transport: SyncTransport,
  deviceId: string,
  batchSize: number,
  refused: RejectedChange[],
): Promise<number> {
  let pushed = 0;
  for (;;) {
    const entries = await readOutbox(store, batchSize);
    if (entries.length === 0) break;
    // Asked all at once: the reads some entries need overlap instead of waiting for one another.
    const isLocal = await Promise.all(entries.map((entry) => isLocalOnlyChange(store, entry)));
    const localOnly = entries.filter((_, i) => isLocal[i]).map((entry) => entry.changeId);
    const toSend = entries.filter((_, i) => !isLocal[i]).map(toChange);
    await removeFromOutbox(store, localOnly);
    if (toSend.length === 0) continue;
    const answer = await transport.push({ protocolVersion: PROTOCOL_VERSION, deviceId, changes: toSend });
    await removeFromOutbox(store, [...answer.accepted, ...answer.rejected.map((r) => r.changeId)]);
    pushed += answer.accepted.length;
    refused.push(...answer.rejected);
    // A server that answers for none of the batch would loop forever: stop and try again later.
    if (answer.accepted.length + answer.rejected.length === 0)
      throw new Error('The server did not confirm any change.');
  }
  return pushed;
}
