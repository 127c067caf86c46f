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
  /** The server has refused this device's uploads for its bound for an hour or more (the files wait here). */
  readonly uploadsHeld: boolean;
}

/** How long uploads may be held back before the teacher is told: a round or two usually clears it. */
export const UPLOADS_HELD_NOTICE_MS = 3600_000;

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
    uploadsHeld:
      report.uploadsHeldSince !== null &&
      store.env.now() - Date.parse(report.uploadsHeldSince) >= UPLOADS_HELD_NOTICE_MS,
  };
}
