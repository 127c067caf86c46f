import { useContext, useMemo } from 'react';
import { isUnreachable, SyncControllerContext } from './sync-controller.ts';

/** What became of a fetch: the sync controller's answer, or 'failed' (logged unless the server was out of reach). */
export type AttachmentFetchResult = 'held' | 'fetched' | 'unavailable' | 'notConnected' | 'failed';

/**
 * Fetches an attachment whose bytes are only on the school server, for any screen that shows one (the
 * conference, the family report): never rejects, so a screen just keeps its placeholder when offline.
 * Null where nothing syncs (a screen shown on its own).
 */
export function useAttachmentFetcher(): ((blobId: string) => Promise<AttachmentFetchResult>) | null {
  const sync = useContext(SyncControllerContext);
  return useMemo(
    () =>
      sync
        ? (blobId: string) =>
            sync.fetchAttachment(blobId).catch((error: unknown): AttachmentFetchResult => {
              // Offline, or the server is out of reach: the placeholder stays until the tablet is online again.
              if (!isUnreachable(error)) console.error('An attachment could not be fetched', error);
              return 'failed';
            })
        : null,
    [sync],
  );
}
