import type { Evidence } from '#protocol';
import { prepareBlob, storePreparedBlob } from './blobs-repository.ts';
import { recordEvidence, type NewEvidence } from './evidence-repository.ts';
import type { Store } from './store.ts';
import { funnelScope } from './write-funnel.ts';

/** A photo, recording or drawing as captured. */
export interface CaptureBytes {
  readonly bytes: ArrayBuffer;
  readonly mime: string;
}

/**
 * Saves a capture whole: its photos, recordings and drawing and the evidence citing them, in one
 * transaction. A write the browser refuses (a full disk) leaves nothing of it behind, not even the first
 * attachment, so the capture can be saved again as it is; resolves once all of it is durably stored.
 */
export async function recordEvidenceWithMedia(
  store: Store,
  input: Omit<NewEvidence, 'blobIds'>,
  media: readonly CaptureBytes[],
): Promise<Evidence> {
  const prepared = await Promise.all(media.map((m) => prepareBlob(m.bytes, m.mime)));
  const { db } = store;
  return db.transaction('rw', [...funnelScope(['evidence']), 'blobs'], async () => {
    for (const blob of prepared) await storePreparedBlob(store, blob);
    const blobIds = prepared.map((b) => b.id);
    return recordEvidence(store, { ...input, ...(blobIds.length > 0 ? { blobIds } : {}) });
  });
}
