import type {
  EvidenceInput,
  Explanation,
  ItemInput,
  ItemResultValue,
  ItemState,
  RulesMessage,
  TargetInput,
} from './types.ts';
import { compareTimed, datePart, parseTime } from './time.ts';

export type ItemRuleInput =
  | { readonly kind: 'allItemsOnDistinctDays'; readonly days: number }
  | { readonly kind: 'itemsInOneCheck'; readonly count: number };

/** One check with per-item results, already filtered and ordered oldest first. */
export interface ItemCheck {
  readonly id: string;
  /** YYYY-MM-DD as written in observedAt. */
  readonly day: string;
  readonly results: readonly { readonly itemId: string; readonly result: ItemResultValue }[];
}

export interface ItemMasteryResult {
  readonly isMastered: boolean;
  readonly items: readonly ItemState[];
  readonly explanation: Explanation;
  /** Grows as the student gets closer (stall detection). */
  readonly measure: number;
  /** One more day of correct answers would master it. */
  readonly isOneDayShort: boolean;
}

export function validateItemRule(rule: ItemRuleInput, universeSize: number | null): void {
  if (rule.kind === 'allItemsOnDistinctDays') {
    if (!(Number.isInteger(rule.days) && rule.days >= 1))
      throw new Error(`allItemsOnDistinctDays days must be an integer of at least 1, got ${rule.days}`);
    return;
  }
  if (!(Number.isInteger(rule.count) && rule.count >= 1))
    throw new Error(`itemsInOneCheck count must be an integer of at least 1, got ${rule.count}`);
  if (universeSize !== null && universeSize > 0 && rule.count > universeSize)
    throw new Error(`itemsInOneCheck count ${rule.count} exceeds the ${universeSize} items of the target`);
}

/**
 * The items a target checks: `itemIds` (labelled from `items`) when given, else `items`, else null, meaning
 * "whatever items its checks contain" (a target without an item list).
 */
export function targetItems(target: Pick<TargetInput, 'itemIds' | 'items'>): ItemInput[] | null {
  if (target.itemIds) {
    const labels = new Map((target.items ?? []).map((i) => [i.id, i.label]));
    return target.itemIds.map((id) => ({ id, label: labels.get(id) ?? id }));
  }
  return target.items ? [...target.items] : null;
}

/** Keeps non-voided evidence with item results and orders it by observedAt, then id. */
export function toItemChecks(evidence: readonly EvidenceInput[]): ItemCheck[] {
  return evidence
    .filter((e) => !e.voided && e.itemResults !== undefined)
    .map((e, i) => ({ t: parseTime(e.observedAt, 'observedAt'), id: e.id, tie: i, e }))
    .sort(compareTimed)
    .map(({ e }) => ({ id: e.id, day: datePart(e.observedAt, 'observedAt'), results: e.itemResults ?? [] }));
}

interface Tally {
  /** How many distinct days (YYYY-MM-DD) had a correct answer, and the latest of them. */
  dayCount: number;
  lastDay: string;
  attempts: number;
  last: 'correct' | 'notYet' | null;
  /** The index of the last check that gave the item a result: a check's last result for an item wins. */
  seenIn: number;
}

const newTally = (): Tally => ({ dayCount: 0, lastDay: '', attempts: 0, last: null, seenIn: -1 });

/** Per-item results of one check; the last result for an item in a check wins. */
function resultsOf(check: ItemCheck, inUniverse: (id: string) => boolean): Map<string, ItemResultValue> {
  const byItem = new Map<string, ItemResultValue>();
  for (const r of check.results) if (inUniverse(r.itemId)) byItem.set(r.itemId, r.result);
  return byItem;
}

/**
 * Counts a day once. Checks come oldest first, so a day is nearly always the latest one or a newer one (a
 * string comparison); only date-times written with other offsets can bring an earlier day, and only then
 * are the earlier checks looked through (no list of days kept per item: a year's tallies made thousands).
 */
function addDay(t: Tally, day: string, itemId: string, checks: readonly ItemCheck[], index: number): void {
  if (day > t.lastDay) {
    t.lastDay = day;
    t.dayCount++;
  } else if (day !== t.lastDay && !correctBefore(checks, index, itemId, day)) t.dayCount++;
}

/** Whether a check before `index` on `day` had the item correct (its last result for the item). */
function correctBefore(checks: readonly ItemCheck[], index: number, itemId: string, day: string): boolean {
  for (let i = 0; i < index; i++) {
    const check = checks[i]!;
    if (check.day !== day) continue;
    for (let r = check.results.length - 1; r >= 0; r--) {
      const { itemId: id, result } = check.results[r]!;
      if (id !== itemId) continue;
      if (result === 'correct') return true;
      break;
    }
  }
  return false;
}

function isKnown(rule: ItemRuleInput, t: Tally | undefined): boolean {
  return t !== undefined && (rule.kind === 'allItemsOnDistinctDays' ? t.dayCount >= rule.days : t.last === 'correct');
}

/** Item-based mastery over checks ordered oldest first. */
export function computeItemMastery(
  rule: ItemRuleInput,
  universe: readonly ItemInput[] | null,
  checks: readonly ItemCheck[],
): ItemMasteryResult {
  validateItemRule(rule, universe ? universe.length : null);
  // With a universe every item's tally is made up front, so one lookup both filters and finds it; without
  // one, an item gets a tally at its first result (an item only ever skipped stays untried).
  const tallies = new Map<string, Tally>();
  if (universe) for (const item of universe) if (!tallies.has(item.id)) tallies.set(item.id, newTally());
  // A year holds thousands of results per child: they are read in place, newest result first, instead of
  // through a map per check ("the last result wins" becomes "the first one met wins"). What the
  // explanation needs of the checks (those with a try; the best one, the newer on a tie) is kept on the way.
  const usedIds: string[] = [];
  let best: ItemCheck | null = null;
  let bestCorrect = 0;
  let bestTried = 0;
  for (let index = 0; index < checks.length; index++) {
    const check = checks[index]!;
    let correct = 0;
    let tried = 0;
    const results = check.results;
    for (let r = results.length - 1; r >= 0; r--) {
      const { itemId, result } = results[r]!;
      let t = tallies.get(itemId);
      if (t === undefined) {
        if (universe) continue;
        tallies.set(itemId, (t = newTally()));
      }
      if (t.seenIn === index) continue;
      t.seenIn = index;
      if (result === 'skipped') continue;
      t.attempts++;
      t.last = result;
      tried++;
      if (result === 'correct') {
        correct++;
        addDay(t, check.day, itemId, checks, index);
      }
    }
    if (tried === 0) continue;
    usedIds.push(check.id);
    if (best === null || correct >= bestCorrect) {
      best = check;
      bestCorrect = correct;
      bestTried = tried;
    }
  }
  const items: ItemInput[] = universe
    ? [...universe]
    : [...tallies.keys()]
        .filter((id) => tallies.get(id)!.attempts > 0)
        .sort()
        .map((id) => ({ id, label: id }));
  const states: ItemState[] = items.map((item) => {
    const t = tallies.get(item.id);
    return {
      itemId: item.id,
      label: item.label,
      state: isKnown(rule, t) ? 'known' : t && t.attempts > 0 ? 'notYet' : 'neverTried',
      correctDays: t ? t.dayCount : 0,
      attempts: t ? t.attempts : 0,
    };
  });
  const total = states.length;
  const knownCount = states.filter((s) => s.state === 'known').length;

  if (rule.kind === 'allItemsOnDistinctDays') {
    const d = rule.days;
    const isMastered = total > 0 && knownCount === total;
    const measure = states.reduce((acc, s) => acc + Math.min(s.correctDays, d), 0);
    const isOneDayShort = !isMastered && d >= 2 && total > 0 && states.every((s) => s.correctDays >= d - 1);
    const params: Record<string, number> = isMastered
      ? { count: total, days: d }
      : { known: knownCount, count: total, days: d };
    const ruleMessage: RulesMessage = {
      key:
        emptyKey(universe, usedIds.length) ??
        `rules.explain.allItemsOnDistinctDays.${isMastered ? 'mastered' : 'notYet'}`,
      params,
    };
    return {
      isMastered,
      items: states,
      measure,
      isOneDayShort,
      explanation: {
        rule: rule.kind,
        method: rule.kind,
        isMastered,
        score: null,
        threshold: d,
        evidenceIds: usedIds,
        values: { days: d, known: knownCount, total },
        arithmetic:
          `${knownCount} of ${total} items correct on ≥ ${d} distinct days` +
          (total > 0 ? ` (${states.map((s) => `${s.label}: ${s.correctDays}`).join(', ')})` : ''),
        message: ruleMessage,
        ruleMessage,
      },
    };
  }

  // itemsInOneCheck: the best single check decides; on a tie the newer check is reported.
  const needed = rule.count;
  const isMastered = best !== null && bestCorrect >= needed;
  const ruleMessage: RulesMessage = {
    key: emptyKey(universe, usedIds.length) ?? `rules.explain.itemsInOneCheck.${isMastered ? 'mastered' : 'notYet'}`,
    params: {
      correct: bestCorrect,
      count: bestTried,
      needed,
      ...(best ? { date: best.day } : {}),
    },
  };
  return {
    isMastered,
    items: states,
    measure: bestCorrect,
    isOneDayShort: false,
    explanation: {
      rule: rule.kind,
      method: rule.kind,
      isMastered,
      score: null,
      threshold: needed,
      evidenceIds: best ? [best.id] : [],
      values: { needed, correct: bestCorrect, tried: bestTried, known: knownCount, total },
      arithmetic: best
        ? `best check ${best.id}: ${bestCorrect} of ${bestTried} correct; ${needed} needed`
        : `no checks; ${needed} needed`,
      message: ruleMessage,
      ruleMessage,
    },
  };
}

/**
 * The rule's measure after each check, in one pass: exactly `computeItemMastery(rule, universe,
 * checks.slice(0, i + 1)).measure` for every i (stall detection reads it after each counted check; computing
 * each prefix afresh took a year's worth of checks squared).
 */
export function itemMeasures(
  rule: ItemRuleInput,
  universe: readonly ItemInput[] | null,
  checks: readonly ItemCheck[],
): number[] {
  validateItemRule(rule, universe ? universe.length : null);
  // An item listed twice in the universe is counted twice by computeItemMastery's sum, so here too.
  const weight = new Map<string, number>();
  for (const item of universe ?? []) weight.set(item.id, (weight.get(item.id) ?? 0) + 1);
  const inUniverse = (id: string): boolean => universe === null || weight.has(id);
  const days = new Map<string, Set<string>>();
  let sum = 0;
  let best: number | null = null;
  return checks.map((check) => {
    let correct = 0;
    let tried = 0;
    for (const [itemId, result] of resultsOf(check, inUniverse)) {
      if (result === 'skipped') continue;
      tried++;
      if (result !== 'correct') continue;
      correct++;
      let seen = days.get(itemId);
      if (!seen) days.set(itemId, (seen = new Set()));
      if (seen.has(check.day)) continue;
      seen.add(check.day);
      if (rule.kind === 'allItemsOnDistinctDays' && seen.size <= rule.days) sum += universe ? weight.get(itemId)! : 1;
    }
    if (rule.kind === 'allItemsOnDistinctDays') return sum;
    if (tried > 0 && (best === null || correct >= best)) best = correct;
    return best ?? 0;
  });
}

/** A target with an empty item list cannot be mastered by items; say that before "no checks". */
function emptyKey(universe: readonly ItemInput[] | null, checks: number): string | null {
  if (universe !== null && universe.length === 0) return 'rules.explain.noItems';
  if (checks === 0) return 'rules.explain.noItemChecks';
  return null;
}

/**
 * Item states for one target from a student's evidence in any order (for the teacher's one-on-one screen):
 * which items are known, not yet known, or never tried.
 */
export function itemStates(
  target: Pick<TargetInput, 'id' | 'rule' | 'itemIds' | 'items'>,
  evidence: readonly EvidenceInput[],
): readonly ItemState[] {
  const rule: ItemRuleInput = target.rule.kind === 'score' ? { kind: 'itemsInOneCheck', count: 1 } : target.rule;
  const checks = toItemChecks(evidence.filter((e) => e.targetIds.includes(target.id)));
  return computeItemMastery(rule, targetItems(target), checks).items;
}
