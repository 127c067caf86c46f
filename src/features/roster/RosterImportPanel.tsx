import { useId, useState } from 'react';
import { ACTIVE_CLASS_KEY, rosterId, setSetting, useStore, type RosterImportResult } from '#db';
import { importRoster } from '#db/roster-import.ts';
import { LANGUAGES } from '#i18n';
import { previewOneRoster, type RosterPreview } from '#protocol/oneroster.ts';
import { whileBusy } from '#state/activity-store.ts';
import { PICTURES } from '#ui/pictures.ts';
import { useT } from '#ui/useT.ts';
import { carryInto, carryReasons } from './known-child.ts';
import { RosterPreviewView } from './RosterPreviewView.tsx';

/** Choose the CSV files, read the preview (every row's problems), tick classes, then import. */
export function RosterImportPanel() {
  const { t } = useT();
  const store = useStore();
  const inputId = useId();
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [language, setLanguage] = useState('en');
  const [message, setMessage] = useState<string | null>(null);

  const read = async (files: FileList) => {
    const texts: Record<string, string> = {};
    for (const file of Array.from(files)) texts[file.name.toLowerCase()] = await file.text();
    const next = previewOneRoster(texts);
    setPreview(next);
    setChosen(next.fatal ? [] : next.classes.map((c) => c.sourcedId));
    setMessage(null);
  };

  const runImport = async () => {
    if (!preview) return;
    let result: RosterImportResult;
    try {
      const pictures = Object.keys(PICTURES);
      result = await whileBusy(
        importRoster(store, preview, {
          classSourcedIds: chosen,
          pictures,
          familyLanguage: language,
          // A child known from last year (or added by hand) carries their status into the new record.
          carry: async (earlier, classId) => ({
            status: await carryInto(store, earlier, classId),
            reasons: await carryReasons(store, earlier, t),
          }),
        }),
      );
    } catch (error) {
      setMessage(t('roster.import.failed', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const counts = t('roster.import.done', {
      classes: t('roster.import.classCount', { count: result.classes }),
      students: t('roster.import.studentCount', { count: result.students }),
    });
    const notes = [
      ...(result.inSeveralClasses > 0 ? [t('roster.import.inSeveral', { count: result.inSeveralClasses })] : []),
      ...(result.linked > 0 ? [t('roster.import.linked', { count: result.linked })] : []),
    ];
    const done = [counts, ...notes].join(' ');
    // The teacher imported their class to work with it: the tablet shows it from now on (the first one, of
    // several; the Class page chooses among them). The import is saved whether or not this is.
    const shown = result.classIds[0];
    const name = preview.classes.find((c) => rosterId(c.sourcedId) === shown)?.title;
    if (shown === undefined || name === undefined) return setMessage(done);
    const switched = await setSetting(store, ACTIVE_CLASS_KEY, shown).then(
      () => true,
      () => false,
    );
    setMessage(switched ? `${done} ${t('roster.import.nowShowing', { name })}` : done);
  };

  return (
    <section className="card" aria-labelledby="roster-import-title">
      <h2 id="roster-import-title">{t('roster.import.title')}</h2>
      <p>{t('roster.import.help')}</p>
      <p>
        <label htmlFor={inputId}>{t('roster.import.choose')}</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          multiple
          onChange={(e) => {
            const files = e.currentTarget.files;
            if (files && files.length > 0) void read(files);
          }}
        />
      </p>
      {preview ? (
        <>
          <RosterPreviewView preview={preview} chosen={chosen} onChoose={setChosen} />
          <p>
            <label>
              {t('roster.import.language')}{' '}
              <select value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
                {LANGUAGES.map((l) => (
                  <option key={l.tag} value={l.tag}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
          </p>
          <button
            type="button"
            className="big"
            disabled={preview.fatal || chosen.length === 0}
            onClick={() => void runImport()}
          >
            {t('roster.import.button', { count: chosen.length })}
          </button>
        </>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
