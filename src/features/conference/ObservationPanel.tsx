import { useId, useState, type FormEvent } from 'react';
import {
  deviceTeacher,
  recordEvidenceWithMedia,
  saveWithRoom,
  StorageFullError,
  useCaptureRoom,
  useStore,
  type StudentProgressData,
} from '#db';
import type { EvidenceKind } from '#protocol';
import type { StudentProgress } from '#rules';
import { whileBusy } from '#state/activity-store.ts';
import { AudioRecorder, DrawingPad, PhotoCapture, SpaceWarning, type CapturedMedia } from '#ui/capture/index.ts';
import { LevelPicker } from '#ui/LevelPicker.tsx';
import { useT } from '#ui/useT.ts';
import type { ConferenceNav } from './conference-nav.ts';
import { pathTargets } from './conference-view.ts';
import { AttachmentTray } from './AttachmentTray.tsx';
import { TargetChooser } from './TargetChooser.tsx';

type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** An observation or work sample: targets, level, note, day, photos, recordings and a drawing. */
export function ObservationPanel(props: {
  data: StudentProgressData;
  progress: StudentProgress;
  defaultTargetId: string | null;
  nav: ConferenceNav;
}) {
  const { t } = useT();
  const store = useStore();
  const ids = useId();
  const today = localDay(new Date(store.env.now()));
  const firstTarget = props.defaultTargetId ?? props.progress.currentTargetId;
  const [kind, setKind] = useState<EvidenceKind>('observation');
  const [targetIds, setTargetIds] = useState<string[]>(firstTarget ? [firstTarget] : []);
  const [level, setLevel] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [observedOn, setObservedOn] = useState(today);
  const [attachments, setAttachments] = useState<CapturedMedia[]>([]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const room = useCaptureRoom(save.kind);
  const attach = (media: CapturedMedia) => setAttachments((list) => [...list, media]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (targetIds.length === 0) return setSave({ kind: 'error', message: t('conference.observe.needTarget') });
    if (kind === 'observation' && level === null)
      return setSave({ kind: 'error', message: t('observation.needLevel') });
    setSave({ kind: 'saving' });
    try {
      // Today keeps the exact time; an earlier day is recorded at noon of that day.
      const observedAt =
        !observedOn || observedOn === today ? undefined : new Date(`${observedOn}T12:00:00`).toISOString();
      const size = attachments.reduce((sum, a) => sum + a.bytes.byteLength, 0);
      // Room is made first; a full disk frees room and tries once more, or fails having saved nothing.
      await whileBusy(
        saveWithRoom(store, size, async () => {
          // The attachments and the evidence in one write: a full disk leaves none of it half saved.
          await recordEvidenceWithMedia(
            store,
            {
              studentId: props.data.student.id,
              targetIds,
              kind,
              recordedBy: await deviceTeacher(store),
              ...(level !== null ? { level } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
              ...(observedAt ? { observedAt } : {}),
            },
            attachments,
          );
        }),
      );
      setSave({ kind: 'saved' });
      setLevel(null);
      setNote('');
      setAttachments([]);
    } catch (e) {
      if (e instanceof StorageFullError) return setSave({ kind: 'error', message: t('capture.space.full') });
      setSave({ kind: 'error', message: t('conference.saveFailed', { reason: (e as Error).message }) });
    }
  };

  return (
    <form className="card observe-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('conference.observe.title')}</h2>
      <div role="radiogroup" aria-label={t('conference.observe.kind')} className="choice-row">
        {(['observation', 'workSample'] as const).map((k) => (
          <button key={k} type="button" role="radio" aria-checked={kind === k} onClick={() => setKind(k)}>
            {t(`evidence.kind.${k}`)}
          </button>
        ))}
      </div>
      <TargetChooser targets={pathTargets(props.data, props.progress)} selected={targetIds} onChange={setTargetIds} />
      <LevelPicker scale={props.data.scale} value={level} onChange={setLevel} label={t('observation.level')} />
      <label htmlFor={`${ids}-note`}>{t('observation.note')}</label>
      <textarea id={`${ids}-note`} value={note} rows={3} onChange={(e) => setNote(e.target.value)} />
      <label htmlFor={`${ids}-date`}>{t('observation.observedOn')}</label>
      <input
        id={`${ids}-date`}
        type="date"
        value={observedOn}
        max={today}
        onChange={(e) => setObservedOn(e.target.value)}
      />
      {room?.isLow ? <SpaceWarning leftBytes={room.leftBytes} /> : null}
      <PhotoCapture onCaptured={attach} />
      <AudioRecorder onRecorded={attach} />
      <DrawingPad onDrawn={attach} />
      <AttachmentTray
        attachments={attachments}
        onRemove={(index) => setAttachments((list) => list.filter((_, i) => i !== index))}
      />
      <div className="form-actions">
        <button type="submit" className="big-action" disabled={save.kind === 'saving'}>
          {save.kind === 'saving' ? t('common.saving') : t('conference.observe.save')}
        </button>
        <span role="status" aria-live="polite">
          {save.kind === 'saved' ? t('conference.observe.saved') : ''}
        </span>
      </div>
      {save.kind === 'error' ? <p role="alert">{save.message}</p> : null}
    </form>
  );
}
