import type { TargetRecord } from '#db';
import type { StudentProgress } from '#rules';
import { Icon } from '#ui/Icon.tsx';
import { targetIconName } from '#ui/pictures.ts';
import { pathState } from '#ui/path-state.ts';
import { speak } from '#ui/speech.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT, type Translate } from '#ui/useT.ts';

/** What I am working on and my next step, each with a button to hear it. */
export function MyCurrentTarget(props: { progress: StudentProgress; targetsById: ReadonlyMap<string, TargetRecord> }) {
  const { t, language } = useT();
  const say = useRulesMessage();
  const current = props.progress.currentTargetId ? props.targetsById.get(props.progress.currentTargetId) : undefined;
  const nextStep = say(props.progress.nextStep.child);
  const chosen = props.progress.chosenNextTargetId
    ? props.targetsById.get(props.progress.chosenNextTargetId)
    : undefined;
  return (
    <section className="card current-target" aria-labelledby="my-current-title">
      <h2 id="my-current-title">{t('myPath.current')}</h2>
      {current ? (
        <p className="current-statement" data-testid="my-current-target">
          <Icon name={targetIconName(current.icon)} className="icon target-icon" /> {current.kidStatement}{' '}
          <HearButton
            t={t}
            text={current.kidStatement}
            onHear={() => speak({ text: current.kidStatement, language })}
          />
        </p>
      ) : (
        <p>{t(pathState(props.progress) === 'noPath' ? 'myPath.noPath' : 'myPath.done')}</p>
      )}
      {chosen ? (
        <p data-testid="my-chosen-next">
          <Icon name={targetIconName(chosen.icon)} className="icon target-icon" />{' '}
          {t('myPath.chosenNext', { target: chosen.kidStatement })}
        </p>
      ) : null}
      <h3>{t('myPath.nextStep')}</h3>
      <p data-testid="my-next-step">
        {nextStep} <HearButton t={t} text={nextStep} onHear={() => speak({ text: nextStep, language })} />
      </p>
    </section>
  );
}

/** A speaker and the word "Hear it", big enough for a child's finger (64 px, my-path.css). */
function HearButton(props: { t: Translate; text: string; onHear(): void }) {
  return (
    <button
      type="button"
      className="secondary my-path-hear"
      aria-label={props.t('kiosk.hearLabel', { text: props.text })}
      onClick={props.onHear}
    >
      <Icon name="speaker" className="icon my-path-hear-icon" />
      <span>{props.t('kiosk.hear')}</span>
    </button>
  );
}
