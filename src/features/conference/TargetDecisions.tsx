import { useId, useState, type FormEvent } from 'react';
import { deviceTeacher, recordDecision, useStore, type TargetRecord } from '#db';
import type { DecisionKind } from '#protocol';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';

/** The teacher's judgment on one target: make it current, or mark it mastered / reopen it with a reason. */
export function TargetDecisions(props: {
  studentId: string;
  target: TargetRecord;
  isMastered: boolean;
  isCurrent: boolean;
}) {
  const { t } = useT();
  const store = useStore();
  const id = useId();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const overrideKind: DecisionKind = props.isMastered ? 'reopen' : 'markMastered';

  const decide = async (kind: DecisionKind, withReason?: string) => {
    try {
      await whileBusy(
        deviceTeacher(store).then((decidedBy) =>
          recordDecision(store, {
            studentId: props.studentId,
            targetId: props.target.id,
            kind,
            decidedBy,
            ...(withReason ? { reason: withReason } : {}),
          }),
        ),
      );
      setStatus({ kind: 'saved' });
      setReason('');
    } catch (e) {
      setStatus({ kind: 'error', message: t('conference.saveFailed', { reason: (e as Error).message }) });
    }
  };

  const submitOverride = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) setStatus({ kind: 'error', message: t('conference.decision.needReason') });
    else void decide(overrideKind, reason.trim());
  };

  return (
    <div className="target-decisions">
      {props.isCurrent ? null : (
        <button type="button" className="secondary" onClick={() => void decide('setCurrent')}>
          {t('conference.decision.setCurrent')}
        </button>
      )}
      <form onSubmit={submitOverride} aria-label={t(`conference.decision.${overrideKind}`)}>
        <label htmlFor={id}>{t('conference.decision.reason')}</label>
        <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="secondary">
          {t(`conference.decision.${overrideKind}`)}
        </button>
      </form>
      <p role="status" aria-live="polite">
        {status.kind === 'saved' ? t('conference.decision.saved') : ''}
      </p>
      {status.kind === 'error' ? <p role="alert">{status.message}</p> : null}
    </div>
  );
}
