import type { RulesMessage } from '#rules';
import { useT } from './useT.ts';

/** Renders a rules message (key + parameters) in the current language. */
export function useRulesMessage(): (message: RulesMessage) => string {
  const { t } = useT();
  return (message) => t(message.key as never, message.params);
}
