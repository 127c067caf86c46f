import { useLiveQuery } from 'dexie-react-hooks';
import { getBlob, useStore } from '#db';
import { useObjectUrl } from '#ui/capture/index.ts';
import { useT } from '#ui/useT.ts';

/** A stored photo, drawing or recording, shown from its bytes through an object URL. */
export function StoredAttachment({ blobId, index }: { blobId: string; index: number }) {
  const { t } = useT();
  const store = useStore();
  const blob = useLiveQuery(() => getBlob(store, blobId), [store, blobId]);
  const url = useObjectUrl(blob ?? null);
  if (blob === undefined) return null;
  if (!url) return <span className="tag">{t('conference.attachment.missing')}</span>;
  if (blob.mime.startsWith('image/')) {
    return (
      <a href={url} target="_blank" rel="noreferrer" className="thumb-link">
        <img src={url} className="thumb" alt={t('conference.attachment.image', { n: index + 1 })} />
      </a>
    );
  }
  if (blob.mime.startsWith('audio/')) {
    return <audio controls src={url} aria-label={t('conference.attachment.audio', { n: index + 1 })} />;
  }
  return null;
}
