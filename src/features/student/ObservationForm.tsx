import { useId, useState, type FormEvent } from 'react';
import { deviceTeacher, recordEvidence, useStore, type TargetRecord } from '#db';
import type { MasteryScale } from '#protocol';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';
import { LevelPicker } from '#ui/LevelPicker.tsx';
import { targetStatement } from '#ui/target-text.ts';

interface Props {
  readonly studentId: string;
  readonly targets: readonly TargetRecord[];
  readonly defaultTargetId: string | undefined;
  readonly scale: MasteryScale;
}

/** A quick observation: target, level, note, date. Says "saved" only after the write has committed. */
export function ObservationForm({ studentId, targets, defaultTargetId, scale }: Props) {
  const { t, language } = useT();
  const ids = useId();
  const today = new Date().toISOString().slice(0, 10);
  const [targetId, setTargetId] = useState(defaultTargetId ?? targets[0]?.id ?? '');
  const [level, setLevel] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [observedOn, setObservedOn] = useState(today);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const store = useStore();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (level === null) {
      setState({ kind: 'error', message: t('observation.needLevel') });
      return;
    }
    setState({ kind: 'saving' });
    try {
      // Today keeps the exact time; an earlier day is recorded at noon of that day.
      const observedAt = observedOn === today ? undefined : new Date(`${observedOn}T12:00:00`).toISOString();
      await whileBusy(
        recordEvidence(store, {
          studentId,
          targetIds: [targetId],
          kind: 'observation',
          level,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(observedAt ? { observedAt } : {}),
          recordedBy: await deviceTeacher(store),
        }),
      );
      setState({ kind: 'saved' });
      setLevel(null);
      setNote('');
    } catch (error) {
      setState({ kind: 'error', message: t('observation.failed', { reason: (error as Error).message }) });
    }
  };

  return (
    <form className="card observation-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('observation.title')}</h2>
      <label htmlFor={`${ids}-target`}>{t('observation.target')}</label>
      <select id={`${ids}-target`} value={targetId} onChange={(e) => setTargetId(e.target.value)}>
        {targets.map((target) => (
          <option key={target.id} value={target.id}>
            {target.code} · {targetStatement(target, language, 'teacher')}
          </option>
        ))}
      </select>
      <LevelPicker scale={scale} value={level} onChange={setLevel} label={t('observation.level')} />
      <label htmlFor={`${ids}-note`}>{t('observation.note')}</label>
      <textarea
        id={`${ids}-note`}
        value={note}
        placeholder={t('observation.notePlaceholder')}
        rows={3}
        onChange={(e) => setNote(e.target.value)}
      />
      <label htmlFor={`${ids}-date`}>{t('observation.observedOn')}</label>
      <input
        id={`${ids}-date`}
        type="date"
        value={observedOn}
        max={today}
        onChange={(e) => setObservedOn(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" disabled={state.kind === 'saving'}>
          {state.kind === 'saving' ? t('common.saving') : t('common.save')}
        </button>
        <span role="status" aria-live="polite">
          {state.kind === 'saved' ? t('observation.saved') : ''}
        </span>
      </div>
      {state.kind === 'error' ? <p role="alert">{state.message}</p> : null}
    </form>
  );
}
