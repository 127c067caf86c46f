import type { StudentProgressData, TargetRecord } from '#db';
import type { Item } from '#protocol';
import { itemStates, type ItemState, type NextStep, type StudentProgress, type TargetStatus } from '#rules';
import { evaluateProgress, toRulesTargets } from '#ui/progress-input.ts';

/**
 * Pure view helpers for the conference screens. Every status, known item and next step comes from the
 * rules module; this file only picks out and compares what the rules return.
 */

/** The items a target checks, with labels and prompts, in the item set's order; empty without an item set. */
export function targetItems(data: StudentProgressData, target: TargetRecord): Item[] {
  const set = data.itemSets.find((s) => s.id === target.itemSetId);
  if (!set) return [];
  const wanted = target.itemIds ? new Set(target.itemIds) : null;
  return set.items.filter((item) => !wanted || wanted.has(item.id));
}

/** Known / not yet / never tried per item, from the rules. */
export function targetItemStates(data: StudentProgressData, target: TargetRecord): readonly ItemState[] {
  const [rulesTarget] = toRulesTargets([target], data.itemSets);
  return rulesTarget ? itemStates(rulesTarget, data.evidence) : [];
}

export function notYetItemIds(states: readonly ItemState[]): string[] {
  return states.filter((s) => s.state !== 'known').map((s) => s.itemId);
}

export interface CheckOutcome {
  readonly targetId: string;
  readonly newlyKnown: readonly string[];
  readonly statusBefore: TargetStatus;
  readonly statusAfter: TargetStatus;
  readonly after: StudentProgress;
  readonly nextStep: NextStep;
}

/** What one piece of evidence changed: the rules run without it and with it. */
export function checkOutcome(
  data: StudentProgressData,
  evidenceId: string,
  targetId: string,
  now: Date,
): CheckOutcome | null {
  const target = data.targets.find((t) => t.id === targetId);
  if (!target || !data.evidence.some((e) => e.id === evidenceId)) return null;
  const without = { ...data, evidence: data.evidence.filter((e) => e.id !== evidenceId) };
  const before = evaluateProgress(without, now);
  const after = evaluateProgress(data, now);
  const knownBefore = new Set(
    targetItemStates(without, target)
      .filter((s) => s.state === 'known')
      .map((s) => s.itemId),
  );
  const newlyKnown = targetItemStates(data, target)
    .filter((s) => s.state === 'known' && !knownBefore.has(s.itemId))
    .map((s) => s.label);
  return {
    targetId,
    newlyKnown,
    statusBefore: before.byTargetId[targetId]?.status ?? 'notStarted',
    statusAfter: after.byTargetId[targetId]?.status ?? 'notStarted',
    after,
    nextStep: after.nextStep,
  };
}

/** Student submissions waiting for the teacher, oldest first so nothing waits forever (facts: none voided). */
export function waitingForReview(data: StudentProgressData) {
  return data.evidence.filter((e) => e.needsReview && !e.reviewedAt);
}

/** The targets on the student's path, in path order (all targets when the path is empty). */
export function pathTargets(data: StudentProgressData, progress: StudentProgress): TargetRecord[] {
  const byId = new Map(data.targets.map((t) => [t.id, t]));
  const onPath = progress.targets.flatMap((p) => byId.get(p.targetId) ?? []);
  return onPath.length > 0 ? onPath : [...data.targets];
}
