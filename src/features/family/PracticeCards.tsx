import { useId } from 'react';
import type { FamilyReportView } from './family-report-view.ts';
import { reportText } from './report-text.ts';

/** Big letters for a letter, smaller type for words and phrases, so every card fits its label on one line. */
function cardSize(label: string): 'card-xl' | 'card-l' | 'card-m' {
  if (label.length <= 2) return 'card-xl';
  return label.length <= 6 ? 'card-l' : 'card-m';
}

/** Home practice: the items not known yet as cut-out cards (dashed cut lines; never split across pages). */
export function PracticeCards({ view }: { view: FamilyReportView }) {
  const id = useId();
  const say = reportText(view.language);
  const practice = view.practice;

  return (
    <section
      className={practice ? 'family-report-section family-practice has-cards' : 'family-report-section family-practice'}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{say('family.report.practice.title')}</h2>
      {practice ? (
        <>
          <p>{say('family.report.practice.howTo')}</p>
          <p>
            <strong>{say('family.report.practice.for', { target: practice.target.statement })}</strong>
          </p>
          <ul className="family-cards" aria-label={say('family.report.practice.list')}>
            {practice.cards.map((label, index) => (
              <li key={`${index}-${label}`} className={`family-card ${cardSize(label)}`}>
                {label}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{say('family.report.practice.none', { name: view.childName })}</p>
      )}
    </section>
  );
}
