import type { ReactNode } from 'react';
import type { FamilyReportView } from './family-report-view.ts';
import { reportText } from './report-text.ts';

/** How a report shows one shared photo, drawing or recording: from the tablet, or from the family link. */
export type RenderWork = (blobId: string, label: string) => ReactNode;

/** The work the teacher chose to share, newest first, each with the day and what it was for. */
export function SharedWorkSection({ view, renderWork }: { view: FamilyReportView; renderWork: RenderWork }) {
  if (view.sharedWork.length === 0) return null;
  const say = reportText(view.language);
  const date = new Intl.DateTimeFormat(view.language, { dateStyle: 'long' });
  return (
    <section className="family-report-section family-work" aria-labelledby="family-work-title">
      <h2 id="family-work-title">{say('family.report.work.title', { name: view.childName })}</h2>
      <ul className="family-work-list">
        {view.sharedWork.map((work) => {
          const what = work.targets.map((t) => t.statement).join(' · ');
          const day = date.format(new Date(work.observedAt));
          return (
            <li key={work.id} className="family-work-item">
              <figure>
                {work.blobIds.map((blobId, i) => (
                  <div key={blobId} className="family-work-media">
                    {renderWork(blobId, say('family.report.work.label', { what, day, n: i + 1 }))}
                  </div>
                ))}
                <figcaption>
                  <time dateTime={work.observedAt}>{day}</time>
                  {what ? ` · ${what}` : ''}
                  {work.note ? <span className="family-work-note">{work.note}</span> : null}
                </figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
