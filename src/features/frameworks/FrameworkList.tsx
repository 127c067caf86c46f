import { useLiveQuery } from 'dexie-react-hooks';
import { listFrameworks, useStore, type FrameworkRecord } from '#db';
import { listFrameworkTargets } from '#db/case-repository.ts';
import { exportCasePackage } from '#protocol/case-package.ts';
import { useT } from '#ui/useT.ts';
import { downloadFile } from '#ui/download.ts';

/** The frameworks on this device, each with its target count, its targets to edit and an export to CASE. */
export function FrameworkList({ onShowTargets }: { onShowTargets: (frameworkId: string) => void }) {
  const { t } = useT();
  const store = useStore();
  const rows = useLiveQuery(
    async () =>
      Promise.all(
        (await listFrameworks(store)).map(async (framework) => ({
          framework,
          count: (await listFrameworkTargets(store, framework.id)).length,
        })),
      ),
    [store],
  );

  const exportFramework = async (framework: FrameworkRecord) => {
    const targets = await listFrameworkTargets(store, framework.id);
    const json = JSON.stringify(exportCasePackage(framework, targets, new Date().toISOString()), null, 1);
    downloadFile(
      new Blob([json], { type: 'application/json' }),
      `${framework.title.replace(/[^\p{L}\p{N}]+/gu, '-')}.case.json`,
    );
  };

  if (!rows) return <p role="status">{t('common.loading')}</p>;
  return (
    <section className="card" aria-labelledby="framework-list-title">
      <h2 id="framework-list-title">{t('frameworks.list.title')}</h2>
      <ul className="plain-list">
        {rows.map(({ framework, count }) => (
          <li key={framework.id}>
            <strong>{framework.title}</strong> — {t('count.targets', { count })}
            {/* The visible words are short; screen readers hear which framework each button is for. */}
            <div className="form-actions">
              <button type="button" onClick={() => onShowTargets(framework.id)}>
                {t('targetEdit.list.open')}{' '}
                <span className="visually-hidden">{t('targetEdit.list.openOf', { title: framework.title })}</span>
              </button>
              <button type="button" className="secondary" onClick={() => void exportFramework(framework)}>
                {t('frameworks.list.export')}{' '}
                <span className="visually-hidden">{t('frameworks.list.exportOf', { title: framework.title })}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
