import { memo, useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  readStudentPage,
  STUDENT_PAGE_TABLES,
  useEvidencePageFrom,
  useSuspendingLiveRead,
  type StudentPageRead,
  type StudentProgressData,
  type Store,
  type TargetRecord,
} from '#db';
import type { StudentProgress } from '#rules';
import { studentSummaries, type ProgressSummary, type StudentSummary } from '#ui/progress-summary.ts';
import { Picture } from '#ui/Picture.tsx';
import { PathMap } from '#ui/path-map/PathMap.tsx';
import { useT } from '#ui/useT.ts';
import { CurrentTargetCard } from './CurrentTargetCard.tsx';
import { PathList } from '#ui/PathList.tsx';
import { Fold } from '#ui/Fold.tsx';
import { EVIDENCE_PAGE, EvidenceList } from './EvidenceList.tsx';
import { EarlierYears } from './EarlierYears.tsx';
import { HandTabletForm } from './HandTabletForm.tsx';
import './student.css';
import { ObservationForm } from './ObservationForm.tsx';
import { useFullProgress } from './useFullProgress.ts';

const SHORT_PATH = 8;

type Data = Omit<StudentProgressData, 'evidence'>;
type PageRead = StudentPageRead<StudentSummary>;

/** One read function per child, kept: useSuspendingLiveRead wants a stable one. */
const readers = new Map<string, (store: Store) => Promise<PageRead | null>>();

function readerOf(studentId: string): (store: Store) => Promise<PageRead | null> {
  let read = readers.get(studentId);
  if (!read) {
    read = (store) => readStudentPage(store, studentId, studentSummaries(new Date()), EVIDENCE_PAGE);
    readers.set(studentId, read);
  }
  return read;
}

export default function StudentPage() {
  const { studentId = '' } = useParams();
  // Another child's page (an earlier year's record links to it) is a page of its own, read afresh.
  return <StudentPageOf key={studentId} studentId={studentId} />;
}

/**
 * One read for the first screenful (readStudentPage: the child, their summary of the rules' answer, the newest
 * evidence), read again after every write to what it shows; the page suspends until it is in, so the class
 * page stays up until this one can show. The rules' whole answer (the path's every status) follows after paint.
 */
function StudentPageOf({ studentId }: { studentId: string }) {
  const { t } = useT();
  const page = useSuspendingLiveRead(readerOf(studentId), STUDENT_PAGE_TABLES);
  if (page === null) return <p>{t('common.notFound')}</p>;
  return <StudentView page={page} />;
}

function StudentView({ page }: { page: PageRead }) {
  const progress = useFullProgress(page);
  const evidence = useEvidencePageFrom(page.data.student.id, page.newest, EVIDENCE_PAGE);
  const { data, summary } = page;
  const targets = data.targets;
  const targetsById = useMemo(() => new Map(targets.map((target) => [target.id, target])), [targets]);
  return (
    <article className="page student-page" aria-labelledby="student-name">
      <StudentNow data={data} summary={summary.progress} targetsById={targetsById} />
      {/* "Show more" reads a longer page: only the list renders again for it. */}
      <EvidenceList page={evidence} targetsById={targetsById} scale={data.scale} />
      <StudentMore
        data={data}
        pathLength={summary.progress.targets.length}
        progress={progress}
        targetsById={targetsById}
      />
    </article>
  );
}

/** The child, the way to their other screens, and the day's work: the current target and a quick observation. */
const StudentNow = memo(function StudentNow({
  data,
  summary,
  targetsById,
}: {
  readonly data: Data;
  readonly summary: ProgressSummary;
  readonly targetsById: ReadonlyMap<string, TargetRecord>;
}) {
  const { t } = useT();
  const pathTargets = summary.targets.flatMap((p) => targetsById.get(p.targetId) ?? []);
  return (
    <>
      <Link to="/class" className="back-link">
        ← {t('common.back')}
      </Link>
      <header className="student-header">
        <Picture id={data.student.picture} className="picture picture-large" />
        <h1 id="student-name">{data.student.displayName}</h1>
        <Link to={`/conference/${data.student.id}`} className="conference-link">
          {t('conference.link')}
        </Link>
        <Link to={`/student/${data.student.id}/path`} className="conference-link">
          {t('pathEditor.link')}
        </Link>
        <Link to={`/family-report/${data.student.id}`} className="back-link">
          {t('family.reportLink')}
        </Link>
        <Link to={`/my-path/${data.student.id}`} className="back-link">
          {t('handOver.myPath', { name: data.student.displayName })}
        </Link>
      </header>
      {/* Tablet first: what the child works on now beside the quick observation, in the first screenful;
          the 36-stop map and every target's reasons fold away below, opened when wanted. */}
      <div className="two-columns student-now">
        <CurrentTargetCard progress={summary} targetsById={targetsById} />
        <ObservationForm
          studentId={data.student.id}
          targets={pathTargets.length > 0 ? pathTargets : data.targets}
          defaultTargetId={summary.currentTargetId ?? undefined}
          scale={data.scale}
        />
      </div>
    </>
  );
});

/** Earlier years, the path as a map and as a list (folded when long), and handing the tablet over. */
const StudentMore = memo(function StudentMore({
  data,
  pathLength,
  progress,
  targetsById,
}: {
  readonly data: Data;
  readonly pathLength: number;
  /** The rules' whole answer, null until it is made (after the first paint). */
  readonly progress: StudentProgress | null;
  readonly targetsById: ReadonlyMap<string, TargetRecord>;
}) {
  const { t } = useT();
  // A short path fits below the day's work open; a long one (36 stops, 125 in a year) folds away until asked
  // for, and is not even made until then.
  const isShortPath = pathLength <= SHORT_PATH;
  return (
    <>
      <EarlierYears studentId={data.student.id} />
      <Fold className="card student-fold" open={isShortPath} summary={t('student.fold.map', { count: pathLength })}>
        {() =>
          progress && (
            <PathMap
              progress={progress}
              entries={data.path?.entries ?? []}
              targetsById={targetsById}
              audience="teacher"
            />
          )
        }
      </Fold>
      <Fold className="card student-fold" open={isShortPath} summary={t('student.fold.list', { count: pathLength })}>
        {() => progress && <PathList progress={progress} targetsById={targetsById} audience="teacher" />}
      </Fold>
      <HandTabletForm student={data.student} />
    </>
  );
});
