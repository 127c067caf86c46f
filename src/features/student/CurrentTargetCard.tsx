import { Link } from 'react-router-dom';
import type { TargetRecord } from '#db';
import type { ProgressSummary } from '#ui/progress-summary.ts';
import { pathState } from '#ui/path-state.ts';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetStatement } from '#ui/target-text.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';

/** From the child's summary of the rules' answer (progress-summary.ts): it paints before the rules run. */
export function CurrentTargetCard(props: {
  progress: Pick<ProgressSummary, 'currentTargetId' | 'nextStep' | 'currentExplanation'>;
  targetsById: ReadonlyMap<string, TargetRecord>;
}) {
  const { t, language } = useT();
  const say = useRulesMessage();
  const { progress } = props;
  const current = progress.currentTargetId ? props.targetsById.get(progress.currentTargetId) : undefined;
  const explanation = progress.currentExplanation;

  return (
    <section className="card current-target" aria-labelledby="current-title">
      <h2 id="current-title">{t('student.current')}</h2>
      {current ? (
        <p className="current-statement" data-testid="current-target">
          <span aria-hidden="true" className="target-icon">
            <TargetIcon icon={current.icon} />
          </span>{' '}
          <strong>{current.code}</strong> {targetStatement(current, language, 'kid')}
        </p>
      ) : null}
      {pathState(progress) === 'noPath' ? (
        <p data-testid="next-step">
          {t('student.noPath')} <Link to="/class-path">{t('student.setClassPath')}</Link>
        </p>
      ) : (
        <>
          <h3>{t('student.nextStep')}</h3>
          <p data-testid="next-step">{say(progress.nextStep.teacher)}</p>
        </>
      )}
      {explanation ? (
        <details className="why">
          <summary>{t('student.why')}</summary>
          <p>{say(explanation.message)}</p>
        </details>
      ) : null}
    </section>
  );
}
