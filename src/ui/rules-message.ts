import type { RulesMessage } from '#rules';
import { levelLabel } from './target-text.ts';
import type { Translate } from './useT.ts';

/**
 * A rules message in the reader's language. The rules name the mastery level as the school's scale writes
 * it ("Proficient"); the default scale's names are translated here, a school's own names kept as written.
 */
export function renderRulesMessage(t: Translate, message: RulesMessage): string {
  const { threshold, thresholdValue } = message.params;
  const params =
    typeof threshold === 'string' && typeof thresholdValue === 'number'
      ? { ...message.params, threshold: levelLabel(t, { value: thresholdValue, label: threshold }) }
      : message.params;
  return t(message.key as never, params);
}
