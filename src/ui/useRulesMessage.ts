import type { RulesMessage } from '#rules';
import { renderRulesMessage } from './rules-message.ts';
import { useT } from './useT.ts';

/** Renders a rules message (key + parameters) in the current language. */
export function useRulesMessage(): (message: RulesMessage) => string {
  const { t } = useT();
  return (message) => renderRulesMessage(t, message);
}
