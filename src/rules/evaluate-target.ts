import type {
  DecisionInput,
  EvidenceInput,
  Explanation,
  MasteryResult,
  OverrideInfo,
  RulesMessage,
  TargetInput,
  TargetStatus,
  ItemState,
} from './types.ts';
import { scoreOrdered, validateLevel, validateMethod, type OrderedScore } from './score-methods.ts';
import { computeItemMastery, targetItems, type ItemCheck, type ItemMasteryResult } from './item-mastery.ts';
import { datePart } from './time.ts';

/** Evidence with its parsed observedAt; lists of these are kept ordered by (t, id). */
export interface TimedEvidence {
  readonly t: number;
  readonly id: string;
  readonly tie: number;
  readonly e: EvidenceInput;
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
  /** Non-voided evidence after any reopen, oldest first (counted plus pending review and unscored). */
  readonly activity: readonly TimedEvidence[];
  readonly allActivityIds: readonly string[];
  readonly override: OverrideInfo | null;
  readonly itemResult: ItemMasteryResult | null;
}

/** A student's submission waits for the teacher before it can count toward mastery. */
const isPendingReview = (e: EvidenceInput): boolean => e.needsReview === true && !e.reviewedAt;

export function isRelevant(target: TargetInput, e: EvidenceInput): boolean {
  if (isPendingReview(e)) return false;
  return target.rule.kind === 'score' ? e.level !== undefined : e.itemResults !== undefined;
}

export function toOrderedScores(counted: readonly TimedEvidence[]): OrderedScore[] {
  return counted.map(({ e }) => {
    const level = e.level!;
    validateLevel(level, e.id);
    return { level, id: e.id };
  });
}

export function toChecks(counted: readonly TimedEvidence[]): ItemCheck[] {
  return counted.map(({ e }) => ({
    id: e.id,
    day: datePart(e.observedAt, 'observedAt'),
    results: e.itemResults ?? [],
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

function computeRule(target: TargetInput, counted: readonly TimedEvidence[], scale: ScaleContext) {
  const rule = target.rule;
  if (rule.kind === 'score') {
    const result: MasteryResult = scoreOrdered(
      toOrderedScores(counted),
      rule.method,
      scale.masteryLevel,
      scale.masteryLabel,
    );
    return { result, itemResult: null };
  }
  let itemResult: ItemMasteryResult;
  try {
    itemResult = computeItemMastery(rule, targetItems(target), toChecks(counted));
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
): TargetEvaluation {
  const latest = overrides.at(-1) ?? null;
  const override: OverrideInfo | null = latest
    ? { kind: latest.d.kind as OverrideInfo['kind'], decisionId: latest.d.id, decidedAt: latest.d.decidedAt }
    : null;
  const activity = latest?.d.kind === 'reopen' ? evidence.filter((x) => x.t > latest.t) : evidence;
  const counted = activity.filter((x) => isRelevant(target, x.e));
  const { result, itemResult } = computeRule(target, counted, scale);

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
    activity,
    allActivityIds: evidence.map((x) => x.id),
    override,
    itemResult,
  };
}
