import { useMemo } from 'react';
import { Icon } from '#ui/Icon.tsx';
import { useStore, type StudentProgressData } from '#db';
import { StatusBadge } from '#ui/StatusBadge.tsx';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';
import type { ConferenceNav } from './conference-nav.ts';
import { checkOutcome } from './conference-view.ts';

/** The end of a check: saved (the write has committed), what changed, and the next step, all from the rules. */
export function CheckResult(props: {
  data: StudentProgressData;
  targetId: string;
  evidenceId: string;
  nav: ConferenceNav;
}) {
  const { t } = useT();
  const say = useRulesMessage();
  const store = useStore();
  const { data, targetId, evidenceId, nav } = props;
  const outcome = useMemo(
    () => checkOutcome(data, evidenceId, targetId, new Date(store.env.now())),
    [data, evidenceId, targetId, store],
  );
  const evidence = data.evidence.find((e) => e.id === evidenceId);
  const target = data.targets.find((x) => x.id === targetId);
  if (!outcome || !evidence || !target) return <p role="status">{t('common.loading')}</p>;
  const results = evidence.itemResults ?? [];
  const correct = results.filter((r) => r.result === 'correct').length;
  const seconds = Math.round((evidence.durationMs ?? 0) / 1000);

  return (
    <section className="card check-result" aria-labelledby="result-title">
      <h2 id="result-title">{t('conference.result.title', { code: target.code })}</h2>
      <p role="status">{t('conference.result.saved')}</p>
      <p className="result-score">
        {t('evidence.items', { correct, total: results.length })} ·{' '}
        {t('conference.result.time', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })}
      </p>
      <h3>{t('conference.result.newlyKnown')}</h3>
      {outcome.newlyKnown.length > 0 ? (
        <ul className="known-items" aria-label={t('conference.result.newlyKnown')}>
          {outcome.newlyKnown.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      ) : (
        <p>{t('conference.result.noneNew')}</p>
      )}
      <h3>{t('conference.result.status')}</h3>
      <p data-testid="result-status">
        <StatusBadge status={outcome.statusBefore} /> <span aria-hidden="true">→</span>
        <span className="visually-hidden"> {t('conference.result.becomes')} </span>
        <StatusBadge status={outcome.statusAfter} />
      </p>
      <h3>{t('conference.nextStep')}</h3>
      <p data-testid="result-next-step">{say(outcome.nextStep.teacher)}</p>
      <p className="muted">
        <Icon name="smile" className="icon target-icon-inline" /> {say(outcome.nextStep.child)}
      </p>
      <div className="choice-row">
        <button type="button" onClick={nav.overview}>
          {t('conference.toOverview')}
        </button>
        <button type="button" className="secondary" onClick={() => nav.cards(targetId)}>
          {t('conference.homePractice')}
        </button>
        <button type="button" className="secondary" onClick={() => nav.check(targetId)}>
          {t('conference.result.again')}
        </button>
      </div>
    </section>
  );
}
