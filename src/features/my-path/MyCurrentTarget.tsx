import type { TargetRecord } from '#db';
import type { StudentProgress } from '#rules';
import { targetIcon } from '#ui/pictures.ts';
import { speak } from '#ui/speech.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';

/** What I am working on and my next step, each with a button to hear it. */
export function MyCurrentTarget(props: { progress: StudentProgress; targetsById: ReadonlyMap<string, TargetRecord> }) {
  const { t, language } = useT();
  const say = useRulesMessage();
  const current = props.progress.currentTargetId ? props.targetsById.get(props.progress.currentTargetId) : undefined;
  const nextStep = say(props.progress.nextStep.child);
  return (
    <section className="card current-target" aria-labelledby="my-current-title">
      <h2 id="my-current-title">{t('myPath.current')}</h2>
      {current ? (
        <p className="current-statement" data-testid="my-current-target">
          <span aria-hidden="true" className="target-icon">
            {targetIcon(current.icon)}
          </span>{' '}
          {current.kidStatement}{' '}
          <button
            type="button"
            className="secondary"
            aria-label={t('kiosk.hearLabel', { text: current.kidStatement })}
            onClick={() => speak({ text: current.kidStatement, language })}
          >
            <span aria-hidden="true">🔊</span>
          </button>
        </p>
      ) : null}
      <h3>{t('myPath.nextStep')}</h3>
      <p data-testid="my-next-step">
        {nextStep}{' '}
        <button
          type="button"
          className="secondary"
          aria-label={t('kiosk.hearLabel', { text: nextStep })}
          onClick={() => speak({ text: nextStep, language })}
        >
          <span aria-hidden="true">🔊</span>
        </button>
      </p>
    </section>
  );
}
