import { useId, useState, type ChangeEvent } from 'react';
import { formatBytes } from '../format-bytes.ts';
import { useT } from '../useT.ts';
import { compressImage, type CompressedImage } from './compress-image.ts';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'ready'; readonly size: number }
  | { readonly kind: 'error'; readonly message: string };

interface Props {
  /** Called once per photo, already resized and compressed. */
  onCaptured(photo: CompressedImage): void;
  label?: string;
  /** The compressor; the in-browser canvas one when absent (tests pass a fake). */
  compress?: (file: Blob) => Promise<CompressedImage>;
}

/**
 * Takes a photo with the camera or picks files. Without a `capture` attribute tablets offer both the
 * camera and the library. Each photo is compressed before it is handed over, so nothing large is stored.
 */
export function PhotoCapture({ onCaptured, label, compress = compressImage }: Props) {
  const { t, language } = useT();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setPhase({ kind: 'working' });
    try {
      let size = 0;
      for (const file of files) {
        const photo = await compress(file);
        size += photo.bytes.byteLength;
        onCaptured(photo);
      }
      setPhase({ kind: 'ready', size });
    } catch (error) {
      setPhase({ kind: 'error', message: t('capture.photo.failed', { reason: (error as Error).message }) });
    }
  };

  return (
    <fieldset className="capture photo-capture">
      <legend>{label ?? t('capture.photo.title')}</legend>
      <label htmlFor={id} className="file-button">
        <span aria-hidden="true">📷</span> {t('capture.photo.take')}
      </label>
      <input
        id={id}
        className="visually-hidden-file"
        type="file"
        accept="image/*"
        multiple
        disabled={phase.kind === 'working'}
        onChange={(e) => void choose(e)}
      />
      <p role="status" aria-live="polite" className="capture-status">
        {phase.kind === 'working' ? t('capture.photo.working') : ''}
        {phase.kind === 'ready' ? t('capture.photo.ready', { size: formatBytes(phase.size, language) }) : ''}
      </p>
      {phase.kind === 'error' ? <p role="alert">{phase.message}</p> : null}
    </fieldset>
  );
}
