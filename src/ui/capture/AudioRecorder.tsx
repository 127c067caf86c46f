import { useEffect, useRef, useState } from 'react';
import { useT } from '../useT.ts';
import { CaptureButton, HearButton } from './CaptureButton.tsx';
import type { ChildVoice } from './child-voice.ts';
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
  | { readonly kind: 'error'; readonly reason: string };

interface Props {
  /** Called with the clip the teacher or child chose to keep, after listening to it. */
  onRecorded(clip: AudioClip): void;
  /** Heading of the recorder; "Audio" when absent. */
  label?: string;
  maxDurationMs?: number;
  /** Microphone and recorder; the browser's when absent (tests pass fakes). */
  devices?: AudioDevices | undefined;
  now?: () => number;
  /** Whether the page is in a secure context (the browser blocks the microphone outside one); tests pass it. */
  isSecure?: boolean;
  /** A child records: words in the child's language, each step said aloud, a big Listen button. */
  forChild?: ChildVoice | undefined;
}

/** Records a clip with MediaRecorder, plays it back, and hands it over only when it is kept. */
export function AudioRecorder({
  onRecorded,
  label,
  maxDurationMs = DEFAULT_MAX_MS,
  devices,
  now = Date.now,
  isSecure = window.isSecureContext !== false,
  forChild,
}: Props) {
  const { t } = useT(forChild?.language);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [elapsedMs, setElapsedMs] = useState(0);
  const recorder = useRef<RecorderLike | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const player = useRef<HTMLAudioElement>(null);
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

  const seconds = Math.round((phase.kind === 'review' ? phase.clip.durationMs : elapsedMs) / 1000);
  const status =
    phase.kind === 'recording'
      ? t('capture.audio.recording', { seconds })
      : phase.kind === 'review'
        ? t('capture.audio.review', { seconds })
        : '';
  const problem =
    phase.kind === 'error'
      ? forChild
        ? t('capture.audio.deniedChild')
        : t('capture.audio.denied', { reason: phase.reason })
      : '';

  // A child hears what to do next as soon as the recording is ready to listen to, or did not work.
  const said = phase.kind === 'review' ? status : problem;
  useEffect(() => {
    if (said) forChild?.readAloud(said);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- said once per step, not per new callback
  }, [said]);

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
      setPhase({ kind: 'error', reason: (error as Error).message });
    }
  };

  const keep = (clip: AudioClip) => {
    player.current?.pause();
    onRecorded(clip);
    setPhase({ kind: 'idle' });
  };

  const listen = () => {
    const audio = player.current;
    if (!audio) return;
    audio.currentTime = 0;
    void audio.play().catch(() => undefined);
  };

  const choices: Record<Phase['kind'], string> = {
    idle: t('capture.audio.record'),
    error: t('capture.audio.record'),
    recording: t('capture.audio.stop'),
    review: status,
  };

  return (
    <fieldset className={`capture audio-recorder${forChild ? ' capture-child' : ''}`}>
      <legend>{label ?? t('capture.audio.title')}</legend>
      {!media && isSecure ? <p>{t('capture.audio.unsupported')}</p> : null}
      {!media && !isSecure ? (
        // Plain HTTP: say why and (to a teacher) where to fix it, instead of a button that cannot work.
        <p role="note">
          {t('capture.audio.insecure')} {forChild ? null : <a href="/setup">{t('insecure.setupLink')}</a>}
        </p>
      ) : null}
      <div className="choice-row capture-actions">
        {media && (phase.kind === 'idle' || phase.kind === 'error') ? (
          <CaptureButton icon="record" tone="record" onClick={() => void start()}>
            {t('capture.audio.record')}
          </CaptureButton>
        ) : null}
        {phase.kind === 'recording' ? (
          <CaptureButton icon="stop" tone="stop" onClick={() => recorder.current?.stop()}>
            {t('capture.audio.stop')}
          </CaptureButton>
        ) : null}
        {phase.kind === 'review' && forChild ? (
          <CaptureButton icon="listen" tone="listen" onClick={listen}>
            {t('capture.audio.listen')}
          </CaptureButton>
        ) : null}
        {phase.kind === 'review' ? (
          <>
            <CaptureButton icon="keep" tone="keep" onClick={() => keep(phase.clip)}>
              {t('capture.audio.keep')}
            </CaptureButton>
            <CaptureButton icon="redo" tone="redo" onClick={() => void start()}>
              {t('capture.audio.again')}
            </CaptureButton>
          </>
        ) : null}
        {forChild && media ? (
          <HearButton label={t('capture.hear')} onHear={() => forChild.readAloud(problem || choices[phase.kind])} />
        ) : null}
      </div>
      {phase.kind === 'review' && playbackUrl ? (
        <audio
          ref={player}
          controls={!forChild}
          src={playbackUrl}
          aria-label={t('capture.audio.playback')}
          className="capture-playback"
        />
      ) : null}
      <p role="status" aria-live="polite" className="capture-status">
        {status}
      </p>
      {problem ? <p role="alert">{problem}</p> : null}
    </fieldset>
  );
}
