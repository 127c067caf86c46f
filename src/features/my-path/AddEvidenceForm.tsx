import { useId, useState, type FormEvent } from 'react';
import { recordEvidence, useStore, type TargetRecord } from '#db';
import type { Actor } from '#protocol';
import { whileBusy } from '#state/activity-store.ts';
import { Icon } from '#ui/Icon.tsx';
import { useT } from '#ui/useT.ts';

const FEELINGS = [
  { value: 1, face: 'face-1' },
  { value: 2, face: 'face-2' },
  { value: 3, face: 'face-3' },
] as const;

type Kind = 'note' | 'feeling';
type Outcome = { kind: 'idle' | 'saved' } | { kind: 'problem'; message: string };

/** A target the student picked in this form, and the current target it was picked beside. */
interface Picked {
  readonly targetId: string;
  readonly beside: string | undefined;
}

/**
 * A student adds evidence: something they did (a note) or how they feel about it. Waits for review. It goes
 * to the target the student works on now (`currentTargetId`), or to the one they pick here; a new current
 * target (the student chose one on this page) takes over at once, so no form keeps the old one.
 */
export function AddEvidenceForm(props: { me: Actor; targets: readonly TargetRecord[]; currentTargetId?: string }) {
  const { t } = useT();
  const store = useStore();
  const ids = useId();
  const [picked, setPicked] = useState<Picked | null>(null);
  const isPickStill =
    picked !== null &&
    picked.beside === props.currentTargetId &&
    props.targets.some((target) => target.id === picked.targetId);
  const targetId = isPickStill ? picked.targetId : (props.currentTargetId ?? props.targets[0]?.id ?? '');
  const [kind, setKind] = useState<Kind>('note');
  const [note, setNote] = useState('');
  const [feeling, setFeeling] = useState<1 | 2 | 3 | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'note' && !note.trim()) return setOutcome({ kind: 'problem', message: t('myPath.add.needNote') });
    if (kind === 'feeling' && feeling === null) {
      return setOutcome({ kind: 'problem', message: t('myPath.add.needFeeling') });
    }
    try {
      await whileBusy(
        recordEvidence(store, {
          studentId: props.me.id,
          targetIds: [targetId],
          kind: kind === 'note' ? 'workSample' : 'selfAssessment',
          recordedBy: props.me,
          needsReview: true,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(kind === 'feeling' && feeling !== null ? { feeling } : {}),
        }),
      );
      setNote('');
      setFeeling(null);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'problem', message: t('myPath.add.failed', { reason: (error as Error).message }) });
    }
  };

  return (
    <form className="card" aria-labelledby={`${ids}-title`} onSubmit={(e) => void submit(e)}>
      <h2 id={`${ids}-title`}>{t('myPath.add.title')}</h2>
      <label htmlFor={`${ids}-target`}>{t('myPath.add.target')}</label>
      <select
        id={`${ids}-target`}
        value={targetId}
        onChange={(e) => setPicked({ targetId: e.target.value, beside: props.currentTargetId })}
      >
        {props.targets.map((target) => (
          <option key={target.id} value={target.id}>
            {target.kidStatement}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t('myPath.add.kind')}</legend>
        <div role="radiogroup" className="choice-row">
          {(['note', 'feeling'] as const).map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} onClick={() => setKind(k)}>
              <Icon name={k === 'note' ? 'pencil' : 'feel'} className="icon my-path-face" />{' '}
              {t(k === 'note' ? 'myPath.add.kindNote' : 'myPath.add.kindFeeling')}
            </button>
          ))}
        </div>
      </fieldset>
      {kind === 'feeling' ? (
        <fieldset>
          <legend>{t('myPath.add.feeling')}</legend>
          <div role="radiogroup" className="choice-row">
            {FEELINGS.map((f) => (
              <button
                key={f.value}
                type="button"
                role="radio"
                aria-checked={feeling === f.value}
                onClick={() => setFeeling(f.value)}
              >
                <Icon name={f.face} className="icon my-path-face" /> {t(`evidence.feeling.${f.value}`)}
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
      <label htmlFor={`${ids}-note`}>{t(kind === 'note' ? 'myPath.add.note' : 'myPath.add.noteFeeling')}</label>
      <textarea id={`${ids}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="form-actions">
        <button type="submit">{t('myPath.add.save')}</button>
        <span role="status" aria-live="polite">
          {outcome.kind === 'saved' ? t('myPath.add.saved') : ''}
        </span>
      </div>
      {outcome.kind === 'problem' ? <p role="alert">{outcome.message}</p> : null}
    </form>
  );
}
