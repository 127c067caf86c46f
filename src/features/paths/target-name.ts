import type { Target } from '#protocol';
import { targetStatement } from '#ui/target-text.ts';
import type { Translate } from '#ui/useT.ts';

/**
 * A target's name in labels and messages: its code and "I can" statement. Codes alone are not unique
 * (two targets of a framework may share RF.K.1d), so a button named only by code would be ambiguous.
 */
export function targetName(t: Translate, language: string, target: Target | undefined, targetId: string): string {
  if (!target) return targetId;
  const statement = targetStatement(target, language, 'kid').replace(/[.!?]\s*$/, '');
  return t('pathPlan.targetName', { code: target.code, statement });
}
