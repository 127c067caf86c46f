import { useLiveQuery } from 'dexie-react-hooks';
import { getBlob, useStore } from '#db';
import { useT } from '#ui/useT.ts';
import { WorkMedia } from './WorkMedia.tsx';

/** A photo, drawing or recording from this tablet's own store (the teacher's preview and print). */
export function LocalWork({ blobId, label }: { blobId: string; label: string }) {
  const { t } = useT();
  const store = useStore();
  const blob = useLiveQuery(async () => (await getBlob(store, blobId)) ?? null, [store, blobId]);
  return <WorkMedia media={blob} label={label} missing={t('family.work.missing')} />;
}
