import { useT } from '#ui/useT.ts';
import { CaseImportPanel } from './CaseImportPanel.tsx';
import { FrameworkList } from './FrameworkList.tsx';

/** Frameworks on this device, CASE import with a report before saving, and export back to CASE. */
export default function FrameworksPage() {
  const { t } = useT();
  return (
    <section className="page" aria-labelledby="frameworks-title">
      <h1 id="frameworks-title">{t('frameworks.title')}</h1>
      <FrameworkList />
      <CaseImportPanel />
    </section>
  );
}
