import { useId, useState, type FormEvent } from 'react';
import { recordDecision, useStore, type TargetRecord } from '#db';
import type { Actor } from '#protocol';
import type { StudentProgress } from '#rules';
import { whileBusy } from '#state/activity-store.ts';
import { Icon } from '#ui/Icon.tsx';
import { targetIconName } from '#ui/pictures.ts';
import { useT } from '#ui/useT.ts';

/** Learner agency: pick the next target among those ready, and say how I will show it. */
export function ChooseNextForm(props: {
  progress: StudentProgress;
  targetsById: ReadonlyMap<string, TargetRecord>;
  me: Actor;
}) {
  const { t } = useT();
  const store = useStore();
  const ids = useId();
  const ready = props.progress.readyTargetIds
    .filter((id) => id !== props.progress.currentTargetId)
    .flatMap((id) => props.targetsById.get(id) ?? []);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [showHow, setShowHow] = useState('');
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = chosenId ? props.targetsById.get(chosenId) : undefined;
    if (!target) return;
    await whileBusy(
      recordDecision(store, {
        studentId: props.me.id,
        targetId: target.id,
        kind: 'chooseNext',
        decidedBy: props.me,
        ...(showHow.trim() ? { showHow: showHow.trim() } : {}),
      }),
    );
    setSaved(target.kidStatement);
    setChosenId(null);
    setShowHow('');
  };

  return (
    <form className="card" aria-labelledby={`${ids}-title`} onSubmit={(e) => void submit(e)}>
      <h2 id={`${ids}-title`}>{t('myPath.choose.title')}</h2>
      {ready.length === 0 ? <p>{t('myPath.choose.none')}</p> : null}
      {ready.length > 0 ? (
        <fieldset className="choice-list" aria-labelledby={`${ids}-title`}>
          {ready.map((target) => (
            <label key={target.id} className="choice-option">
              <input
                type="radio"
                name={`${ids}-target`}
                value={target.id}
                checked={chosenId === target.id}
                onChange={() => setChosenId(target.id)}
              />{' '}
              <Icon name={targetIconName(target.icon)} className="icon my-path-face" /> {target.kidStatement}
            </label>
          ))}
        </fieldset>
      ) : null}
      {ready.length > 0 ? (
        <>
          <label htmlFor={`${ids}-how`}>{t('myPath.choose.showHow')}</label>
          <input id={`${ids}-how`} value={showHow} onChange={(e) => setShowHow(e.target.value)} />
          <div className="form-actions">
            <button type="submit" disabled={chosenId === null}>
              {t('myPath.choose.submit')}
            </button>
          </div>
        </>
      ) : null}
      <p role="status" aria-live="polite">
        {saved ? t('myPath.choose.saved', { target: saved }) : ''}
      </p>
    </form>
  );
}
