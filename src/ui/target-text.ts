import type { MasteryLevel } from '#protocol';
import { hasMessage } from '#i18n';
import type { Translate } from './useT.ts';

interface TargetText {
  readonly kidStatement: string;
  readonly teacherStatement: string;
  readonly translations?: Readonly<
    Record<string, { readonly kidStatement?: string; readonly teacherStatement?: string }>
  >;
}

/** A target's statement in the language, falling back to the framework's own language. */
export function targetStatement(target: TargetText, language: string, audience: 'kid' | 'teacher'): string {
  const translated = target.translations?.[language];
  return audience === 'kid'
    ? (translated?.kidStatement ?? target.kidStatement)
    : (translated?.teacherStatement ?? target.teacherStatement);
}

/** The default scale's labels are translated; a school's own labels are shown as written. */
export function levelLabel(t: Translate, level: MasteryLevel): string {
  const key = `scale.${level.value}`;
  const defaults = ['No evidence', 'Beginning', 'Developing', 'Proficient', 'Exceeding'];
  return defaults[level.value] === level.label && hasMessage(key) ? t(key) : level.label;
}
