import type { CaseImport } from '#protocol/case-package.ts';
import { useT } from '#ui/useT.ts';

/** What an import will bring in and what it leaves out, with reasons. */
export function CaseImportReportView({ imported }: { imported: CaseImport }) {
  const { t } = useT();
  const { report } = imported;
  const ignored = Object.entries(report.ignoredAssociations);
  return (
    <div role="status">
      <h3>{imported.framework.title}</h3>
      <p>
        {t('frameworks.report.summary', {
          targets: t('count.targets', { count: report.targets }),
          groups: t('frameworks.report.groupCount', { count: report.groups.length }),
          prerequisites: t('frameworks.report.prerequisites', { count: report.prerequisites }),
        })}
      </p>
      <p>{t('frameworks.report.groups', { groups: report.groups })}</p>
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
