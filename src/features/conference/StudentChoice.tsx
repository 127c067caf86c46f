import { useId, useState, type FormEvent } from 'react';
import { recordDecision, useStore, type StudentProgressData } from '#db';
import type { StudentProgress } from '#rules';
import { whileBusy } from '#state/activity-store.ts';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';

const WAYS = ['tell', 'show', 'make', 'draw', 'write'] as const;

/** Learner agency: the student picks what to work on next and how they want to show it. */
export function StudentChoice({ data, progress }: { data: StudentProgressData; progress: StudentProgress }) {
  const { t, language } = useT();
  const store = useStore();
  const ids = useId();
  const choices = progress.targets.filter((p) => !p.isMastered && !p.isSkipped);
  const ready = choices.filter((p) => p.isReady);
  const options = ready.length > 0 ? ready : choices;
  const [targetId, setTargetId] = useState(options[0]?.targetId ?? '');
  const [way, setWay] = useState<(typeof WAYS)[number]>('show');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (options.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await whileBusy(
        recordDecision(store, {
          studentId: data.student.id,
          targetId,
          kind: 'chooseNext',
          showHow: way,
          decidedBy: { kind: 'student', id: data.student.id },
        }),
      );
      setSaved(t('conference.choice.saved'));
    } catch (e) {
      setError(t('conference.saveFailed', { reason: (e as Error).message }));
    }
  };

  return (
    <form className="card student-choice" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('conference.choice.title')}</h2>
      <label htmlFor={`${ids}-target`}>{t('conference.choice.target')}</label>
      <select id={`${ids}-target`} value={targetId} onChange={(e) => setTargetId(e.target.value)}>
        {options.map((p) => {
          const target = data.targets.find((x) => x.id === p.targetId);
          return target ? (
            <option key={p.targetId} value={p.targetId}>
              {target.code} · {targetStatement(target, language, 'kid')}
            </option>
          ) : null;
        })}
      </select>
      <fieldset>
        <legend>{t('conference.choice.how')}</legend>
        <div role="radiogroup" className="choice-row" aria-label={t('conference.choice.how')}>
          {WAYS.map((w) => (
            <button key={w} type="button" role="radio" aria-checked={way === w} onClick={() => setWay(w)}>
              {t(`conference.choice.way.${w}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit">{t('conference.choice.save')}</button>
        <span role="status" aria-live="polite">
          {saved ?? ''}
        </span>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
