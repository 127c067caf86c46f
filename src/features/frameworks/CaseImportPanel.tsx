import { useId, useState } from 'react';
import { useStore } from '#db';
import { prepareCaseImport, saveCaseImport } from '#db/case-repository.ts';
import type { PlacedCaseImport } from '#protocol/case-merge.ts';
import { CasePackageError, importCasePackageText } from '#protocol/case-package.ts';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';
import { CaseImportReportView } from './CaseImportReportView.tsx';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preview'; readonly imported: PlacedCaseImport }
  | { readonly kind: 'saved'; readonly title: string; readonly count: number; readonly updated: boolean }
  | { readonly kind: 'bad'; readonly problems: readonly string[] };

/** Reads a CASE package and shows what it will import and skip; nothing is saved until the teacher says so. */
export function CaseImportPanel() {
  const { t } = useT();
  const store = useStore();
  const inputId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const read = async (file: File) => {
    try {
      const text = await file.text();
      setState({ kind: 'preview', imported: await prepareCaseImport(store, importCasePackageText(text)) });
    } catch (error) {
      setState({ kind: 'bad', problems: error instanceof CasePackageError ? error.problems : [String(error)] });
    }
  };

  const save = async (imported: PlacedCaseImport) => {
    await whileBusy(saveCaseImport(store, imported));
    const updated = imported.merge.into !== null;
    setState({ kind: 'saved', title: imported.framework.title, count: imported.targets.length, updated });
  };

  return (
    <section className="card" aria-labelledby="case-import-title">
      <h2 id="case-import-title">{t('frameworks.import.title')}</h2>
      <p>{t('frameworks.import.help')}</p>
      <p>
        <label htmlFor={inputId}>{t('frameworks.import.choose')}</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void read(file);
          }}
        />
      </p>
      {state.kind === 'preview' ? (
        <>
          <CaseImportReportView imported={state.imported} />
          <button type="button" className="big" onClick={() => void save(state.imported)}>
            {state.imported.merge.into
              ? t('frameworks.import.updateButton', { title: state.imported.merge.into.title })
              : t('frameworks.import.button', { count: state.imported.targets.length })}
          </button>
        </>
      ) : null}
      {state.kind === 'saved' ? (
        <p role="status">
          {t(state.updated ? 'frameworks.import.updated' : 'frameworks.import.done', {
            title: state.title,
            count: state.count,
          })}
        </p>
      ) : null}
      {state.kind === 'bad' ? (
        <div role="alert">
          <p>{t('frameworks.import.bad')}</p>
          <ul>
            {state.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
