import type { FrameworkRecord } from '#db';
import { useT } from '#ui/useT.ts';
import type { OverviewFilter, OverviewSort } from './overview-view.ts';

const SORTS: readonly OverviewSort[] = ['name', 'mostMastered', 'fewestMastered', 'oldestEvidence'];

interface Props {
  readonly filter: OverviewFilter;
  readonly frameworks: readonly FrameworkRecord[];
  readonly onChange: (filter: OverviewFilter) => void;
  readonly onPrint: () => void;
  readonly onExportCsv: () => void;
}

export function OverviewControls({ filter, frameworks, onChange, onPrint, onExportCsv }: Props) {
  const { t } = useT();
  return (
    <div className="overview-controls no-print" role="group" aria-label={t('overview.controls')}>
      <label>
        {t('overview.sort')}
        <select
          value={filter.sort}
          onChange={(e) => onChange({ ...filter, sort: e.currentTarget.value as OverviewSort })}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`overview.sort.${sort}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('overview.search')}
        <input
          type="search"
          value={filter.search}
          onChange={(e) => onChange({ ...filter, search: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('overview.framework')}
        <select
          value={filter.frameworkId}
          onChange={(e) => onChange({ ...filter, frameworkId: e.currentTarget.value })}
        >
          <option value="">{t('overview.framework.all')}</option>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filter.onlyNeedsHelp}
          onChange={(e) => onChange({ ...filter, onlyNeedsHelp: e.currentTarget.checked })}
        />
        {t('overview.onlyNeedsHelp')}
      </label>
      <button type="button" className="secondary" onClick={onPrint}>
        {t('overview.print')}
      </button>
      <button type="button" className="secondary" onClick={onExportCsv}>
        {t('overview.csv')}
      </button>
    </div>
  );
}
