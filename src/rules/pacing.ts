import type { Pacing, RulesMessage } from './types.ts';
import { datePart } from './time.ts';

export interface PacingEntry {
  readonly targetId: string;
  readonly plannedDate: string | null;
  readonly isSkipped: boolean;
  readonly isMastered: boolean;
}

/** A planned date is a completion date: it is overdue only after that day has passed. */
export function isOverdue(plannedDate: string | null, isMastered: boolean, today: string): boolean {
  return plannedDate !== null && !isMastered && datePart(plannedDate, 'plannedDate') < today;
}

/**
 * behind: some planned target is past its date and not mastered. ahead: none behind, and some target planned
 * for after today is already mastered. onPace: neither. unplanned: no (non-skipped) entry has a date.
 */
export function computePacing(entries: readonly PacingEntry[], today: string): Pacing {
  const planned = entries.filter((e) => !e.isSkipped && e.plannedDate !== null);
  const overdueTargetIds = planned.filter((e) => isOverdue(e.plannedDate, e.isMastered, today)).map((e) => e.targetId);
  const aheadTargetIds = planned
    .filter((e) => e.isMastered && datePart(e.plannedDate!, 'plannedDate') > today)
    .map((e) => e.targetId);
  const status =
    planned.length === 0
      ? 'unplanned'
      : overdueTargetIds.length > 0
        ? 'behind'
        : aheadTargetIds.length > 0
          ? 'ahead'
          : 'onPace';
  const message: RulesMessage = {
    key: `rules.pacing.${status}`,
    params:
      status === 'behind'
        ? { count: overdueTargetIds.length }
        : status === 'ahead'
          ? { count: aheadTargetIds.length }
          : {},
  };
  return { status, plannedCount: planned.length, overdueTargetIds, aheadTargetIds, message };
}
