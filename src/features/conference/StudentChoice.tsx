import { useId, useState, type FormEvent } from 'react';
import { deviceTeacher, recordDecision, useStore, type StudentProgressData, type TargetRecord } from '#db';
import type { DecisionKind } from '#protocol';
import type { StudentProgress } from '#rules';
import { whileBusy } from '#state/activity-store.ts';
import { targetLabel } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';

const WAYS = ['tell', 'show', 'make', 'draw', 'write'] as const;

/**
 * Learner agency: the student picks what to learn next and how they want to show it. The choice is the
 * next target, not the current one: what the student works on now stays current until it is mastered,
 * then the choice is taken up (the rules, `chosenNextTargetId`); the teacher may start it at once.
 */
export function StudentChoice({ data, progress }: { data: StudentProgressData; progress: StudentProgress }) {
  const { t, language } = useT();
  const store = useStore();
  const ids = useId();
  const byId = new Map(data.targets.map((x) => [x.id, x]));
  const choices = progress.targets.filter(
    (p) => !p.isMastered && !p.isSkipped && p.targetId !== progress.currentTargetId,
  );
  const ready = choices.filter((p) => p.isReady);
  const options = ready.length > 0 ? ready : choices;
  const [targetId, setTargetId] = useState(options[0]?.targetId ?? '');
  const [way, setWay] = useState<(typeof WAYS)[number]>('show');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = progress.currentTargetId ? byId.get(progress.currentTargetId) : undefined;
  const waiting = progress.chosenNextTargetId ? byId.get(progress.chosenNextTargetId) : undefined;
  const name = (target: TargetRecord) => targetLabel(target, language);
  if (options.length === 0 && !waiting) return null;

  const decide = async (kind: DecisionKind, chosen: string, done: string, student: boolean) => {
    setError(null);
    try {
      const decidedBy = student ? { kind: 'student' as const, id: data.student.id } : await deviceTeacher(store);
      await whileBusy(
        recordDecision(store, {
          studentId: data.student.id,
          targetId: chosen,
          kind,
          ...(kind === 'chooseNext' ? { showHow: way } : {}),
          decidedBy,
        }),
      );
      setSaved(done);
    } catch (e) {
      setError(t('conference.saveFailed', { reason: (e as Error).message }));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = byId.get(targetId);
    if (!chosen) return;
    const done = current
      ? t('conference.choice.savedNext', { target: name(chosen), current: name(current) })
      : t('conference.choice.saved');
    void decide('chooseNext', targetId, done, true);
  };

  return (
    <form className="card student-choice" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('conference.choice.title')}</h2>
      {waiting ? (
        <div className="choice-waiting" data-testid="choice-waiting">
          <p>
            {current
              ? t('conference.choice.waiting', { target: name(waiting), current: name(current) })
              : t('conference.choice.waitingNoCurrent', { target: name(waiting) })}
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => void decide('setCurrent', waiting.id, t('conference.choice.started'), false)}
          >
            {t('conference.choice.startNow')}
          </button>
        </div>
      ) : null}
      {options.length > 0 ? (
        <>
          <label htmlFor={`${ids}-target`}>{t('conference.choice.target')}</label>
          <select id={`${ids}-target`} value={targetId} onChange={(e) => setTargetId(e.target.value)}>
            {options.map((p) => {
              const target = byId.get(p.targetId);
              return target ? (
                <option key={p.targetId} value={p.targetId}>
                  {name(target)}
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
          </div>
        </>
      ) : null}
      <p role="status" aria-live="polite">
        {saved ?? ''}
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
