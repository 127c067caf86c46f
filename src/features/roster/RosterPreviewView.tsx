import type { RosterPreview } from '#protocol/oneroster.ts';
import { useT } from '#ui/useT.ts';
import { problemText, rowViews, type RowMark, type RowView } from './roster-preview-view.ts';

interface Props {
  readonly preview: RosterPreview;
  readonly chosen: readonly string[];
  readonly onChoose: (chosen: readonly string[]) => void;
}

const MARK_SYMBOL: Readonly<Record<RowMark, string>> = { import: '✓', not: '–', problem: '⚠' };

/** Problems with the files, the classes to tick, and what happens to every person and enrollment row. */
export function RosterPreviewView({ preview, chosen, onChoose }: Props) {
  const { t } = useT();
  const toggle = (id: string, on: boolean) => onChoose(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  const rows = rowViews(t, preview, chosen);
  const users = rows.filter((_, i) => preview.rows[i]!.file === 'users.csv');
  const enrollments = rows.filter((_, i) => preview.rows[i]!.file === 'enrollments.csv');
  const imported = rows.filter((r) => r.mark === 'import').length;
  return (
    <div className="roster-preview">
      <p>{t('roster.preview.version', { version: preview.version === 'unknown' ? '?' : preview.version })}</p>
      {preview.fatal ? <p role="alert">{t('roster.preview.fatal')}</p> : null}
      {preview.problems.length > 0 ? (
        <table>
          <caption>{t('roster.preview.problems', { count: preview.problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.preview.file')}</th>
              <th scope="col">{t('roster.preview.line')}</th>
              <th scope="col">{t('roster.preview.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.problems.map((p) => (
              <tr key={`${p.file}:${p.line}:${p.issue.code}`}>
                <td>{p.file}</td>
                <td>{p.line === 0 ? '–' : p.line}</td>
                <td>{problemText(t, p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.fatal ? null : (
        <>
          <fieldset>
            <legend>{t('roster.preview.classes')}</legend>
            {preview.classes.map((c) => (
              <label key={c.sourcedId} className="checkbox-label">
                <input
                  type="checkbox"
                  checked={chosen.includes(c.sourcedId)}
                  onChange={(e) => toggle(c.sourcedId, e.currentTarget.checked)}
                />{' '}
                {t('roster.preview.class', { title: c.title, count: c.students.length })}
              </label>
            ))}
          </fieldset>
          <p data-testid="roster-summary">
            {t('roster.preview.summary', {
              rows: t('roster.preview.rowCount', { count: rows.length }),
              imported,
              notImported: rows.length - imported,
            })}
          </p>
          <RowTable caption={t('roster.preview.users')} rows={users} withClass={false} />
          <RowTable caption={t('roster.preview.enrollments')} rows={enrollments} withClass />
        </>
      )}
    </div>
  );
}

function RowTable({ caption, rows, withClass }: { caption: string; rows: readonly RowView[]; withClass: boolean }) {
  const { t } = useT();
  if (rows.length === 0) return null;
  return (
    <table className="roster-rows">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('roster.preview.line')}</th>
          <th scope="col">{t('roster.preview.person')}</th>
          {withClass ? <th scope="col">{t('roster.preview.class.column')}</th> : null}
          <th scope="col">{t('roster.preview.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={`roster-row-${r.mark}`}>
            <td>{r.line}</td>
            <td>{r.person}</td>
            {withClass ? <td>{r.className}</td> : null}
            <td>
              <span aria-hidden="true" className="roster-mark">
                {MARK_SYMBOL[r.mark]}
              </span>{' '}
              {/* The other rows' words start with "Not imported" or "Cannot be imported" already. */}
              {r.mark === 'import' ? (
                <span className="visually-hidden">{t('roster.preview.mark.import')}: </span>
              ) : null}
              {r.text}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
