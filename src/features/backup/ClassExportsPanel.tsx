import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { getActiveClass, listClasses, listEvidenceForStudent, useStore } from '#db';
import { loadClassExportData, loadClassExportFrame } from '#db/export-repository.ts';
import { UTF8_BOM } from '#protocol/csv.ts';
import { buildOneRosterResults, type CsvFile } from '#protocol/oneroster-results.ts';
import { downloadFile, fileNamePart } from '#ui/download.ts';
import { evaluateProgress } from '#ui/progress-input.ts';
import { useT } from '#ui/useT.ts';
import { buildMasteryCsv } from './class-csv.ts';
import { streamEvidenceCsv } from './evidence-csv-stream.ts';
import { buildGradebookInput, SOURCED_ID } from './gradebook-export.ts';
import { WriteProgress } from './WriteProgress.tsx';
import './backup.css';

/** What the last action said, shown under the buttons of its part (spreadsheets or OneRoster). */
type Message = { readonly part: 'csv' | 'oneRoster'; readonly kind: 'done' | 'problem'; readonly text: string } | null;

/** A class's evidence and mastery as spreadsheets, and its results as OneRoster 1.2 gradebook files. */
export function ClassExportsPanel() {
  const { t, language } = useT();
  const store = useStore();
  const id = useId();
  const classes = useLiveQuery(async () => {
    const [all, active] = await Promise.all([listClasses(store), getActiveClass(store)]);
    return { all, activeId: active?.id ?? '' };
  }, [store]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [term, setTerm] = useState('');
  const [files, setFiles] = useState<readonly CsvFile[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [writing, setWriting] = useState<{ done: number; total: number } | null>(null);

  if (!classes) return null;
  const classId = chosen ?? classes.activeId;
  const stamp = () => new Date().toISOString().slice(0, 10);

  const load = async () => {
    const data = await loadClassExportData(store, classId);
    if (!data) throw new Error(t('exports.noClass'));
    const now = new Date();
    return { data, now, progress: data.students.map((s) => evaluateProgress(s, now)) };
  };
  const run = (part: 'csv' | 'oneRoster', action: () => Promise<string>) => () =>
    void action().then(
      (text) => setMessage({ part, kind: 'done', text }),
      (error: unknown) =>
        setMessage({ part, kind: 'problem', text: error instanceof Error ? error.message : String(error) }),
    );
  const said = (part: 'csv' | 'oneRoster') => (
    <>
      <p role="status">{message?.part === part && message.kind === 'done' ? message.text : null}</p>
      {message?.part === part && message.kind === 'problem' ? <p role="alert">{message.text}</p> : null}
    </>
  );
  const saveCsv = (csv: string, name: string) =>
    downloadFile(new Blob([UTF8_BOM, csv], { type: 'text/csv;charset=utf-8' }), name);

  // A year's evidence is written one student at a time (evidence-csv-stream.ts), with a progress bar.
  const exportEvidence = run('csv', async () => {
    const frame = await loadClassExportFrame(store, classId);
    if (!frame) throw new Error(t('exports.noClass'));
    setWriting({ done: 0, total: frame.students.length });
    try {
      const read = (studentId: string) => listEvidenceForStudent(store, studentId);
      const progress = (done: number, total: number) => setWriting({ done, total });
      const { file, rows } = await streamEvidenceCsv(frame, read, t, language, progress);
      downloadFile(file, `${fileNamePart(frame.group.name)}-evidence-${stamp()}.csv`);
      return t('exports.evidence.done', { count: rows, name: frame.group.name });
    } finally {
      setWriting(null);
    }
  });
  const exportMastery = run('csv', async () => {
    const { data, progress } = await load();
    saveCsv(buildMasteryCsv(data, progress, t, language), `${fileNamePart(data.group.name)}-mastery-${stamp()}.csv`);
    return t('exports.mastery.done', { count: data.students.length, name: data.group.name });
  });
  const prepareOneRoster = run('oneRoster', async () => {
    setFiles(null);
    if (!SOURCED_ID.test(term.trim())) throw new Error(t('exports.oneRoster.badTerm'));
    const { data, progress, now } = await load();
    const input = buildGradebookInput(
      data,
      progress,
      { exportedAt: now.toISOString(), academicSessionSourcedId: term.trim() },
      t,
      language,
    );
    setFiles(buildOneRosterResults(input));
    return t('exports.oneRoster.ready', { results: input.results.length, lineItems: input.lineItems.length });
  });
  const saveFile = (file: CsvFile) =>
    downloadFile(new Blob([file.text], { type: 'text/csv;charset=utf-8' }), file.name);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('exports.title')}</h2>
      <p>{t('exports.help')}</p>
      {classes.all.length === 0 ? (
        <p>{t('exports.noClass')}</p>
      ) : (
        <>
          <label htmlFor={`${id}-class`}>{t('exports.class')}</label>
          <select
            id={`${id}-class`}
            value={classId}
            onChange={(e) => {
              setChosen(e.currentTarget.value);
              setFiles(null);
              setMessage(null);
            }}
          >
            {classes.all.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <div className="form-actions">
            <button type="button" onClick={exportEvidence}>
              {t('exports.evidence.button')}
            </button>
            <button type="button" onClick={exportMastery}>
              {t('exports.mastery.button')}
            </button>
          </div>
          {writing ? (
            <WriteProgress label={t('exports.evidence.progress')} done={writing.done} total={writing.total} />
          ) : null}
          {said('csv')}
          <h3>{t('exports.oneRoster.title')}</h3>
          <p>{t('exports.oneRoster.help')}</p>
          <label htmlFor={`${id}-term`}>{t('exports.oneRoster.term')}</label>
          <input
            id={`${id}-term`}
            value={term}
            aria-describedby={`${id}-term-help`}
            onChange={(e) => {
              setTerm(e.currentTarget.value);
              setFiles(null);
            }}
          />
          <p id={`${id}-term-help`} className="muted">
            {t('exports.oneRoster.termHelp')}
          </p>
          <button type="button" onClick={prepareOneRoster}>
            {t('exports.oneRoster.prepare')}
          </button>
          {said('oneRoster')}
          {files ? (
            <ul className="choice-row export-files">
              {files.map((file) => (
                <li key={file.name}>
                  <button type="button" className="secondary" onClick={() => saveFile(file)}>
                    {t('exports.oneRoster.download', { name: file.name })}
                  </button>
                </li>
              ))}
              <li>
                <button type="button" onClick={() => files.forEach(saveFile)}>
                  {t('exports.oneRoster.downloadAll', { count: files.length })}
                </button>
              </li>
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
