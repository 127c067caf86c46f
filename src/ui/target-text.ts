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

/** A statement inside a sentence or a list: its own final full stop goes (the sentence has its own). */
export function asPhrase(statement: string): string {
  return statement.trim().replace(/\.$/, '');
}

/**
 * A target named by its code and statement ("RF.K.1d · I can name all the capital letters"): how a target is
 * named wherever its code alone could mean two targets (several starter targets share a standard's code).
 */
export function targetLabel(
  target: TargetText & { readonly code: string },
  language: string,
  audience: 'kid' | 'teacher' = 'kid',
): string {
  return `${target.code} · ${asPhrase(targetStatement(target, language, audience))}`;
}

/** The targets of a list, each by `targetLabel` (an id with no target stays as it is), joined by semicolons. */
export function targetListLabel(
  ids: readonly string[],
  targetsById: ReadonlyMap<string, TargetText & { readonly code: string }>,
  language: string,
): string {
  return ids
    .map((id) => {
      const target = targetsById.get(id);
      return target ? targetLabel(target, language) : id;
    })
    .join('; ');
}

/** The codes that more than one of `targets` has: where a code alone would not say which target is meant. */
export function sharedCodes(targets: Iterable<{ readonly code: string }>): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { code } of targets) (seen.has(code) ? shared : seen).add(code);
  return shared;
}

/** The default scale's labels are translated; a school's own labels are shown as written. */
export function levelLabel(t: Translate, level: MasteryLevel): string {
  const key = `scale.${level.value}`;
  const defaults = ['No evidence', 'Beginning', 'Developing', 'Proficient', 'Exceeding'];
  return defaults[level.value] === level.label && hasMessage(key) ? t(key) : level.label;
}
