import { useLiveQuery } from 'dexie-react-hooks';
import { getBlob, isHeldBlob, useStore } from '#db';
import { useT } from '#ui/useT.ts';
import { WorkMedia } from './WorkMedia.tsx';

/**
 * A photo, drawing or recording from this tablet's own store (the teacher's preview and print). One whose
 * bytes were moved off to free space shows as missing here; opening it in the conference fetches it again.
 */
export function LocalWork({ blobId, label }: { blobId: string; label: string }) {
  const { t } = useT();
  const store = useStore();
  const blob = useLiveQuery(async () => {
    const stored = await getBlob(store, blobId);
    return stored && isHeldBlob(stored) ? stored : null;
  }, [store, blobId]);
  return <WorkMedia media={blob} label={label} missing={t('family.work.missing')} />;
}
