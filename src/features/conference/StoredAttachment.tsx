import { useMemo, useState } from 'react';
import { useAttachment } from '#db';
import { useAttachmentFetcher } from '#state/useAttachmentFetcher.ts';
import { showableMedia } from '#ui/capture/showable-media.ts';
import { useObjectUrl } from '#ui/capture/index.ts';
import { useT } from '#ui/useT.ts';

/**
 * A stored photo, drawing or recording, shown from its bytes through an object URL: only as an <img> or
 * an <audio>, and only of the types the app records. The app never navigates to an attachment (a new tab
 * on a `blob:` URL is a document in the app's origin): a picture is shown larger in place. One whose bytes
 * are on the school server only is fetched when shown online, and says so while offline.
 */
export function StoredAttachment({ blobId, index }: { blobId: string; index: number }) {
  const { t } = useT();
  const attachment = useAttachment(blobId, useAttachmentFetcher());
  const blob = attachment.kind === 'held' ? attachment.blob : null;
  const [large, setLarge] = useState(false);
  const showable = blob ? showableMedia(blob.mime) : null;
  const type = showable?.type ?? null;
  const media = useMemo(() => (blob && type ? { bytes: blob.bytes, mime: type } : null), [blob, type]);
  const url = useObjectUrl(media);
  if (attachment.kind === 'loading') return null;
  if (attachment.kind === 'unavailable') return <span className="tag">{t('conference.attachment.unavailable')}</span>;
  if (attachment.kind === 'onServer') return <OnServer mime={attachment.mime} fetching={attachment.fetching} />;
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

/** Where an attachment is while its bytes are not on this tablet. */
function OnServer({ mime, fetching }: { mime: string | null; fetching: boolean }) {
  const { t } = useT();
  const as = mime ? showableMedia(mime)?.as : undefined;
  const text = fetching
    ? t('conference.attachment.fetching')
    : t(
        as === 'image'
          ? 'conference.attachment.onServerImage'
          : as === 'audio'
            ? 'conference.attachment.onServerAudio'
            : 'conference.attachment.onServer',
      );
  return (
    <span className="tag attachment-on-server" role="status">
      {text}
    </span>
  );
}
