import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router-dom';
import { loadStudentProgressData, useEvidencePage, useStore } from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';
import { Picture } from '#ui/Picture.tsx';
import { useT } from '#ui/useT.ts';
import { useConferenceNav } from './conference-nav.ts';
import { ConferenceOverview } from './ConferenceOverview.tsx';
import { TIMELINE_PAGE } from './EvidenceTimeline.tsx';
import { CheckScreen } from './CheckScreen.tsx';
import { CheckResult } from './CheckResult.tsx';
import { ObservationPanel } from './ObservationPanel.tsx';
import { Flashcards } from './Flashcards.tsx';
import './conference.css';

/** One student, one teacher: where they are, a quick check, evidence, and the next step agreed together. */
export default function ConferencePage() {
  const { studentId = '' } = useParams();
  const { t } = useT();
  const store = useStore();
  const nav = useConferenceNav();
  const view = useLiveQuery(async () => {
    const data = await loadStudentProgressData(store, studentId);
    return data ? { data, progress: evaluateProgress(data, new Date(store.env.now())) } : null;
  }, [store, studentId]);
  // Read at once, beside the progress: the timeline need not wait for the page to render first.
  const timeline = useEvidencePage(studentId, TIMELINE_PAGE);

  if (view === undefined) return <p role="status">{t('common.loading')}</p>;
  if (view === null) return <p>{t('common.notFound')}</p>;
  const { data, progress } = view;
  const screen = nav.view;

  return (
    <article className="page conference-page" aria-labelledby="conference-title">
      <nav className="conference-crumbs no-print" aria-label={t('conference.crumbs')}>
        {screen.kind === 'overview' ? (
          <Link to={`/student/${studentId}`} className="back-link">
            ← {t('conference.toStudent')}
          </Link>
        ) : (
          <button type="button" className="secondary" onClick={nav.overview}>
            ← {t('conference.toOverview')}
          </button>
        )}
      </nav>
      <header className="student-header no-print">
        <Picture id={data.student.picture} className="picture picture-large" />
        <h1 id="conference-title">{t('conference.title', { name: data.student.displayName })}</h1>
      </header>
      {screen.kind === 'overview' ? (
        <ConferenceOverview data={data} progress={progress} nav={nav} timeline={timeline} />
      ) : null}
      {screen.kind === 'check' ? (
        <CheckScreen key={screen.targetId} data={data} targetId={screen.targetId} nav={nav} />
      ) : null}
      {screen.kind === 'result' ? (
        <CheckResult data={data} targetId={screen.targetId} evidenceId={screen.evidenceId} nav={nav} />
      ) : null}
      {screen.kind === 'observe' ? (
        <ObservationPanel data={data} progress={progress} defaultTargetId={screen.targetId} nav={nav} />
      ) : null}
      {screen.kind === 'cards' ? <Flashcards data={data} targetId={screen.targetId} /> : null}
    </article>
  );
}
