import type { ClassRecord, StudentRecord, TargetRecord } from '#db';
import type { TargetStatus } from '#rules';
import type { ProgressSummary, StudentSummary, TargetSummary, WaitingItem } from '#ui/progress-summary.ts';
import { pathState } from '#ui/path-state.ts';

/** A child with no evidence for this long shows under "no recent evidence". */
export const RECENT_EVIDENCE_DAYS = 14;

export type CellState = TargetStatus | 'skipped' | 'notOnPath';

export interface OverviewRow {
  readonly student: StudentRecord;
  /** The rules' answer for this child, as the class views keep it (src/ui/progress-summary.ts). */
  readonly progress: ProgressSummary;
  /** Status per column, in column order. */
  readonly cells: readonly CellState[];
  readonly lastEvidenceAt: string | null;
}

export interface WaitingEvidence {
  readonly student: StudentRecord;
  readonly evidence: WaitingItem;
}

export interface OverviewView {
  /** Columns: the class template's targets, then any other target on a child's path. */
  readonly targets: readonly TargetRecord[];
  readonly rows: readonly OverviewRow[];
  /** Children grouped by their current target (groups form and dissolve as children move on). */
  readonly workingOn: readonly { readonly target: TargetRecord; readonly students: readonly StudentRecord[] }[];
  /** Children with nothing on their path yet (no class path) and those who mastered all of it. */
  readonly noPath: readonly StudentRecord[];
  readonly pathComplete: readonly StudentRecord[];
  /** The rules' next step for these children is to talk with the teacher. */
  readonly needsHelp: readonly OverviewRow[];
  readonly waitingReview: readonly WaitingEvidence[];
  readonly noRecentEvidence: readonly OverviewRow[];
}

/** One child of the class list with their summary (src/db reads them, cached: class-progress.ts). */
export interface OverviewStudent {
  readonly student: StudentRecord;
  readonly summary: StudentSummary;
}

/**
 * Arranges rules results for the class grid and lists. No mastery arithmetic: statuses come from the rules.
 * `targets` are the device's live targets.
 */
export function buildOverviewView(
  group: ClassRecord,
  students: readonly OverviewStudent[],
  targets: readonly TargetRecord[],
  now: Date,
): OverviewView {
  const targetsById = new Map(targets.map((t) => [t.id, t]));
  const columns = columnTargets(
    group,
    students.map((s) => s.summary.progress),
    targetsById,
  );
  const rows = students.map(({ student, summary }): OverviewRow => {
    const byTarget = new Map(summary.progress.targets.map((t) => [t.targetId, t]));
    return {
      student,
      progress: summary.progress,
      cells: columns.map((t) => cellState(byTarget.get(t.id))),
      lastEvidenceAt: summary.lastEvidenceAt,
    };
  });
  const cutoff = new Date(now.getTime() - RECENT_EVIDENCE_DAYS * 86_400_000).toISOString();
  return {
    targets: columns,
    rows,
    workingOn: groupByCurrentTarget(rows, targetsById),
    noPath: rows.filter((r) => pathState(r.progress) === 'noPath').map((r) => r.student),
    pathComplete: rows.filter((r) => pathState(r.progress) === 'complete').map((r) => r.student),
    needsHelp: rows.filter((r) => r.progress.nextStep.kind === 'talkToTeacher'),
    waitingReview: students
      .flatMap(({ student, summary }) => summary.waitingReview.map((evidence) => ({ student, evidence })))
      .sort((a, b) => a.evidence.observedAt.localeCompare(b.evidence.observedAt)),
    noRecentEvidence: rows.filter((r) => r.lastEvidenceAt === null || r.lastEvidenceAt < cutoff),
  };
}

function columnTargets(
  group: ClassRecord,
  progress: readonly ProgressSummary[],
  targetsById: ReadonlyMap<string, TargetRecord>,
): TargetRecord[] {
  const ids = new Set(group.templateTargetIds);
  const others = new Set<string>();
  for (const p of progress) for (const t of p.targets) if (!ids.has(t.targetId)) others.add(t.targetId);
  const extra = [...others].flatMap((id) => targetsById.get(id) ?? []).sort((a, b) => a.sequence - b.sequence);
  return [...[...ids].flatMap((id) => targetsById.get(id) ?? []), ...extra];
}

function cellState(target: TargetSummary | undefined): CellState {
  if (!target) return 'notOnPath';
  return target.isSkipped ? 'skipped' : target.status;
}

function groupByCurrentTarget(rows: readonly OverviewRow[], targetsById: ReadonlyMap<string, TargetRecord>) {
  const groups = new Map<string, StudentRecord[]>();
  for (const row of rows) {
    const id = row.progress.currentTargetId;
    if (id === null || !targetsById.has(id)) continue;
    groups.set(id, [...(groups.get(id) ?? []), row.student]);
  }
  return [...groups]
    .map(([id, students]) => ({ target: targetsById.get(id)!, students }))
    .sort((a, b) => a.target.sequence - b.target.sequence);
}

export type OverviewSort = 'name' | 'mostMastered' | 'fewestMastered' | 'oldestEvidence';

export interface OverviewFilter {
  readonly sort: OverviewSort;
  readonly search: string;
  /** Framework id of the columns to show; '' for all. */
  readonly frameworkId: string;
  readonly onlyNeedsHelp: boolean;
}

/** The target columns shown, each with its index in the view's targets (a row's cells are by that index). */
export type OverviewColumns = readonly { readonly target: TargetRecord; readonly index: number }[];

/** The rows and columns the teacher asked to see, in the order asked for. */
export function applyOverviewFilter(
  view: OverviewView,
  filter: OverviewFilter,
): { readonly columns: OverviewColumns; readonly rows: readonly OverviewRow[] } {
  const search = filter.search.trim().toLocaleLowerCase();
  const columns = view.targets
    .map((target, index) => ({ target, index }))
    .filter(({ target }) => filter.frameworkId === '' || target.frameworkId === filter.frameworkId);
  const rows = view.rows
    .filter((r) => search === '' || r.student.displayName.toLocaleLowerCase().includes(search))
    .filter((r) => !filter.onlyNeedsHelp || r.progress.nextStep.kind === 'talkToTeacher');
  return { columns, rows: [...rows].sort(ROW_ORDER[filter.sort]) };
}

const byName = (a: OverviewRow, b: OverviewRow) => a.student.displayName.localeCompare(b.student.displayName);

const ROW_ORDER: Record<OverviewSort, (a: OverviewRow, b: OverviewRow) => number> = {
  name: byName,
  mostMastered: (a, b) => b.progress.masteredCount - a.progress.masteredCount || byName(a, b),
  fewestMastered: (a, b) => a.progress.masteredCount - b.progress.masteredCount || byName(a, b),
  oldestEvidence: (a, b) => (a.lastEvidenceAt ?? '').localeCompare(b.lastEvidenceAt ?? '') || byName(a, b),
};
