import { memo, useMemo, useRef, type CSSProperties, type MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '#ui/useT.ts';
import { rowCellsHtml, type RowLabels } from './overview-row-html.ts';
import type { CellState, OverviewColumns, OverviewRow } from './overview-view.ts';
import { OverviewPrint } from './OverviewPrint.tsx';
import { TargetHeader } from './TargetHeader.tsx';
import { useCellWindow } from './useCellWindow.ts';
import { useKeepLinkFocus } from './useKeepLinkFocus.ts';
import { usePrinting } from './usePrinting.ts';

interface Props {
  readonly columns: OverviewColumns;
  readonly rows: readonly OverviewRow[];
  readonly stateLabels: Readonly<Record<CellState, string>>;
}

/**
 * Students × targets. Each cell has an icon and a word as well as a colour, never colour alone.
 * Every student's row is in the DOM with the child's name, but status cells only in the rows and target
 * columns in view (and a few each side): see useCellWindow. aria-colcount and aria-colindex tell assistive
 * technology where the rendered ones are. Paper does not scroll: while printing, OverviewPrint gives every
 * cell in tables that fit the page, and the print stylesheet hides this one.
 */
export function OverviewGrid({ columns, rows, stateLabels }: Props) {
  const { t, language } = useT();
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const keepFocus = useKeepLinkFocus(bodyRef);
  const cells = useCellWindow(scrollRef, columns.length, rows.length);
  const printing = usePrinting();
  const { start, end } = cells.columns;
  const labels = useMemo<RowLabels>(() => ({ states: stateLabels, current: t('status.current') }), [stateLabels, t]);
  // The rows' name links are plain anchors (see rowCellsHtml): a plain click stays in the app, like <Link>.
  const followLink = (event: MouseEvent<HTMLTableSectionElement>) => {
    const link = (event.target as Element).closest('a');
    if (!link || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(link.getAttribute('href')!);
  };
  return (
    <>
      <div
        ref={scrollRef}
        className="overview-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="overview-grid-caption"
      >
        <table
          className="overview-grid"
          data-overview-grid
          aria-colcount={columns.length + 1}
          style={
            {
              '--overview-columns': columns.length,
              '--overview-column-width': t('overview.grid.columnWidth'),
            } as CSSProperties
          }
        >
          <caption id="overview-grid-caption">{t('overview.grid.caption')}</caption>
          <colgroup>
            <col className="overview-name-col" />
            {columns.map(({ target }) => (
              <col key={target.id} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" aria-colindex={1}>
                {t('overview.grid.student')}
              </th>
              <Spacer span={start} />
              {columns.slice(start, end).map(({ target }, i) => (
                <TargetHeader key={target.id} target={target} language={language} colIndex={start + i + 2} />
              ))}
              <Spacer span={columns.length - end} />
            </tr>
          </thead>
          <tbody ref={bodyRef} onClick={followLink} {...keepFocus}>
            {rows.map((row, i) => {
              // Rows out of view keep their name (every child stays in reach by keyboard and screen reader).
              const withCells = i >= cells.rows.start && i < cells.rows.end;
              return (
                <GridRow
                  key={row.student.id}
                  row={row}
                  columns={columns}
                  labels={labels}
                  start={withCells ? start : 0}
                  end={withCells ? end : 0}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {printing ? <OverviewPrint columns={columns} rows={rows} labels={labels} /> : null}
    </>
  );
}

/** Stands for the columns left out of the DOM, so the table keeps its width and the scrollbar its length. */
function Spacer({ span }: { readonly span: number }) {
  return span > 0 ? <td className="overview-spacer" colSpan={span} aria-hidden="true" /> : null;
}

/**
 * React sets a row's HTML only when its props change: a live update rewrites the changed rows, a scroll to
 * other columns the rows with cells, a scroll to other rows the rows that gain or lose their cells.
 * [start, end) are the target columns to give cells (none for a row out of view).
 */
const GridRow = memo(function GridRow({
  row,
  columns,
  labels,
  start,
  end,
}: {
  readonly row: OverviewRow;
  readonly columns: OverviewColumns;
  readonly labels: RowLabels;
  readonly start: number;
  readonly end: number;
}) {
  return <tr dangerouslySetInnerHTML={{ __html: rowCellsHtml(row, columns, labels, { start, end }) }} />;
});
