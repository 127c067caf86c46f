import { useId } from 'react';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import type { FamilyReportView } from './family-report-view.ts';
import { PracticeCards } from './PracticeCards.tsx';
import { reportText, rulesText } from './report-text.ts';
import { SharedWorkSection, type RenderWork } from './SharedWorkSection.tsx';

/**
 * The family report, read-only and all in the report's language: the same component for the teacher's
 * preview and print, and for the family's page opened from a link. Plain words, no scores.
 */
export function FamilyReport({ view, renderWork }: { view: FamilyReportView; renderWork: RenderWork }) {
  const id = useId();
  const say = reportText(view.language);
  const name = view.childName;
  const date = new Intl.DateTimeFormat(view.language, { dateStyle: 'long' }).format(new Date(view.madeAt));

  return (
    <article className="family-report" lang={view.language} aria-labelledby={`${id}-title`}>
      <header className="family-report-header">
        <h1 id={`${id}-title`}>{say('family.report.title', { name })}</h1>
        <p className="muted">{say('family.report.date', { date })}</p>
      </header>

      <section className="family-report-section" aria-labelledby={`${id}-mastered`}>
        <h2 id={`${id}-mastered`}>{say('family.report.mastered.title', { name })}</h2>
        {view.mastered.length === 0 ? (
          <p>{say('family.report.mastered.none')}</p>
        ) : (
          <>
            <p>
              {say('family.report.mastered.summary', { name, learned: view.mastered.length, total: view.neededCount })}
            </p>
            <ul className="family-mastered" aria-label={say('family.report.mastered.list', { name })}>
              {view.mastered.map((target) => (
                <li key={target.id}>
                  <span aria-hidden="true" className="family-check">
                    ✓
                  </span>{' '}
                  {target.statement}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="family-report-section" aria-labelledby={`${id}-current`}>
        <h2 id={`${id}-current`}>{say('family.report.current.title')}</h2>
        {view.current ? (
          <p className="family-current" data-testid="family-current">
            <span aria-hidden="true" className="target-icon">
              <TargetIcon icon={view.current.icon} />
            </span>{' '}
            {view.current.statement}
          </p>
        ) : (
          <p>{say('family.report.current.none')}</p>
        )}
        <h3>{say('family.report.next.title')}</h3>
        <p data-testid="family-next-step">{rulesText(view.language, view.nextStep)}</p>
      </section>

      <SharedWorkSection view={view} renderWork={renderWork} />

      <PracticeCards view={view} />

      <footer className="family-report-footer muted">{say('family.report.footer')}</footer>
    </article>
  );
}
