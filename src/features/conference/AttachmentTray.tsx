import { useObjectUrl, type CapturedMedia } from '#ui/capture/index.ts';
import { formatBytes } from '#ui/format-bytes.ts';
import { useT } from '#ui/useT.ts';

/** Attachments waiting to be saved with the evidence, each with a preview and a remove button. */
export function AttachmentTray(props: { attachments: readonly CapturedMedia[]; onRemove(index: number): void }) {
  const { t } = useT();
  if (props.attachments.length === 0) return null;
  return (
    <section aria-label={t('conference.attachments.title')} className="attachment-tray">
      <h3>{t('conference.attachments.title')}</h3>
      <ul className="attachments plain-list" aria-label={t('conference.attachments.title')}>
        {props.attachments.map((media, index) => (
          <PendingAttachment key={index} media={media} index={index} onRemove={() => props.onRemove(index)} />
        ))}
      </ul>
    </section>
  );
}

function PendingAttachment({ media, index, onRemove }: { media: CapturedMedia; index: number; onRemove(): void }) {
  const { t, language } = useT();
  const url = useObjectUrl(media);
  const isImage = media.mime.startsWith('image/');
  const name = t(isImage ? 'conference.attachment.image' : 'conference.attachment.audio', { n: index + 1 });
  return (
    <li className="pending-attachment">
      {url && isImage ? <img src={url} className="thumb" alt={name} /> : null}
      {url && !isImage ? <audio controls src={url} aria-label={name} /> : null}
      <span className="muted">{formatBytes(media.bytes.byteLength, language)}</span>
      <button type="button" className="secondary" onClick={onRemove}>
        {t('conference.attachments.remove', { name })}
      </button>
    </li>
  );
}
