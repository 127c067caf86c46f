import { useContext, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getBlob, isHeldBlob, useStore, type BlobRecord } from '#db';
import { isUnreachable, SyncControllerContext } from '#state/sync-controller.ts';

export type AttachmentState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'held'; readonly blob: BlobRecord }
  /** On the school server only (moved off to free space, or recorded on another tablet). */
  | { readonly kind: 'onServer'; readonly mime: string | null; readonly fetching: boolean }
  | { readonly kind: 'unavailable' };

const isOnline = () => typeof navigator === 'undefined' || navigator.onLine;

/**
 * An attachment as this tablet has it. When its bytes are only on the school server, opening it fetches
 * them (online), and again each time the tablet comes back online; offline it says where they are.
 */
export function useAttachment(blobId: string): AttachmentState {
  const store = useStore();
  // Absent where nothing syncs (a screen shown on its own): the placeholder stays.
  const sync = useContext(SyncControllerContext);
  const stored = useLiveQuery(async () => (await getBlob(store, blobId)) ?? null, [store, blobId]);
  const [online, setOnline] = useState(isOnline);
  const [fetching, setFetching] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const missing = stored === null || (stored !== undefined && !isHeldBlob(stored));

  useEffect(() => {
    const update = () => setOnline(isOnline());
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  useEffect(() => {
    if (!missing || !online || !sync) return;
    let live = true;
    setFetching(true);
    sync
      .fetchAttachment(blobId)
      .then((result) => live && setUnavailable(result === 'unavailable'))
      .catch((error: unknown) => {
        // Offline, or the server is out of reach: the placeholder stays until the tablet is online again.
        if (!isUnreachable(error)) console.error('An attachment could not be fetched', error);
      })
      .finally(() => live && setFetching(false));
    return () => {
      live = false;
    };
  }, [missing, online, sync, blobId]);

  if (stored === undefined) return { kind: 'loading' };
  if (stored !== null && isHeldBlob(stored)) return { kind: 'held', blob: stored };
  if (unavailable) return { kind: 'unavailable' };
  return { kind: 'onServer', mime: stored?.mime ?? null, fetching: fetching && online };
}
