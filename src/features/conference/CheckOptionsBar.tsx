import { useT } from '#ui/useT.ts';
import type { CheckDraft, CheckOrder } from './check-session.ts';

/**
 * "Before you start": the order (shuffled by default: a child cannot recite the alphabet instead of reading
 * each letter) and "retest only not-yet items", above the first item until the first answer, since they
 * deal the items again.
 */
export function CheckOptionsBar(props: {
  draft: CheckDraft;
  notYetCount: number;
  onOptions(options: { order: CheckOrder; onlyNotYet: boolean }): void;
}) {
  const { t } = useT();
  const { order, onlyNotYet } = props.draft;
  return (
    <fieldset className="check-options">
      <legend>{t('conference.check.options')}</legend>
      <div role="radiogroup" aria-label={t('conference.check.order')} className="choice-row">
        {(['random', 'fixed'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={order === value}
            onClick={() => props.onOptions({ order: value, onlyNotYet })}
          >
            {t(`conference.check.order.${value}`)}
          </button>
        ))}
      </div>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={onlyNotYet}
          disabled={props.notYetCount === 0}
          onChange={(e) => props.onOptions({ order, onlyNotYet: e.target.checked })}
        />{' '}
        {t('conference.check.onlyNotYet', { count: props.notYetCount })}
      </label>
    </fieldset>
  );
}
