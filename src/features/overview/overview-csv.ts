import type { CellState, OverviewColumns, OverviewRow } from './overview-view.ts';
import { csvField, toCsv } from '#protocol/csv.ts';

export { csvField };

export interface CsvLabels {
  readonly student: string;
  readonly current: string;
  readonly mastered: string;
  readonly lastEvidence: string;
  readonly states: Readonly<Record<CellState, string>>;
}

/** The grid as CSV (RFC 4180, CRLF), one row per child and one column per target, statuses as words. */
export function buildOverviewCsv(
  columns: OverviewColumns,
  rows: readonly OverviewRow[],
  codeOf: (targetId: string | null) => string,
  labels: CsvLabels,
): string {
  const header = [
    labels.student,
    labels.current,
    labels.mastered,
    labels.lastEvidence,
    ...columns.map((c) => c.target.code),
  ];
  const body = rows.map((row) => [
    row.student.displayName,
    codeOf(row.progress.currentTargetId),
    `${row.progress.masteredCount}/${row.progress.neededCount}`,
    row.lastEvidenceAt?.slice(0, 10) ?? '',
    ...columns.map((c) => labels.states[row.cells[c.index] ?? 'notOnPath']),
  ]);
  return toCsv([header, ...body]);
}
