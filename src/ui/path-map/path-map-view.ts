import type { PathEntry } from '#protocol';
import type { StudentProgress, TargetProgress } from '#rules';

export type StopKind = 'mastered' | 'inProgress' | 'notStarted' | 'skipped';

/** Where the trail goes from a stop to the next: along the row, or round the bend to the row below. */
export type TrailLink = 'right' | 'left' | 'bendRight' | 'bendLeft' | null;

export interface MapStop {
  readonly targetId: string;
  /** 1-based place on the path. */
  readonly position: number;
  readonly progress: TargetProgress;
  readonly kind: StopKind;
  readonly isCurrent: boolean;
  readonly isEnrichment: boolean;
  readonly skippedReason: string | null;
  readonly plannedDate: string | null;
  readonly pacing: 'behind' | 'ahead' | null;
  /** 1-based grid cell of the winding layout. */
  readonly row: number;
  readonly column: number;
  readonly link: TrailLink;
}

/**
 * Arranges the rules' view of a path as a winding trail: rows of `columns` stops, every other row running
 * back, so the trail bends at the ends. Statuses and pacing are the rules' own; nothing is computed here.
 */
export function buildMapStops(progress: StudentProgress, entries: readonly PathEntry[], columns: number): MapStop[] {
  const entryById = new Map(entries.map((e) => [e.targetId, e]));
  const ahead = new Set(progress.pacing.aheadTargetIds);
  const count = progress.targets.length;
  return progress.targets.map((p, index) => {
    const row = Math.floor(index / columns);
    const isBackRow = row % 2 === 1;
    const inRow = index % columns;
    const hasNext = index + 1 < count;
    const endsRow = inRow === columns - 1;
    const link: TrailLink = !hasNext
      ? null
      : endsRow
        ? isBackRow
          ? 'bendLeft'
          : 'bendRight'
        : isBackRow
          ? 'left'
          : 'right';
    const entry = entryById.get(p.targetId);
    return {
      targetId: p.targetId,
      position: index + 1,
      progress: p,
      kind: p.isSkipped ? 'skipped' : p.status,
      isCurrent: p.targetId === progress.currentTargetId,
      isEnrichment: entry?.enrichment === true,
      skippedReason: p.isSkipped ? (entry?.skippedReason ?? null) : null,
      plannedDate: p.isSkipped ? null : p.plannedDate,
      pacing: p.isSkipped ? null : p.isOverdue ? 'behind' : ahead.has(p.targetId) ? 'ahead' : null,
      row: row + 1,
      column: (isBackRow ? columns - 1 - inRow : inRow) + 1,
      link,
    };
  });
}
