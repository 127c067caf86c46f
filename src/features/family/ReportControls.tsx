import { useId } from 'react';
import { isLanguage, LANGUAGES, type Language } from '#i18n';
import { PAPER_SIZES, type PaperSize } from './paper-size.ts';
import type { ReportText } from './report-text.ts';

export interface ReportControlsProps {
  /** The reader's interface language: the teacher's on the tablet, the report's on the family's page. */
  readonly t: ReportText;
  readonly language: Language;
  readonly onLanguage: (language: Language) => void;
  readonly paper: PaperSize;
  readonly onPaper: (paper: PaperSize) => void;
  /** The family's language tag when the app does not speak it (the report then starts in English). */
  readonly unsupportedTag?: string;
}

/** Report language, paper size and print: screen only, never printed. */
export function ReportControls(props: ReportControlsProps) {
  const id = useId();
  const { t } = props;
  return (
    <section className="card family-controls no-print" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('family.controls.title')}</h2>
      <label htmlFor={`${id}-language`}>{t('family.controls.language')}</label>
      <select
        id={`${id}-language`}
        value={props.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) props.onLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.tag} value={l.tag} lang={l.tag}>
            {l.name}
          </option>
        ))}
      </select>
      {props.unsupportedTag ? (
        <p className="muted">{t('family.controls.languageFallback', { tag: props.unsupportedTag })}</p>
      ) : null}
      <fieldset className="family-paper">
        <legend>{t('family.controls.paper')}</legend>
        <div className="choice-row">
          {PAPER_SIZES.map((size) => (
            <label key={size} className="family-paper-choice">
              <input
                type="radio"
                name={`${id}-paper`}
                value={size}
                checked={props.paper === size}
                onChange={() => props.onPaper(size)}
              />{' '}
              {t(`family.controls.paper.${size}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="choice-row family-print">
        <button type="button" onClick={() => window.print()}>
          <span aria-hidden="true">🖨️</span> {t('family.controls.print')}
        </button>
      </div>
    </section>
  );
}
