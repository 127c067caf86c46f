import { Link } from 'react-router-dom';
import type { TargetRecord } from '#db';
import type { StudentProgress } from '#rules';
import { pathState } from '#ui/path-state.ts';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetStatement } from '#ui/target-text.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';

export function CurrentTargetCard(props: {
  progress: StudentProgress;
  targetsById: ReadonlyMap<string, TargetRecord>;
}) {
  const { t, language } = useT();
  const say = useRulesMessage();
  const { progress } = props;
  const current = progress.currentTargetId ? props.targetsById.get(progress.currentTargetId) : undefined;
  const explanation = progress.currentTargetId ? progress.byTargetId[progress.currentTargetId]?.explanation : undefined;

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
        <details>
          <summary>{t('student.why')}</summary>
          <p>{say(explanation.message)}</p>
        </details>
      ) : null}
    </section>
  );
}
