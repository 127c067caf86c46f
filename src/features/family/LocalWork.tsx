import { useAttachment } from '#db';
import { useAttachmentFetcher } from '#state/useAttachmentFetcher.ts';
import { useT } from '#ui/useT.ts';
import { WorkMedia } from './WorkMedia.tsx';

/**
 * A photo, drawing or recording from this tablet's own store (the teacher's preview and print). One whose
 * bytes were moved to the school server to free space is fetched again when shown online; offline it says
 * where it is.
 */
export function LocalWork({ blobId, label }: { blobId: string; label: string }) {
  const { t } = useT();
  const attachment = useAttachment(blobId, useAttachmentFetcher());
  if (attachment.kind === 'onServer') {
    return (
      <span className="tag" role="status">
        {t(attachment.fetching ? 'family.work.fetching' : 'family.work.onServer')}
      </span>
    );
  }
  const media = attachment.kind === 'held' ? attachment.blob : attachment.kind === 'loading' ? undefined : null;
  return <WorkMedia media={media} label={label} missing={t('family.work.missing')} />;
}
