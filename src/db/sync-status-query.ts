import { countBlobsToUpload } from './blobs-repository.ts';
import { readServerOffset } from './device-clock.ts';
import { listNotSaved, type NotSavedChange } from './not-saved-repository.ts';
import { countOutbox } from './outbox-repository.ts';
import type { Store } from './store.ts';
import {
  getConnection,
  getHeldChanges,
  getSyncReport,
  type Connection,
  type SyncReport,
} from './sync-state-repository.ts';

export interface SyncStatusView extends SyncReport {
  readonly connection: Connection | null;
  /** Changes that will be pushed: demo and starter records never are, so they never count. */
  readonly pendingChanges: number;
  /** Changes this device's role may not push (made before it joined as a station, say): kept, not sent. */
  readonly heldChanges: number;
  readonly pendingUploads: number;
  /** Changes the server refused for good, newest first, until the teacher has seen them. */
  readonly notSaved: readonly NotSavedChange[];
  /** How far the server's clock is from this tablet's (server = tablet + offset), once a server has answered. */
  readonly clockOffsetMs: number | null;
}

/** Everything the sync status display shows, read together (use inside useLiveQuery). */
export async function readSyncStatus(store: Store): Promise<SyncStatusView> {
  const [connection, report, queued, held, pendingUploads, notSaved, offset] = await Promise.all([
    getConnection(store),
    getSyncReport(store),
    countOutbox(store),
    getHeldChanges(store).then((ids) =>
      store.db.outbox
        .where('changeId')
        .anyOf([...ids])
        .count(),
    ),
    countBlobsToUpload(store),
    listNotSaved(store),
    readServerOffset(store.db),
  ]);
  return {
    ...report,
    connection,
    pendingChanges: queued - held,
    heldChanges: held,
    pendingUploads,
    notSaved,
    clockOffsetMs: offset?.offsetMs ?? null,
  };
}
