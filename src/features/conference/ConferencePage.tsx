import { Link, useParams } from 'react-router-dom';
import { CONFERENCE_TABLES, useStore, useSuspendingLiveRead } from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';
import { Picture } from '#ui/Picture.tsx';
import { useT } from '#ui/useT.ts';
import { useConferenceNav } from './conference-nav.ts';
import { conferenceReader, TIMELINE_PAGE } from './conference-reader.ts';
import { ConferenceOverview } from './ConferenceOverview.tsx';
import { CheckScreen } from './CheckScreen.tsx';
import { CheckResult } from './CheckResult.tsx';
import { ObservationPanel } from './ObservationPanel.tsx';
import { Flashcards } from './Flashcards.tsx';
import { useTimelinePager } from './useTimelinePager.ts';
import './conference.css';

/** One student, one teacher: where they are, a quick check, evidence, and the next step agreed together. */
export default function ConferencePage() {
  const { studentId = '' } = useParams();
  // Another child is another conference: its own first read, its own timeline pages.
  return <Conference key={studentId} studentId={studentId} />;
}

function Conference({ studentId }: { studentId: string }) {
  const { t } = useT();
  const store = useStore();
  const nav = useConferenceNav();
  // One read for all the first paint shows (readConference); the screen suspends until it is in, so the
  // child's page stays up meanwhile and the conference shows whole, in one frame.
  const read = useSuspendingLiveRead(conferenceReader(studentId), CONFERENCE_TABLES);
  const timeline = useTimelinePager(studentId, read?.timeline ?? NO_PAGE, TIMELINE_PAGE);

  if (read === null) return <p>{t('common.notFound')}</p>;
  const { data, waiting } = read;
  const progress = evaluateProgress(data, new Date(store.env.now()));
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
        <ConferenceOverview data={data} progress={progress} nav={nav} timeline={timeline} waiting={waiting} />
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

const NO_PAGE = { records: [], hasMore: false } as const;
