import type { CellState, OverviewRow } from './overview-view.ts';
import type { TargetRecord } from '#db';

export interface CsvLabels {
  readonly student: string;
  readonly current: string;
  readonly mastered: string;
  readonly lastEvidence: string;
  readonly states: Readonly<Record<CellState, string>>;
}

/** The grid as CSV (RFC 4180, CRLF), one row per child and one column per target, statuses as words. */
export function buildOverviewCsv(
  columns: readonly { readonly target: TargetRecord; readonly index: number }[],
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
  return [header, ...body].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Quotes when needed, and defuses text a spreadsheet would run as a formula (=, +, -, @). */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
