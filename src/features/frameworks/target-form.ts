import type { ItemSetChange, TargetChanges } from '#db';
import type { MessageKey, RichParams } from '#i18n';
import type { Item, ItemSet, MasteryRule, Target } from '#protocol';
import { validateItemRule, validateMethod } from '#rules';

/** The rules a teacher can choose: the eight score methods and the two item rules. */
export const RULE_KINDS = [
  'decayingAverage',
  'exponentialDecay',
  'nTimes',
  'mOfN',
  'inARow',
  'mostRecent',
  'highest',
  'average',
  'allItemsOnDistinctDays',
  'itemsInOneCheck',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const isItemRule = (kind: RuleKind): kind is 'allItemsOnDistinctDays' | 'itemsInOneCheck' =>
  kind === 'allItemsOnDistinctDays' || kind === 'itemsInOneCheck';

/** Allowed parameter ranges (issue 7): weights are percentages; counts are whole numbers. */
export const RANGES = {
  decayingAverage: { min: 1, max: 99 },
  exponentialDecay: { min: 50, max: 99 },
  nTimes: { min: 1, max: 10 },
  /** mOfN n, inARow n, allItemsOnDistinctDays days: the rules need ≥ 1; 20 keeps a typo from hiding. */
  count: { min: 1, max: 20 },
} as const;

/** The rule as typed: every parameter kept as text, so switching the kind back loses nothing. */
export interface RuleDraft {
  readonly kind: RuleKind;
  readonly weight: string;
  readonly n: string;
  readonly m: string;
  readonly days: string;
  readonly count: string;
}

export interface ItemDraft {
  readonly id: string;
  readonly label: string;
  readonly prompt?: string;
  /** This target checks the item (an item set may be shared; unticked items stay in the set). */
  readonly checked: boolean;
}

export interface TargetDraft {
  readonly kidStatement: string;
  readonly kidStatementEs: string;
  readonly teacherStatement: string;
  readonly teacherStatementEs: string;
  readonly icon: string;
  readonly items: readonly ItemDraft[];
  readonly rule: RuleDraft;
}

export interface Problem {
  readonly key: MessageKey;
  readonly params?: RichParams;
}

export function ruleDraft(rule: MasteryRule): RuleDraft {
  const base = { weight: '65', n: '3', m: '3', days: '2', count: '8' };
  switch (rule.kind) {
    case 'allItemsOnDistinctDays':
      return { ...base, kind: rule.kind, days: String(rule.days) };
    case 'itemsInOneCheck':
      return { ...base, kind: rule.kind, count: String(rule.count) };
    case 'score': {
      const method = rule.method;
      switch (method.kind) {
        case 'decayingAverage':
        case 'exponentialDecay':
          return { ...base, kind: method.kind, weight: String(method.weight) };
        case 'nTimes':
        case 'inARow':
          return { ...base, kind: method.kind, n: String(method.n) };
        case 'mOfN':
          return { ...base, kind: method.kind, m: String(method.m), n: String(method.n) };
        default:
          return { ...base, kind: method.kind };
      }
    }
  }
}

export function targetDraft(target: Target, itemSet: ItemSet | undefined): TargetDraft {
  const wanted = target.itemIds ? new Set(target.itemIds) : null;
  const es = target.translations?.['es'];
  return {
    kidStatement: target.kidStatement,
    kidStatementEs: es?.kidStatement ?? '',
    teacherStatement: target.teacherStatement,
    teacherStatementEs: es?.teacherStatement ?? '',
    icon: target.icon,
    items: (itemSet?.items ?? []).map((item) => ({
      id: item.id,
      label: item.label,
      ...(item.prompt === undefined ? {} : { prompt: item.prompt }),
      checked: !wanted || wanted.has(item.id),
    })),
    rule: ruleDraft(target.rule),
  };
}

/** How many items the target checks: null when it has no item list (item rules then use what checks hold). */
export function checkedItemCount(draft: Pick<TargetDraft, 'items'>): number | null {
  return draft.items.length === 0 ? null : draft.items.filter((i) => i.checked).length;
}

function wholeNumber(text: string): number | null {
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : null;
}

function inRange(text: string, range: { min: number; max: number }): number | null {
  const value = wholeNumber(text);
  return value !== null && value >= range.min && value <= range.max ? value : null;
}

/** The rule, or the first problem with it. Ranges as in the issue; the rules' own checks have the last word. */
export function parseRule(draft: RuleDraft, itemCount: number | null): { rule: MasteryRule } | { problem: Problem } {
  const fail = (key: MessageKey, params?: RichParams) => ({ problem: params ? { key, params } : { key } });
  let rule: MasteryRule;
  switch (draft.kind) {
    case 'decayingAverage':
    case 'exponentialDecay': {
      const range = RANGES[draft.kind];
      const weight = inRange(draft.weight, range);
      if (weight === null) return fail('targetEdit.problem.weight', range);
      rule = { kind: 'score', method: { kind: draft.kind, weight } };
      break;
    }
    case 'nTimes': {
      const n = inRange(draft.n, RANGES.nTimes);
      if (n === null) return fail('targetEdit.problem.nTimes', RANGES.nTimes);
      rule = { kind: 'score', method: { kind: 'nTimes', n } };
      break;
    }
    case 'mOfN': {
      const n = inRange(draft.n, RANGES.count);
      if (n === null) return fail('targetEdit.problem.mOfN.n', RANGES.count);
      const m = inRange(draft.m, RANGES.count);
      if (m === null) return fail('targetEdit.problem.mOfN.m', RANGES.count);
      if (m > n) return fail('targetEdit.problem.mOfN.mOverN', { m, n });
      rule = { kind: 'score', method: { kind: 'mOfN', m, n } };
      break;
    }
    case 'inARow': {
      const n = inRange(draft.n, RANGES.count);
      if (n === null) return fail('targetEdit.problem.inARow', RANGES.count);
      rule = { kind: 'score', method: { kind: 'inARow', n } };
      break;
    }
    case 'mostRecent':
    case 'highest':
    case 'average':
      rule = { kind: 'score', method: { kind: draft.kind } };
      break;
    case 'allItemsOnDistinctDays': {
      const days = inRange(draft.days, RANGES.count);
      if (days === null) return fail('targetEdit.problem.days', RANGES.count);
      rule = { kind: 'allItemsOnDistinctDays', days };
      break;
    }
    case 'itemsInOneCheck': {
      const count = wholeNumber(draft.count);
      if (count === null || count < 1) return fail('targetEdit.problem.count');
      if (itemCount !== null && count > itemCount)
        return fail('targetEdit.problem.countOverItems', { count, itemCount });
      rule = { kind: 'itemsInOneCheck', count };
      break;
    }
  }
  try {
    if (rule.kind === 'score') validateMethod(rule.method);
    else validateItemRule(rule, itemCount);
  } catch (error) {
    return fail('targetEdit.problem.rule', { reason: (error as Error).message });
  }
  return { rule };
}

/** Every problem with the draft; an empty list means it may be saved. */
export function draftProblems(draft: TargetDraft): Problem[] {
  const problems: Problem[] = [];
  if (!draft.kidStatement.trim()) problems.push({ key: 'targetEdit.problem.kidStatement' });
  if (!draft.teacherStatement.trim()) problems.push({ key: 'targetEdit.problem.teacherStatement' });
  draft.items.forEach((item, index) => {
    if (!item.label.trim()) problems.push({ key: 'targetEdit.problem.itemLabel', params: { number: index + 1 } });
  });
  const itemCount = checkedItemCount(draft);
  if (itemCount === 0) problems.push({ key: 'targetEdit.problem.noItemsChecked' });
  const parsed = parseRule(draft.rule, itemCount);
  if ('problem' in parsed) problems.push(parsed.problem);
  return problems;
}

/** A new item's id: the label as a slug, unique in the set (ids stay fixed; labels may change later). */
export function newItemId(label: string, taken: ReadonlySet<string>): string {
  const slug =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return id;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to write for a valid draft: only the fields that changed, and the item set when its items changed.
 * Throws when the draft has problems (callers check `draftProblems` first and show them).
 */
export function draftChanges(
  target: Target,
  itemSet: ItemSet | undefined,
  draft: TargetDraft,
): { changes: TargetChanges; itemSet?: ItemSetChange } {
  const parsed = parseRule(draft.rule, checkedItemCount(draft));
  if ('problem' in parsed || draftProblems(draft).length > 0) throw new Error('The target has problems to fix first.');
  const changes: { -readonly [K in keyof TargetChanges]: TargetChanges[K] } = {};
  const kid = draft.kidStatement.trim();
  const teacher = draft.teacherStatement.trim();
  if (kid !== target.kidStatement) changes.kidStatement = kid;
  if (teacher !== target.teacherStatement) changes.teacherStatement = teacher;
  if (draft.icon !== target.icon) changes.icon = draft.icon;
  if (!same(parsed.rule, target.rule)) changes.rule = parsed.rule;

  const { es: _oldEs, ...otherLanguages } = target.translations ?? {};
  const es = {
    ...(draft.kidStatementEs.trim() ? { kidStatement: draft.kidStatementEs.trim() } : {}),
    ...(draft.teacherStatementEs.trim() ? { teacherStatement: draft.teacherStatementEs.trim() } : {}),
  };
  const translations = Object.keys(es).length > 0 ? { ...otherLanguages, es } : otherLanguages;
  if (!same(translations, target.translations ?? {})) changes.translations = translations;

  const items: Item[] = draft.items.map((i) => ({
    id: i.id,
    label: i.label.trim(),
    ...(i.prompt === undefined ? {} : { prompt: i.prompt }),
  }));
  const checked = draft.items.filter((i) => i.checked).map((i) => i.id);
  // A target without itemIds checks every item of its set; keep it that way while every item is ticked.
  const itemIds = target.itemIds === undefined && checked.length === items.length ? undefined : checked;
  if (itemIds !== undefined && !same(itemIds, target.itemIds)) changes.itemIds = itemIds;
  const setChanged = itemSet ? !same(items, itemSet.items) : items.length > 0;
  return setChanged
    ? { changes, itemSet: { ...(itemSet ? { id: itemSet.id } : {}), title: itemSet?.title ?? target.code, items } }
    : { changes };
}
