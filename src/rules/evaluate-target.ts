import type {
  DecisionInput,
  Explanation,
  MasteryResult,
  OverrideInfo,
  RulesMessage,
  TargetInput,
  TargetStatus,
  ItemInput,
  ItemState,
} from './types.ts';
import { scoreOrdered, validateLevel, validateMethod } from './score-methods.ts';
import { computeItemMastery, type ItemCheck, type ItemMasteryResult } from './item-mastery.ts';
import { datePart } from './time.ts';
import type { EvidenceTable } from './evidence-table.ts';

export interface TimedDecision {
  readonly t: number;
  readonly id: string;
  readonly tie: number;
  readonly d: DecisionInput;
}

export interface ScaleContext {
  readonly masteryLevel: number;
  readonly masteryLabel: string;
}

/** Everything about one target before path-level facts (readiness, current, pacing) are added. */
export interface TargetEvaluation {
  readonly target: TargetInput;
  readonly status: TargetStatus;
  readonly isMastered: boolean;
  readonly score: number | null;
  readonly items: readonly ItemState[];
  readonly explanation: Explanation;
  /** The student's evidence; the lists below are rows of it. */
  readonly table: EvidenceTable;
  /** Counted evidence, oldest first. */
  readonly counted: readonly number[];
  /** The ids of `counted`. */
  readonly countedIds: readonly string[];
  /** Non-voided evidence after any reopen, oldest first (counted plus pending review and unscored). */
  readonly activity: readonly number[];
  /** Every id of the target's evidence; the very list of countedIds when all of it counts (read only). */
  readonly allActivityIds: readonly string[];
  readonly override: OverrideInfo | null;
  readonly itemResult: ItemMasteryResult | null;
}

export function isRelevant(target: TargetInput, table: EvidenceTable, row: number): boolean {
  if (table.pending[row] === 1) return false;
  return target.rule.kind === 'score' ? table.level[row] !== undefined : table.itemResults[row] !== undefined;
}

/** The evidence that counts toward the target's rule: most often all of it, then the list itself. */
function relevantOf(target: TargetInput, table: EvidenceTable, rows: readonly number[]): readonly number[] {
  for (let i = 0; i < rows.length; i++) {
    if (!isRelevant(target, table, rows[i]!)) return rows.filter((row) => isRelevant(target, table, row));
  }
  return rows;
}

/** The levels of counted evidence, each checked (counted evidence has one). */
export function countedLevels(table: EvidenceTable, counted: readonly number[]): number[] {
  return counted.map((row) => {
    const level = table.level[row]!;
    validateLevel(level, table.id[row]!);
    return level;
  });
}

export function toChecks(table: EvidenceTable, counted: readonly number[]): ItemCheck[] {
  return counted.map((row) => ({
    id: table.id[row]!,
    day: table.day[row] ?? datePart(table.observedAt[row]!, 'observedAt'),
    results: table.itemResults[row] ?? [],
  }));
}

/** Validates a target's rule; the error names the target so a bad framework is easy to find. */
export function validateTargetRule(target: TargetInput): void {
  try {
    if (target.rule.kind === 'score') validateMethod(target.rule.method);
    else if (target.rule.kind !== 'allItemsOnDistinctDays' && target.rule.kind !== 'itemsInOneCheck') {
      const kind: unknown = (target.rule as { kind?: unknown }).kind;
      throw new Error(`Unknown mastery rule kind: ${String(kind)}`);
    }
  } catch (error) {
    throw new Error(`Target ${target.code} (${target.id}): ${(error as Error).message}`, { cause: error });
  }
}

function computeRule(
  target: TargetInput,
  table: EvidenceTable,
  counted: readonly number[],
  countedIds: readonly string[],
  scale: ScaleContext,
  items: readonly ItemInput[] | null,
) {
  const rule = target.rule;
  if (rule.kind === 'score') {
    const result: MasteryResult = scoreOrdered(
      countedLevels(table, counted),
      countedIds,
      rule.method,
      scale.masteryLevel,
      scale.masteryLabel,
    );
    return { result, itemResult: null };
  }
  let itemResult: ItemMasteryResult;
  try {
    itemResult = computeItemMastery(rule, items, toChecks(table, counted));
  } catch (error) {
    throw new Error(`Target ${target.code} (${target.id}): ${(error as Error).message}`, { cause: error });
  }
  const result: MasteryResult = { score: null, isMastered: itemResult.isMastered, explanation: itemResult.explanation };
  return { result, itemResult };
}

/**
 * Status of one target. The latest teacher markMastered/reopen wins over the evidence: markMastered makes it
 * mastered; reopen makes it not mastered and restarts the rule on evidence observed after the reopen.
 */
export function evaluateTarget(
  target: TargetInput,
  table: EvidenceTable,
  /** The target's rows of the table, in (observedAt, id) order. */
  evidence: readonly number[],
  overrides: readonly TimedDecision[],
  scale: ScaleContext,
  /** An item rule's items (targetItems(target)), as the caller keeps them; null for a score rule. */
  items: readonly ItemInput[] | null,
): TargetEvaluation {
  const latest = overrides.at(-1) ?? null;
  const override: OverrideInfo | null = latest
    ? { kind: latest.d.kind as OverrideInfo['kind'], decisionId: latest.d.id, decidedAt: latest.d.decidedAt }
    : null;
  const activity = latest?.d.kind === 'reopen' ? evidence.filter((row) => table.t[row]! > latest.t) : evidence;
  const counted = relevantOf(target, table, activity);
  const ids = table.id;
  const countedIds = counted.map((row) => ids[row]!);
  const { result, itemResult } = computeRule(target, table, counted, countedIds, scale, items);

  let isMastered = result.isMastered;
  let message: RulesMessage = result.explanation.message;
  if (override?.kind === 'markMastered') {
    isMastered = true;
    message = {
      key: 'rules.explain.override.markMastered',
      params: { date: datePart(override.decidedAt, 'decidedAt') },
    };
  } else if (override?.kind === 'reopen' && counted.length === 0) {
    message = { key: 'rules.explain.override.reopen', params: { date: datePart(override.decidedAt, 'decidedAt') } };
  }
  const status: TargetStatus = isMastered
    ? 'mastered'
    : evidence.length > 0 || override?.kind === 'reopen'
      ? 'inProgress'
      : 'notStarted';
  return {
    target,
    status,
    isMastered,
    score: result.score,
    items: itemResult?.items ?? [],
    explanation: message === result.explanation.message ? result.explanation : { ...result.explanation, message },
    table,
    counted,
    countedIds,
    activity,
    // Counted evidence is a sub-list of the evidence in the same order: the same length means the same ids.
    // A year's outputs hold one list where they held three (less to allocate, less for the GC to copy).
    allActivityIds: counted.length === evidence.length ? countedIds : evidence.map((row) => ids[row]!),
    override,
    itemResult,
  };
}
