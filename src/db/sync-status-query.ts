import { countBlobsToUpload } from './blobs-repository.ts';
import { countOutbox } from './outbox-repository.ts';
import type { Store } from './store.ts';
import { getConnection, getSyncReport, type Connection, type SyncReport } from './sync-state-repository.ts';

export interface SyncStatusView extends SyncReport {
  readonly connection: Connection | null;
  readonly pendingChanges: number;
  readonly pendingUploads: number;
}

/** Everything the sync status display shows, read together (use inside useLiveQuery). */
export async function readSyncStatus(store: Store): Promise<SyncStatusView> {
  const [connection, report, pendingChanges, pendingUploads] = await Promise.all([
    getConnection(store),
    getSyncReport(store),
    countOutbox(store),
    countBlobsToUpload(store),
  ]);
  return { ...report, connection, pendingChanges, pendingUploads };
}
