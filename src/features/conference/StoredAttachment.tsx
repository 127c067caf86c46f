import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getBlob, useStore } from '#db';
import { showableMedia } from '#ui/capture/showable-media.ts';
import { useObjectUrl } from '#ui/capture/index.ts';
import { useT } from '#ui/useT.ts';

/**
 * A stored photo, drawing or recording, shown from its bytes through an object URL: only as an <img> or
 * an <audio>, and only of the types the app records. The app never navigates to an attachment (a new tab
 * on a `blob:` URL is a document in the app's origin): a picture is shown larger in place.
 */
export function StoredAttachment({ blobId, index }: { blobId: string; index: number }) {
  const { t } = useT();
  const store = useStore();
  const blob = useLiveQuery(() => getBlob(store, blobId), [store, blobId]);
  const [large, setLarge] = useState(false);
  const showable = blob ? showableMedia(blob.mime) : null;
  const type = showable?.type ?? null;
  const media = useMemo(() => (blob && type ? { bytes: blob.bytes, mime: type } : null), [blob, type]);
  const url = useObjectUrl(media);
  if (blob === undefined) return null;
  if (!showable) return <span className="tag">{t('conference.attachment.unsupported')}</span>;
  if (!url) return <span className="tag">{t('conference.attachment.missing')}</span>;
  const name = t(showable.as === 'image' ? 'conference.attachment.image' : 'conference.attachment.audio', {
    n: index + 1,
  });
  if (showable.as === 'audio') return <audio controls src={url} aria-label={name} />;
  return (
    <span className={large ? 'attachment attachment-open' : 'attachment'}>
      <img src={url} className={large ? 'attachment-large' : 'thumb'} alt={name} />
      <button
        type="button"
        className="secondary"
        aria-expanded={large}
        aria-label={t(large ? 'conference.attachment.smaller' : 'conference.attachment.larger', { name })}
        onClick={() => setLarge((was) => !was)}
      >
        {t(large ? 'conference.attachment.smallerShort' : 'conference.attachment.largerShort')}
      </button>
    </span>
  );
}
