import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { formatBytes } from '../format-bytes.ts';
import { Icon } from '../Icon.tsx';
import { useT } from '../useT.ts';
import { CaptureButton, HearButton } from './CaptureButton.tsx';
import type { ChildVoice } from './child-voice.ts';
import { compressImage, type CompressedImage } from './compress-image.ts';
import { useObjectUrl } from './useObjectUrl.ts';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'preview'; readonly photo: CompressedImage }
  | { readonly kind: 'ready'; readonly size: number }
  | { readonly kind: 'kept' }
  | { readonly kind: 'error'; readonly reason: string };

interface Props {
  /** Called once per photo, already resized and compressed. */
  onCaptured(photo: CompressedImage): void;
  label?: string;
  /** The compressor; the in-browser canvas one when absent (tests pass a fake). */
  compress?: (file: Blob) => Promise<CompressedImage>;
  /**
   * A child takes one photo with the camera, sees it, and keeps it or takes it again: nothing is handed
   * over before "keep". Words in the child's language, each step said aloud.
   */
  forChild?: ChildVoice | undefined;
}

/**
 * Takes a photo with the camera or picks files. Without a `capture` attribute tablets offer both the
 * camera and the library (the teacher may pick several). Each photo is compressed before it is handed
 * over, so nothing large is stored.
 */
export function PhotoCapture({ onCaptured, label, compress = compressImage, forChild }: Props) {
  const { t, language } = useT(forChild?.language);
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const previewUrl = useObjectUrl(phase.kind === 'preview' ? phase.photo : null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setPhase({ kind: 'working' });
    try {
      if (forChild) {
        setPhase({ kind: 'preview', photo: await compress(files[0]!) });
        return;
      }
      let size = 0;
      for (const file of files) {
        const photo = await compress(file);
        size += photo.bytes.byteLength;
        onCaptured(photo);
      }
      setPhase({ kind: 'ready', size });
    } catch (error) {
      setPhase({ kind: 'error', reason: (error as Error).message });
    }
  };

  const keep = (photo: CompressedImage) => {
    onCaptured(photo);
    setPhase({ kind: 'kept' });
  };

  const status = {
    idle: '',
    working: t('capture.photo.working'),
    preview: t('capture.photo.check'),
    ready: phase.kind === 'ready' ? t('capture.photo.ready', { size: formatBytes(phase.size, language) }) : '',
    kept: t('capture.photo.kept'),
    error: '',
  }[phase.kind];
  const problem =
    phase.kind === 'error'
      ? forChild
        ? t('capture.photo.failedChild')
        : t('capture.photo.failed', { reason: phase.reason })
      : '';
  const takeWord = forChild ? t('capture.photo.takeOne') : t('capture.photo.take');

  // A child hears the question as soon as the photo shows, and hears when it did not work.
  const said = phase.kind === 'preview' ? status : problem;
  useEffect(() => {
    if (said) forChild?.readAloud(said);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- said once per step, not per new callback
  }, [said]);

  const isPreview = phase.kind === 'preview';
  return (
    <fieldset className={`capture photo-capture${forChild ? ' capture-child' : ''}`}>
      <legend>{label ?? t('capture.photo.title')}</legend>
      {isPreview && previewUrl ? (
        <img className="capture-photo-preview" src={previewUrl} alt={t('capture.photo.preview')} />
      ) : null}
      <div className="choice-row capture-actions">
        {isPreview ? (
          <CaptureButton icon="keep" tone="keep" onClick={() => keep(phase.photo)}>
            {t('capture.photo.keep')}
          </CaptureButton>
        ) : null}
        {/* The label is the button's face: a file input cannot be styled, and a label opens it. */}
        <label htmlFor={id} className={`file-button capture-action ${isPreview ? 'capture-redo' : 'capture-plain'}`}>
          <Icon name={isPreview ? 'redo' : 'camera'} className="icon capture-icon" />
          <span className="capture-word">{isPreview ? t('capture.photo.retake') : takeWord}</span>
        </label>
        <input
          id={id}
          className="visually-hidden-file"
          type="file"
          accept="image/*"
          multiple={!forChild}
          {...(forChild ? { capture: 'environment' } : {})}
          disabled={phase.kind === 'working'}
          onChange={(e) => void choose(e)}
        />
        {forChild ? (
          <HearButton label={t('capture.hear')} onHear={() => forChild.readAloud(problem || status || takeWord)} />
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="capture-status">
        {status}
      </p>
      {problem ? <p role="alert">{problem}</p> : null}
    </fieldset>
  );
}
