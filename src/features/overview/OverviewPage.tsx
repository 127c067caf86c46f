import { useDeferredValue, useMemo, useState } from 'react';
import { downloadFile } from '#ui/download.ts';
import { targetLabel } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { buildOverviewCsv } from './overview-csv.ts';
import { applyOverviewFilter, RECENT_EVIDENCE_DAYS, type CellState, type OverviewFilter } from './overview-view.ts';
import { OverviewControls } from './OverviewControls.tsx';
import { OverviewGrid } from './OverviewGrid.tsx';
import { NeedsHelpList, NoRecentEvidenceList, WaitingReviewList, WorkingOnGroups } from './OverviewLists.tsx';
import { useOverview } from './useOverview.ts';
import './overview.css';

const INITIAL_FILTER: OverviewFilter = { sort: 'name', search: '', frameworkId: '', onlyNeedsHelp: false };

/** The whole class at a glance: the grid, who works on what, who needs help, what waits for review. */
export default function OverviewPage() {
  const { t, language } = useT();
  const loaded = useOverview();
  const [filter, setFilter] = useState(INITIAL_FILTER);
  const stateLabels = useMemo<Record<CellState, string>>(
    () => ({
      notStarted: t('status.notStarted'),
      inProgress: t('status.inProgress'),
      mastered: t('status.mastered'),
      skipped: t('status.skipped'),
      notOnPath: t('overview.notOnPath'),
    }),
    [t],
  );
  const view = loaded.view;
  // The lists sit below the grid, out of view at first: they render just after it, so the grid shows sooner.
  const listsView = useDeferredValue(view, null);
  const shown = useMemo(() => (view ? applyOverviewFilter(view, filter) : null), [view, filter]);
  const targetsById = useMemo(() => new Map(view?.targets.map((target) => [target.id, target]) ?? []), [view]);

  if (loaded.group === null || view === null || shown === null) return <p>{t('class.noClass')}</p>;

  const exportCsv = () => {
    const nameOf = (id: string | null) => {
      const target = id ? targetsById.get(id) : undefined;
      return target ? targetLabel(target, language) : '';
    };
    const csv = buildOverviewCsv(shown.columns, shown.rows, nameOf, {
      student: t('overview.grid.student'),
      current: t('status.current'),
      mastered: t('status.mastered'),
      lastEvidence: t('overview.csv.lastEvidence'),
      states: stateLabels,
    });
    downloadFile(
      new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }),
      `${loaded.group?.name ?? 'class'}-overview.csv`,
    );
  };

  return (
    <section className="page overview-page" aria-labelledby="overview-title">
      <h1 id="overview-title">{t('overview.title', { name: loaded.group.name })}</h1>
      <OverviewControls
        filter={filter}
        frameworks={loaded.frameworks}
        onChange={setFilter}
        onPrint={() => window.print()}
        onExportCsv={exportCsv}
      />
      <p className="muted" role="status">
        {t('overview.showing', {
          students: t('class.studentCount', { count: shown.rows.length }),
          targets: t('count.targets', { count: shown.columns.length }),
        })}
      </p>
      <OverviewGrid columns={shown.columns} rows={shown.rows} stateLabels={stateLabels} />
      {listsView ? (
        <div className="overview-lists">
          <NeedsHelpList rows={listsView.needsHelp} />
          <WaitingReviewList items={listsView.waitingReview} targetsById={targetsById} />
          <WorkingOnGroups view={listsView} />
          <NoRecentEvidenceList rows={listsView.noRecentEvidence} days={RECENT_EVIDENCE_DAYS} />
        </div>
      ) : null}
    </section>
  );
}
