import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getBlob } from './blobs-repository.ts';
import { isHeldBlob, type BlobRecord } from './records.ts';
import { useStore } from './store-context.tsx';

export type AttachmentState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'held'; readonly blob: BlobRecord }
  /** On the school server only (moved off to free space, or recorded on another tablet). */
  | { readonly kind: 'onServer'; readonly mime: string | null; readonly fetching: boolean }
  | { readonly kind: 'unavailable' };

/**
 * Fetches an attachment's bytes from the school server into this tablet's store; never rejects (a server
 * out of reach leaves the placeholder). 'unavailable': the server will not give it. Screens get one from
 * `useAttachmentFetcher` (src/state), which wraps the sync controller; null where nothing syncs.
 */
export type FetchMissingAttachment = (blobId: string) => Promise<string>;

const isOnline = () => typeof navigator === 'undefined' || navigator.onLine;

/**
 * An attachment as this tablet has it. When its bytes are only on the school server, showing it fetches
 * them (online), and again each time the tablet comes back online; offline it says where they are.
 */
export function useAttachment(blobId: string, fetchMissing: FetchMissingAttachment | null): AttachmentState {
  const store = useStore();
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
    if (!missing || !online || !fetchMissing) return;
    let live = true;
    setFetching(true);
    fetchMissing(blobId)
      .then((result) => live && setUnavailable(result === 'unavailable'))
      .finally(() => live && setFetching(false));
    return () => {
      live = false;
    };
  }, [missing, online, fetchMissing, blobId]);

  if (stored === undefined) return { kind: 'loading' };
  if (stored !== null && isHeldBlob(stored)) return { kind: 'held', blob: stored };
  if (unavailable) return { kind: 'unavailable' };
  return { kind: 'onServer', mime: stored?.mime ?? null, fetching: fetching && online };
}
