import { useT } from '#ui/useT.ts';
import { RosterImportPanel } from './RosterImportPanel.tsx';
import { StudentsPanel } from './StudentsPanel.tsx';
import './roster.css';

/** Rosters: import from the school's system (OneRoster CSV), and keep students by hand. */
export default function RosterPage() {
  const { t } = useT();
  return (
    <section className="page" aria-labelledby="roster-title">
      <h1 id="roster-title">{t('roster.title')}</h1>
      {/* The import first: in a teacher's first week it is the screen's first action, and the class list
          below can be long. */}
      <RosterImportPanel />
      <StudentsPanel />
    </section>
  );
}
