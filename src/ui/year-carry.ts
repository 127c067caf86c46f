/**
 * What a child carries into a new class (a new school year, or added again after a year elsewhere): the
 * rules decide it from their record there, so it is the status every screen showed. Mastered targets come
 * along as the teacher's decisions, the current target as made current, and the path as what is not
 * finished yet followed by the new class's path (finished entries stay on last year's path, its archive).
 */
import type { PathEntry } from '#protocol';
import { evaluateProgress, type ProgressSource } from './progress-input.ts';

export interface CarryPlan {
  readonly masteredTargetIds: readonly string[];
  readonly currentTargetId: string | null;
  readonly pathEntries: readonly PathEntry[];
}

export function carryStatus(source: ProgressSource, now: Date, templateTargetIds: readonly string[]): CarryPlan {
  const progress = evaluateProgress(source, now);
  const mastered = new Set(progress.targets.filter((t) => t.status === 'mastered').map((t) => t.targetId));
  // Last year's planned dates do not fit next year: the teacher plans again.
  const carried = (source.path?.entries ?? [])
    .filter((entry) => !mastered.has(entry.targetId))
    .map(({ plannedDate: _planned, ...entry }) => entry);
  const onPath = new Set(carried.map((e) => e.targetId));
  const added = templateTargetIds
    .filter((id) => !onPath.has(id) && !mastered.has(id))
    .map((targetId): PathEntry => ({ targetId }));
  const current = progress.currentTargetId;
  return {
    masteredTargetIds: [...mastered],
    currentTargetId: current !== null && !mastered.has(current) ? current : null,
    pathEntries: [...carried, ...added],
  };
}
