import { memo } from 'react';
import { Link } from 'react-router-dom';
import type { TargetRecord } from '#db';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import type { CellState, OverviewRow } from './overview-view.ts';

interface Props {
  readonly columns: readonly { readonly target: TargetRecord; readonly index: number }[];
  readonly rows: readonly OverviewRow[];
  readonly stateLabels: Readonly<Record<CellState, string>>;
}

/** Students × targets. Each cell has an icon and a word as well as a colour, never colour alone. */
export function OverviewGrid({ columns, rows, stateLabels }: Props) {
  const { t, language } = useT();
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
        <tbody>
          {rows.map((row) => (
            <GridRow
              key={row.student.id}
              row={row}
              columns={columns}
              stateLabels={stateLabels}
              currentLabel={t('status.current')}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Memoized: a new evidence record re-renders the rows whose data changed, not all 1,800 cells. */
const GridRow = memo(function GridRow({
  row,
  columns,
  stateLabels,
  currentLabel,
}: Omit<Props, 'rows'> & { readonly row: OverviewRow; readonly currentLabel: string }) {
  const current = row.progress.currentTargetId;
  return (
    <tr>
      <th scope="row">
        <Link to={`/conference/${row.student.id}`}>{row.student.displayName}</Link>
      </th>
      {columns.map(({ target, index }) => {
        const state = row.cells[index] ?? 'notOnPath';
        const isCurrent = target.id === current;
        return (
          // One text node per cell (the icon comes from CSS, hidden from screen readers): 1,800 cells stay light.
          <td key={target.id} className={`cell cell-${state}${isCurrent ? ' cell-current' : ''}`}>
            {stateLabels[state]}
            {isCurrent ? <span className="visually-hidden"> ({currentLabel})</span> : null}
          </td>
        );
      })}
    </tr>
  );
});
