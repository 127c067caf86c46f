import type {
  DecisionInput,
  EvidenceInput,
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
import { datePart, dayOf, parseTime } from './time.ts';

/**
 * Evidence with its parsed observedAt and the fields the rules read; lists of these are kept ordered by
 * (t, id). A year is some 50 000 records scattered in memory: each is read once, here, and the rules then
 * work on these small records instead of going back to it (that cost more than the arithmetic).
 */
export interface TimedEvidence {
  readonly t: number;
  readonly id: string;
  readonly tie: number;
  readonly observedAt: string;
  readonly targetIds: EvidenceInput['targetIds'];
  readonly level: EvidenceInput['level'];
  readonly itemResults: EvidenceInput['itemResults'];
  /** observedAt's day for a check, read while the record is at hand; null leaves it to datePart (and its error). */
  readonly day: string | null;
  /** A student's submission waits for the teacher before it can count toward mastery. */
  readonly isPendingReview: boolean;
}

export function toTimed(e: EvidenceInput, tie: number): TimedEvidence {
  const observedAt = e.observedAt;
  const itemResults = e.itemResults;
  return {
    t: parseTime(observedAt, 'observedAt'),
    id: e.id,
    tie,
    observedAt,
    targetIds: e.targetIds,
    level: e.level,
    itemResults,
    day: itemResults === undefined ? null : dayOf(observedAt),
    isPendingReview: e.needsReview === true && !e.reviewedAt,
  };
}

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
  /** Counted evidence, oldest first. */
  readonly counted: readonly TimedEvidence[];
  /** The ids of `counted`. */
  readonly countedIds: readonly string[];
  /** Non-voided evidence after any reopen, oldest first (counted plus pending review and unscored). */
  readonly activity: readonly TimedEvidence[];
  /** Every id of the target's evidence; the very list of countedIds when all of it counts (read only). */
  readonly allActivityIds: readonly string[];
  readonly override: OverrideInfo | null;
  readonly itemResult: ItemMasteryResult | null;
}

export function isRelevant(target: TargetInput, x: TimedEvidence): boolean {
  if (x.isPendingReview) return false;
  return target.rule.kind === 'score' ? x.level !== undefined : x.itemResults !== undefined;
}

/** The evidence that counts toward the target's rule: most often all of it, then the list itself. */
function relevantOf(target: TargetInput, evidence: readonly TimedEvidence[]): readonly TimedEvidence[] {
  for (let i = 0; i < evidence.length; i++) {
    if (!isRelevant(target, evidence[i]!)) return evidence.filter((x) => isRelevant(target, x));
  }
  return evidence;
}

/** The levels of counted evidence, each checked (counted evidence has one). */
export function countedLevels(counted: readonly TimedEvidence[]): number[] {
  return counted.map((x) => {
    const level = x.level!;
    validateLevel(level, x.id);
    return level;
  });
}

export function toChecks(counted: readonly TimedEvidence[]): ItemCheck[] {
  return counted.map((x) => ({
    id: x.id,
    day: x.day ?? datePart(x.observedAt, 'observedAt'),
    results: x.itemResults ?? [],
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
  counted: readonly TimedEvidence[],
  countedIds: readonly string[],
  scale: ScaleContext,
  items: readonly ItemInput[] | null,
) {
  const rule = target.rule;
  if (rule.kind === 'score') {
    const result: MasteryResult = scoreOrdered(
      countedLevels(counted),
      countedIds,
      rule.method,
      scale.masteryLevel,
      scale.masteryLabel,
    );
    return { result, itemResult: null };
  }
  let itemResult: ItemMasteryResult;
  try {
    itemResult = computeItemMastery(rule, items, toChecks(counted));
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
  evidence: readonly TimedEvidence[],
  overrides: readonly TimedDecision[],
  scale: ScaleContext,
  /** An item rule's items (targetItems(target)), as the caller keeps them; null for a score rule. */
  items: readonly ItemInput[] | null,
): TargetEvaluation {
  const latest = overrides.at(-1) ?? null;
  const override: OverrideInfo | null = latest
    ? { kind: latest.d.kind as OverrideInfo['kind'], decisionId: latest.d.id, decidedAt: latest.d.decidedAt }
    : null;
  const activity = latest?.d.kind === 'reopen' ? evidence.filter((x) => x.t > latest.t) : evidence;
  const counted = relevantOf(target, activity);
  const countedIds = counted.map((x) => x.id);
  const { result, itemResult } = computeRule(target, counted, countedIds, scale, items);

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
    counted,
    countedIds,
    activity,
    // Counted evidence is a sub-list of the evidence in the same order: the same length means the same ids.
    // A year's outputs hold one list where they held three (less to allocate, less for the GC to copy).
    allActivityIds: counted.length === evidence.length ? countedIds : evidence.map((x) => x.id),
    override,
    itemResult,
  };
}
