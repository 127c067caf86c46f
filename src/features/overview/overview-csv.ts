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

/**
 * The grid as CSV (RFC 4180, CRLF), one row per child and one column per target, statuses as words. Targets
 * are named by `nameOf` (code and statement: several targets share a code), and every column name is
 * unique, so a spreadsheet can tell the columns apart.
 */
export function buildOverviewCsv(
  columns: OverviewColumns,
  rows: readonly OverviewRow[],
  nameOf: (targetId: string | null) => string,
  labels: CsvLabels,
): string {
  const header = uniqueNames([
    labels.student,
    labels.current,
    labels.mastered,
    labels.lastEvidence,
    ...columns.map((c) => nameOf(c.target.id)),
  ]);
  const body = rows.map((row) => [
    row.student.displayName,
    nameOf(row.progress.currentTargetId),
    `${row.progress.masteredCount}/${row.progress.neededCount}`,
    row.lastEvidenceAt?.slice(0, 10) ?? '',
    ...columns.map((c) => labels.states[row.cells[c.index] ?? 'notOnPath']),
  ]);
  return toCsv([header, ...body]);
}

/** Names made unique by a number after the second and later copies: "X", "X (2)", "X (3)". */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name} (${n})`;
    used.add(unique);
    return unique;
  });
}
