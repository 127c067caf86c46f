import { memo, useMemo, type MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { TargetRecord } from '#db';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { rowCellsHtml, type RowLabels } from './overview-row-html.ts';
import type { CellState, OverviewRow } from './overview-view.ts';

type Columns = readonly { readonly target: TargetRecord; readonly index: number }[];

interface Props {
  readonly columns: Columns;
  readonly rows: readonly OverviewRow[];
  readonly stateLabels: Readonly<Record<CellState, string>>;
}

/** Students × targets. Each cell has an icon and a word as well as a colour, never colour alone. */
export function OverviewGrid({ columns, rows, stateLabels }: Props) {
  const { t, language } = useT();
  const navigate = useNavigate();
  const labels = useMemo<RowLabels>(() => ({ states: stateLabels, current: t('status.current') }), [stateLabels, t]);
  // The rows' name links are plain anchors (see rowCellsHtml): a plain click stays in the app, like <Link>.
  const followLink = (event: MouseEvent<HTMLTableSectionElement>) => {
    const link = (event.target as Element).closest('a');
    if (!link || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(link.getAttribute('href')!);
  };
  return (
    <div className="overview-scroll" tabIndex={0} role="region" aria-labelledby="overview-grid-caption">
      <table className="overview-grid" data-overview-grid>
        <caption id="overview-grid-caption">{t('overview.grid.caption')}</caption>
        <colgroup>
          <col className="overview-name-col" />
          {columns.map(({ target }) => (
            <col key={target.id} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('overview.grid.student')}</th>
            {columns.map(({ target }) => (
              <th scope="col" key={target.id} title={targetStatement(target, language, 'teacher')}>
                {target.code}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onClick={followLink}>
          {rows.map((row) => (
            <GridRow key={row.student.id} row={row} columns={columns} labels={labels} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** React sets a row's HTML only when it differs from the last (a live update rewrites the changed rows). */
const GridRow = memo(function GridRow({
  row,
  columns,
  labels,
}: {
  readonly row: OverviewRow;
  readonly columns: Columns;
  readonly labels: RowLabels;
}) {
  return <tr dangerouslySetInnerHTML={{ __html: rowCellsHtml(row, columns, labels) }} />;
});
