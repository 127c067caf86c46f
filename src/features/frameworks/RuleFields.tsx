import { useId } from 'react';
import { useT } from '#ui/useT.ts';
import { RANGES, RULE_KINDS, checkedItemCount, parseRule, type RuleDraft, type TargetDraft } from './target-form.ts';

type Param = 'weight' | 'n' | 'm' | 'days' | 'count';

/** Which parameters each rule takes, with the hint naming the allowed range. */
function paramsOf(kind: RuleDraft['kind'], itemCount: number | null): { param: Param; hint: Record<string, number> }[] {
  switch (kind) {
    case 'decayingAverage':
    case 'exponentialDecay':
      return [{ param: 'weight', hint: RANGES[kind] }];
    case 'nTimes':
      return [{ param: 'n', hint: RANGES.nTimes }];
    case 'mOfN':
      return [
        { param: 'm', hint: RANGES.count },
        { param: 'n', hint: RANGES.count },
      ];
    case 'inARow':
      return [{ param: 'n', hint: RANGES.count }];
    case 'allItemsOnDistinctDays':
      return [{ param: 'days', hint: RANGES.count }];
    case 'itemsInOneCheck':
      return [{ param: 'count', hint: { min: 1, max: itemCount ?? RANGES.count.max } }];
    default:
      return [];
  }
}

/** The mastery rule: its kind and parameters, each with its allowed range and what is wrong right now. */
export function RuleFields({ draft, onChange }: { draft: TargetDraft; onChange: (rule: RuleDraft) => void }) {
  const { t } = useT();
  const id = useId();
  const rule = draft.rule;
  const itemCount = checkedItemCount(draft);
  const parsed = parseRule(rule, itemCount);
  const problem = 'problem' in parsed ? parsed.problem : null;
  return (
    <fieldset className="rule-fields">
      <legend>{t('targetEdit.rule.title')}</legend>
      <label htmlFor={`${id}-kind`}>{t('targetEdit.rule.kind')}</label>
      <select
        id={`${id}-kind`}
        value={rule.kind}
        onChange={(e) => onChange({ ...rule, kind: e.currentTarget.value as RuleDraft['kind'] })}
      >
        {RULE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`targetEdit.kind.${kind}`)}
          </option>
        ))}
      </select>
      <p className="muted">{t(`targetEdit.about.${rule.kind}`)}</p>
      {paramsOf(rule.kind, itemCount).map(({ param, hint }) => (
        <p key={param}>
          <label htmlFor={`${id}-${param}`}>{t(`targetEdit.param.${rule.kind}.${param}` as never)}</label>
          <input
            id={`${id}-${param}`}
            inputMode="numeric"
            value={rule[param]}
            aria-describedby={`${id}-${param}-hint${problem ? ` ${id}-problem` : ''}`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => onChange({ ...rule, [param]: e.currentTarget.value })}
          />
          <span id={`${id}-${param}-hint`} className="muted">
            {t('targetEdit.param.range', hint)}
          </span>
        </p>
      ))}
      {problem ? (
        <p id={`${id}-problem`} className="field-problem">
          <span aria-hidden="true">⚠ </span>
          {t(problem.key, problem.params)}
        </p>
      ) : null}
    </fieldset>
  );
}
