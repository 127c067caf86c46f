import { MAX_PULL_LIMIT, MAX_PUSH_CHANGES, PROTOCOL_VERSION, type PushResponse } from '#protocol';
import {
  applyRemoteChanges,
  getConnection,
  getCursor,
  getSyncReport,
  saveCursor,
  saveHeldChanges,
  updateSyncReport,
  getDeviceId,
  listBlobsToUpload,
  blobIdsCitedHere,
  noteServerTime,
  markBlobUploaded,
  requeueBlobUploads,
  requeueMissingBlobs,
  browserSpaceProbe,
  type SpaceProbe,
  markBlobRefused,
  addRefusedAttachment,
  nowIso,
  readOutbox,
  requeueAllRecords,
  removeFromOutbox,
  restampChanges,
  settleRefusals,
  sortOutbox,
  toChange,
  type Store,
} from '#db';

import { downloadMissing, keepReserve, reportDeviceStatus } from './media-round.ts';
import { fetchPages } from './pull-pages.ts';
import { SyncError, type SyncTransport } from './transport.ts';

/**
 * Pulled changes stored together at most: ten pages of a big pull, about 10 MB of records in memory (and as
 * much again arriving meanwhile). Fewer, fuller transactions rewrite each child's evidence summary fewer times.
 */
const CHANGES_PER_TRANSACTION = 10_000;

/** Answers to an upload that sending the same bytes again can never change. */
const REFUSED_FOR_GOOD = new Set(['unsupportedMediaType', 'tooLarge', 'hashMismatch', 'badRequest', 'validation']);

function isRefusedForGood(error: unknown): error is SyncError {
  return error instanceof SyncError && !error.retryable && REFUSED_FOR_GOOD.has(error.code);
}

/**
 * The server holds as many of this device's (or its class's) attachments as no record uses yet: nothing
 * was stored. Not final: the bytes stay here, queued, and go in a later round, once records cite what waits.
 */
function isUploadQuota(error: unknown): boolean {
  return error instanceof SyncError && error.code === 'uploadQuotaExceeded';
}

export interface SyncOnceOptions {
  readonly store: Store;
  readonly transport: SyncTransport;
  readonly batchSize?: number;
  readonly pullLimit?: number;
  /** Pulled changes stored in one transaction at most (several pages, when they arrive faster than stored). */
  readonly changesPerTransaction?: number;
  /** Attachments fetched per round at most. */
  readonly downloadsPerRound?: number;
  /** This site's storage use and quota (the browser's estimate when absent). */
  readonly probeSpace?: SpaceProbe;
}

export interface SyncOnceResult {
  readonly pushed: number;
  /** Changes the server refused for good (put back to the server's state and listed as not saved). */
  readonly refused: number;
  /** Changes stamped again because the server found them too far ahead of its clock. */
  readonly restamped: number;
  /** Changes this device's role may not push, left queued. */
  readonly held: number;
  readonly pulled: number;
  readonly uploaded: number;
  readonly downloaded: number;
}

interface PushTally {
  pushed: number;
  refused: number;
  restamped: number;
  held: string[];
}

/**
 * One full round: push the outbox in batches, pull every page since the cursor, upload attachments and
 * fetch a few missing ones.
 * Each step is safe to interrupt: pushes are idempotent by changeId and an outbox entry is removed only
 * after the server answered for it; pulled pages and the cursor move in one transaction (the next pages are
 * fetched while some are stored, and dropped if storing fails). Every answer's `serverTime` keeps this
 * device's idea of the server's clock current, which its stamps are made from.
 */
export async function syncOnce(options: SyncOnceOptions): Promise<SyncOnceResult> {
  const { store, transport } = options;
  const batchSize = Math.min(options.batchSize ?? MAX_PUSH_CHANGES, MAX_PUSH_CHANGES);
  const deviceId = await getDeviceId(store.db, store.env);
  const tally: PushTally = { pushed: 0, refused: 0, restamped: 0, held: [] };

  await pushOutbox(store, transport, deviceId, batchSize, tally);

  let pulled = 0;
  let serverWasReset = false;
  const pullLimit = options.pullLimit ?? MAX_PULL_LIMIT;
  // A refusal from a server that sends no record state moves the cursor back to the start: read it here.
  const pages = fetchPages(
    transport,
    await getCursor(store),
    pullLimit,
    options.changesPerTransaction ?? CHANGES_PER_TRANSACTION,
    () => store.env.now(),
  );
  try {
    for (let batch = await pages.take(); batch.length > 0; batch = await pages.take()) {
      const last = batch.at(-1)!;
      await noteServerTime(store.db, last.page.serverTime, last.receivedAt);
      // The pages that arrived while the ones before were stored, in one transaction with the last one's
      // cursor: a failure anywhere leaves the device at the last batch it stored, and nothing past it.
      const changes = batch.flatMap((r) => r.page.changes);
      await applyRemoteChanges(store.db, store.env, changes, () => saveCursor(store, last.page.cursor));
      pulled += changes.length;
      serverWasReset ||= batch.some((r) => r.page.reset === true);
    }
  } finally {
    pages.stop();
  }
  // The server's database is not the one this device synced with: give it everything this device holds.
  if (serverWasReset) {
    await requeueAllRecords(store);
    await requeueBlobUploads(store);
    await pushOutbox(store, transport, deviceId, batchSize, tally);
  }

  const { uploaded, held: uploadsHeld } = await uploadBlobs(store, transport);

  const probe = options.probeSpace ?? browserSpaceProbe;
  // What the server now holds may leave the tablet when space runs low; then fetch what others recorded.
  await keepReserve(store, probe);
  const downloaded = await downloadMissing(store, transport, options.downloadsPerRound ?? 20, probe);

  await saveHeldChanges(store, tally.held);
  const heldSince = (await getSyncReport(store)).uploadsHeldSince;
  await updateSyncReport(store, {
    lastSyncedAt: nowIso(store),
    lastError: null,
    uploadsHeldSince: uploadsHeld ? (heldSince ?? nowIso(store)) : null,
  });
  await reportDeviceStatus(store, transport, probe);
  return {
    pushed: tally.pushed,
    refused: tally.refused,
    restamped: tally.restamped,
    held: tally.held.length,
    pulled,
    uploaded,
    downloaded,
  };
}

/**
 * Sends the attachments the server lacks. One the server will never take is marked and listed; one it
 * refuses for its bound on uncited bytes (uploadQuotaExceeded) stays queued for a later round. Attachments
 * this tablet's evidence names go first: the server stores those whatever the bound once the evidence is
 * there. After such a refusal, the round skips the rest no evidence here names, so a tablet holding many
 * sends at most one of them a round to be refused.
 */
async function uploadBlobs(store: Store, transport: SyncTransport): Promise<{ uploaded: number; held: boolean }> {
  const waiting = await listBlobsToUpload(store);
  const cited = await blobIdsCitedHere(
    store,
    waiting.map((b) => b.id),
  );
  const ordered = [...waiting.filter((b) => cited.has(b.id)), ...waiting.filter((b) => !cited.has(b.id))];
  let uploaded = 0;
  let held = false;
  for (const blob of ordered) {
    if (held && !cited.has(blob.id)) continue;
    try {
      await transport.putBlob(blob.id, blob.bytes, blob.mime);
    } catch (error) {
      if (isUploadQuota(error)) {
        held = true;
        continue;
      }
      // Bytes the server will never take (not a type the app records, say) must not hold up the others.
      if (!isRefusedForGood(error)) throw error;
      await markBlobRefused(store, blob.id);
      await addRefusedAttachment(store, blob.id, (await getConnection(store))?.kind ?? 'teacher', error.message);
      continue;
    }
    await markBlobUploaded(store, blob.id);
    uploaded += 1;
  }
  return { uploaded, held };
}

/**
 * Pushes the outbox until everything this device may send has been answered for. Demo changes are dropped
 * unsent; changes its role may not push stay queued, unsent. A refusal puts the record back to the server's
 * state; a change refused as too far ahead is stamped again and sent again once in this round (a second
 * refusal leaves it for the next round, when the clock has been learned again).
 */
async function pushOutbox(
  store: Store,
  transport: SyncTransport,
  deviceId: string,
  batchSize: number,
  tally: PushTally,
): Promise<void> {
  const deviceKind = (await getConnection(store))?.kind ?? 'teacher';
  /** Entries not to send again this round (by seq): held back, or stamped again already and refused again. */
  const skip = new Set<number>();
  const restampedNow = new Set<string>();
  for (;;) {
    const entries = await readOutbox(store, batchSize, skip);
    if (entries.length === 0) break;
    const { send, localOnly, held } = await sortOutbox(store, entries);
    await removeFromOutbox(
      store,
      localOnly.map((e) => e.changeId),
    );
    for (const entry of held) {
      skip.add(entry.seq!);
      tally.held.push(entry.changeId);
    }
    if (send.length === 0) continue;
    const answer: PushResponse = await transport.push({
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      changes: send.map(toChange),
    });
    await noteServerTime(store.db, answer.serverTime, store.env.now());
    await removeFromOutbox(store, answer.accepted);
    if (answer.missingBlobIds) await requeueMissingBlobs(store, answer.missingBlobIds);
    tally.pushed += answer.accepted.length;
    const ahead = answer.rejected.filter((r) => r.code === 'clockAhead');
    const final = answer.rejected.filter((r) => r.code !== 'clockAhead');
    await settleRefusals(store, final, deviceKind);
    tally.refused += final.length;
    const seqOf = new Map(send.map((e) => [e.changeId, e.seq!]));
    for (const r of ahead) if (restampedNow.has(r.changeId)) skip.add(seqOf.get(r.changeId)!);
    const acceptedIds = new Set(answer.accepted);
    const newestAccepted = send
      .filter((e) => acceptedIds.has(e.changeId))
      .reduce<string | undefined>((newest, e) => (newest === undefined || e.hlc > newest ? e.hlc : newest), undefined);
    const fresh = await restampChanges(
      store,
      ahead.filter((r) => !restampedNow.has(r.changeId)).map((r) => r.changeId),
      newestAccepted,
    );
    fresh.forEach((id) => restampedNow.add(id));
    tally.restamped += fresh.length;
    // A server that answers for none of the batch would loop forever: stop and try again later.
    if (answer.accepted.length + answer.rejected.length === 0)
      throw new Error('The server did not confirm any change.');
  }
}
