import { useEffect, useRef, useState } from 'react';
import { useT } from '../useT.ts';
import {
  browserAudioDevices,
  isAudioRecordingSupported,
  type AudioClip,
  type AudioDevices,
  type RecorderLike,
} from './media-types.ts';
import { useObjectUrl } from './useObjectUrl.ts';

/** Two minutes: long enough for a child reading a page aloud, short enough to stay a few hundred KB. */
const DEFAULT_MAX_MS = 120_000;

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'recording'; readonly startedAt: number }
  | { readonly kind: 'review'; readonly clip: AudioClip }
  | { readonly kind: 'error'; readonly message: string };

interface Props {
  /** Called with the clip the teacher chose to keep, after listening to it. */
  onRecorded(clip: AudioClip): void;
  /** Heading of the recorder; "Audio" when absent. */
  label?: string;
  maxDurationMs?: number;
  /** Microphone and recorder; the browser's when absent (tests pass fakes). */
  devices?: AudioDevices;
  now?: () => number;
  /** Whether the page is in a secure context (the browser blocks the microphone outside one); tests pass it. */
  isSecure?: boolean;
}

/** Records a clip with MediaRecorder, plays it back, and hands it over only when the teacher keeps it. */
export function AudioRecorder({
  onRecorded,
  label,
  maxDurationMs = DEFAULT_MAX_MS,
  devices,
  now = Date.now,
  isSecure = window.isSecureContext !== false,
}: Props) {
  const { t } = useT();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [elapsedMs, setElapsedMs] = useState(0);
  const recorder = useRef<RecorderLike | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const reviewClip = phase.kind === 'review' ? phase.clip : null;
  const playbackUrl = useObjectUrl(reviewClip);
  const media = devices ?? (isAudioRecordingSupported() ? browserAudioDevices : null);

  const releaseMicrophone = () => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };

  useEffect(() => {
    if (phase.kind !== 'recording') return undefined;
    const tick = setInterval(() => {
      const elapsed = now() - phase.startedAt;
      setElapsedMs(elapsed);
      if (elapsed >= maxDurationMs) recorder.current?.stop();
    }, 250);
    return () => clearInterval(tick);
  }, [phase, now, maxDurationMs]);

  // Never leave the microphone on when the screen goes away mid-recording.
  useEffect(() => () => releaseMicrophone(), []);

  const start = async () => {
    if (!media) return;
    try {
      stream.current = await media.getMicrophone();
      const active = media.createRecorder(stream.current);
      const chunks: Blob[] = [];
      const startedAt = now();
      active.listen(
        (chunk) => {
          if (chunk.size > 0) chunks.push(chunk);
        },
        () => {
          releaseMicrophone();
          const mime = (active.mimeType || chunks[0]?.type || 'audio/webm').split(';')[0] ?? 'audio/webm';
          const durationMs = Math.max(0, now() - startedAt);
          void new Blob(chunks, { type: mime }).arrayBuffer().then((bytes) => {
            setPhase({ kind: 'review', clip: { bytes, mime, durationMs } });
          });
        },
      );
      recorder.current = active;
      active.start(1000);
      setElapsedMs(0);
      setPhase({ kind: 'recording', startedAt });
    } catch (error) {
      releaseMicrophone();
      setPhase({ kind: 'error', message: t('capture.audio.denied', { reason: (error as Error).message }) });
    }
  };

  const keep = (clip: AudioClip) => {
    onRecorded(clip);
    setPhase({ kind: 'idle' });
  };

  const seconds = Math.round((phase.kind === 'review' ? phase.clip.durationMs : elapsedMs) / 1000);
  return (
    <fieldset className="capture audio-recorder">
      <legend>{label ?? t('capture.audio.title')}</legend>
      {!media && isSecure ? <p>{t('capture.audio.unsupported')}</p> : null}
      {!media && !isSecure ? (
        // Plain HTTP: say why and where to fix it, instead of a button that cannot work.
        <p role="note">
          {t('capture.audio.insecure')} <a href="/setup">{t('insecure.setupLink')}</a>
        </p>
      ) : null}
      {media && (phase.kind === 'idle' || phase.kind === 'error') ? (
        <button type="button" className="secondary capture-button" onClick={() => void start()}>
          <span aria-hidden="true">🎙️</span> {t('capture.audio.record')}
        </button>
      ) : null}
      {phase.kind === 'recording' ? (
        <button type="button" className="danger capture-button" onClick={() => recorder.current?.stop()}>
          <span aria-hidden="true">■</span> {t('capture.audio.stop')}
        </button>
      ) : null}
      {phase.kind === 'review' ? (
        <div className="audio-review">
          {playbackUrl ? <audio controls src={playbackUrl} aria-label={t('capture.audio.playback')} /> : null}
          <div className="choice-row">
            <button type="button" className="capture-button" onClick={() => keep(phase.clip)}>
              {t('capture.audio.keep')}
            </button>
            <button type="button" className="secondary capture-button" onClick={() => void start()}>
              {t('capture.audio.again')}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="capture-status">
        {phase.kind === 'recording' ? t('capture.audio.recording', { seconds }) : ''}
        {phase.kind === 'review' ? t('capture.audio.review', { seconds }) : ''}
      </p>
      {phase.kind === 'error' ? <p role="alert">{phase.message}</p> : null}
    </fieldset>
  );
}
