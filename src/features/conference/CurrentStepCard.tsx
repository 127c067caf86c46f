import { Link } from 'react-router-dom';
import { Icon } from '#ui/Icon.tsx';
import type { StudentProgressData } from '#db';
import type { StudentProgress } from '#rules';
import { pathState } from '#ui/path-state.ts';
import { StatusBadge } from '#ui/StatusBadge.tsx';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetLabel, targetStatement } from '#ui/target-text.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';
import type { ConferenceNav } from './conference-nav.ts';

/** The current target and the next step, from the rules, with the actions a conference usually starts with. */
export function CurrentStepCard(props: { data: StudentProgressData; progress: StudentProgress; nav: ConferenceNav }) {
  const { t, language } = useT();
  const say = useRulesMessage();
  const { progress, nav } = props;
  const currentId = progress.currentTargetId;
  const current = currentId ? props.data.targets.find((target) => target.id === currentId) : undefined;
  const currentProgress = currentId ? progress.byTargetId[currentId] : undefined;
  const chosenNext = progress.chosenNextTargetId
    ? props.data.targets.find((target) => target.id === progress.chosenNextTargetId)
    : undefined;

  return (
    <section className="card current-target" aria-labelledby="step-title">
      <h2 id="step-title">{t('conference.nowTitle')}</h2>
      {current && currentProgress ? (
        <>
          <p className="current-statement" data-testid="conference-current">
            <span aria-hidden="true" className="target-icon">
              <TargetIcon icon={current.icon} />
            </span>{' '}
            <strong>{current.code}</strong> {targetStatement(current, language, 'kid')}{' '}
            <StatusBadge status={currentProgress.status} />
          </p>
          <details className="why">
            <summary>{t('conference.why')}</summary>
            <p>{say(currentProgress.explanation.message)}</p>
          </details>
          {chosenNext ? (
            <p className="muted" data-testid="conference-then">
              {t('conference.thenChoice', { target: targetLabel(chosenNext, language) })}
            </p>
          ) : null}
        </>
      ) : pathState(progress) === 'noPath' ? (
        <p>
          {t('student.noPath')} <Link to="/class-path">{t('student.setClassPath')}</Link>
        </p>
      ) : (
        <p>{t('conference.pathComplete')}</p>
      )}
      {/* The actions right under what the child works on, so they are in the first screenful of a tablet. */}
      <div className="choice-row">
        {current?.itemSetId ? (
          <button type="button" className="big-action" onClick={() => nav.check(current.id)}>
            {t('conference.startCheckOf', { code: current.code })}
          </button>
        ) : null}
        <button type="button" className="big-action secondary" onClick={() => nav.observe(current?.id)}>
          {t('conference.observe')}
        </button>
        {current?.itemSetId ? (
          <button type="button" className="big-action secondary" onClick={() => nav.cards(current.id)}>
            {t('conference.homePractice')}
          </button>
        ) : null}
      </div>
      <h3>{t('conference.nextStep')}</h3>
      <p data-testid="conference-next-step">{say(progress.nextStep.teacher)}</p>
      <p className="muted">
        <Icon name="smile" className="icon target-icon-inline" /> {say(progress.nextStep.child)}
      </p>
    </section>
  );
}
