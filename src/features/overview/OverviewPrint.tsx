import type { CSSProperties } from 'react';
import { useT } from '#ui/useT.ts';
import { rowCellsHtml, type RowLabels } from './overview-row-html.ts';
import type { OverviewColumns, OverviewRow } from './overview-view.ts';
import { TargetHeader } from './TargetHeader.tsx';

/** Target columns in one printed table: ten fit across landscape A4 and Letter at the print font. */
export const PRINT_COLUMNS = 10;
/** Shares of the page's width, in %: the names' column and each target's. */
const NAME_SHARE = 16;
const TARGET_SHARE = (100 - NAME_SHARE) / PRINT_COLUMNS;

/**
 * The grid on paper, which does not scroll: the targets in tables of PRINT_COLUMNS, one under another, each
 * with every child's name and all their cells. Rendered only while printing (see OverviewGrid).
 */
export function OverviewPrint({
  columns,
  rows,
  labels,
}: {
  readonly columns: OverviewColumns;
  readonly rows: readonly OverviewRow[];
  readonly labels: RowLabels;
}) {
  const { t, language } = useT();
  const parts: OverviewColumns[] = [];
  for (let from = 0; from < columns.length; from += PRINT_COLUMNS)
    parts.push(columns.slice(from, from + PRINT_COLUMNS));
  return (
    <div className="overview-print">
      {parts.map((part, n) => {
        const from = n * PRINT_COLUMNS + 1;
        const share = NAME_SHARE + part.length * TARGET_SHARE;
        return (
          // A last, shorter part keeps the others' column widths rather than spreading over the page.
          <table
            key={from}
            className="overview-grid overview-print-table"
            style={{ width: `${share}%`, '--print-name-width': `${(NAME_SHARE / share) * 100}%` } as CSSProperties}
          >
            <caption>{t('overview.print.part', { from, to: from + part.length - 1, total: columns.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.grid.student')}</th>
                {part.map(({ target }) => (
                  <TargetHeader key={target.id} target={target} language={language} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.student.id} dangerouslySetInnerHTML={{ __html: rowCellsHtml(row, part, labels) }} />
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
