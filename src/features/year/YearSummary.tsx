import { useT } from '#ui/useT.ts';

interface YearSummaryProps {
  readonly from: string;
  readonly name: string;
  readonly year: string;
  readonly going: number;
  readonly staying: number;
  readonly mastered: number;
  readonly working: boolean;
  readonly problem: string | null;
  onStart(): void;
  onBack(): void;
}

/** The confirm step: what the new school year will hold and what stays, before anything is written. */
export function YearSummary(props: YearSummaryProps) {
  const { t } = useT();
  return (
    <div className="card" role="group" aria-labelledby="year-summary-title">
      <h2 id="year-summary-title">{t('year.summary.title')}</h2>
      <ul>
        <li>{t('year.summary.children', { count: props.going, name: props.name, year: props.year })}</li>
        <li>{t('year.summary.mastered', { count: props.mastered })}</li>
        {props.staying > 0 ? <li>{t('year.summary.left', { count: props.staying, name: props.from })}</li> : null}
        <li>{t('year.summary.closed', { name: props.from })}</li>
      </ul>
      {props.problem ? <p role="alert">{props.problem}</p> : null}
      <div className="form-actions">
        <button type="button" className="big" disabled={props.working} onClick={props.onStart}>
          {props.working ? t('year.working') : t('year.start')}
        </button>
        <button type="button" className="secondary" disabled={props.working} onClick={props.onBack}>
          {t('common.back')}
        </button>
      </div>
    </div>
  );
}
