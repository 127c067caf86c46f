import { useState } from 'react';
import { useT } from '#ui/useT.ts';
import { CaseImportPanel } from './CaseImportPanel.tsx';
import { FrameworkList } from './FrameworkList.tsx';
import { FrameworkTargets } from './FrameworkTargets.tsx';
import { TargetEditorPanel } from './TargetEditorPanel.tsx';
import './frameworks.css';

type View =
  | { readonly kind: 'list' }
  | { readonly kind: 'targets'; readonly frameworkId: string }
  | { readonly kind: 'edit'; readonly frameworkId: string; readonly targetId: string };

/** Frameworks on this device, CASE import and export, and editing a framework's targets. */
export default function FrameworksPage() {
  const { t } = useT();
  const [view, setView] = useState<View>({ kind: 'list' });
  return (
    <section className="page" aria-labelledby="frameworks-title">
      <h1 id="frameworks-title">{t('frameworks.title')}</h1>
      {view.kind === 'list' ? (
        <>
          <FrameworkList onShowTargets={(frameworkId) => setView({ kind: 'targets', frameworkId })} />
          <CaseImportPanel />
        </>
      ) : null}
      {view.kind === 'targets' ? (
        <FrameworkTargets
          frameworkId={view.frameworkId}
          onBack={() => setView({ kind: 'list' })}
          onEdit={(targetId) => setView({ kind: 'edit', frameworkId: view.frameworkId, targetId })}
        />
      ) : null}
      {view.kind === 'edit' ? (
        <TargetEditorPanel
          targetId={view.targetId}
          onBack={() => setView({ kind: 'targets', frameworkId: view.frameworkId })}
        />
      ) : null}
    </section>
  );
}
