import type { RosterPreview } from '#protocol/oneroster.ts';
import { useT } from '#ui/useT.ts';

interface Props {
  readonly preview: RosterPreview;
  readonly chosen: readonly string[];
  readonly onChoose: (chosen: readonly string[]) => void;
}

/** What the files hold and every row that will be skipped, before anything is written. */
export function RosterPreviewView({ preview, chosen, onChoose }: Props) {
  const { t } = useT();
  const toggle = (id: string, on: boolean) => onChoose(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <div>
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
              <tr key={`${p.file}:${p.line}:${p.message}`}>
                <td>{p.file}</td>
                <td>{p.line === 0 ? '–' : p.line}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('roster.preview.noProblems')}</p>
      )}
      {preview.fatal ? null : (
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
      )}
    </div>
  );
}
