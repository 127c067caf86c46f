import { useMemo } from 'react';
import { showableMedia } from '#ui/capture/showable-media.ts';
import { useObjectUrl } from '#ui/capture/index.ts';

/**
 * One piece of shared work from its bytes: a photo or drawing as an <img>, a recording as a playable
 * <audio>, only of the types the app records (anything else is never made into an object URL).
 */
export function WorkMedia(props: {
  media: { readonly bytes: ArrayBuffer; readonly mime: string } | null | undefined;
  label: string;
  missing: string;
}) {
  const showable = props.media ? showableMedia(props.media.mime) : null;
  const type = showable?.type ?? null;
  const bytes = props.media?.bytes;
  const media = useMemo(() => (bytes && type ? { bytes, mime: type } : null), [bytes, type]);
  const url = useObjectUrl(media);
  if (props.media === undefined) return null;
  if (!showable || !url) return <span className="tag">{props.missing}</span>;
  if (showable.as === 'audio') return <audio controls src={url} aria-label={props.label} />;
  return <img src={url} alt={props.label} className="family-work-image" />;
}
