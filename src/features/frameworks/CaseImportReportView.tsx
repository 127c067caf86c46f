import type { PlacedCaseImport } from '#protocol/case-merge.ts';
import { useT } from '#ui/useT.ts';

/** What an import will bring in, update and leave out, with reasons. */
export function CaseImportReportView({ imported }: { imported: PlacedCaseImport }) {
  const { t } = useT();
  const { report, merge } = imported;
  const ignored = Object.entries(report.ignoredAssociations);
  const notTargets = Object.entries(report.notTargets);
  return (
    <div role="status">
      <h3>{imported.framework.title}</h3>
      {merge.into ? (
        <p className="case-merge" data-testid="case-merge">
          <strong>{t('frameworks.report.updates', { title: merge.into.title })}</strong>{' '}
          {t('frameworks.report.updateCounts', {
            updated: t('count.targets', { count: merge.updated }),
            added: merge.added,
            kept: merge.kept,
          })}
        </p>
      ) : null}
      <p>
        {t('frameworks.report.summary', {
          targets: t('count.targets', { count: report.targets }),
          groups: t('frameworks.report.groupCount', { count: report.groups.length }),
          prerequisites: t('frameworks.report.prerequisites', { count: report.prerequisites }),
        })}
      </p>
      <p>{t('frameworks.report.groups', { groups: report.groups })}</p>
      {notTargets.length > 0 ? (
        <p>{t('frameworks.report.notTargets', { list: notTargets.map(([type, count]) => `${type} (${count})`) })}</p>
      ) : null}
      {ignored.length > 0 ? (
        <p>{t('frameworks.report.ignored', { list: ignored.map(([type, count]) => `${type} (${count})`) })}</p>
      ) : null}
      {report.skipped.length > 0 ? (
        <details>
          <summary>{t('frameworks.report.skipped', { count: report.skipped.length })}</summary>
          <ul>
            {report.skipped.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
