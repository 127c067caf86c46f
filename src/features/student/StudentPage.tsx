import { memo, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router-dom';
import { loadStudentProgressData, useEvidencePage, useStore, type StudentProgressData, type TargetRecord } from '#db';
import type { StudentProgress } from '#rules';
import { evaluateProgress } from '#ui/progress-input.ts';
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

const SHORT_PATH = 8;

interface Parts {
  readonly data: StudentProgressData;
  readonly progress: StudentProgress;
  readonly targetsById: ReadonlyMap<string, TargetRecord>;
}

export default function StudentPage() {
  const { studentId = '' } = useParams();
  const { t } = useT();
  const store = useStore();
  // The parts below are memoized on the data and the rules' answer: the evidence list's page arriving
  // renders the list alone.
  const view = useLiveQuery(async () => {
    const data = await loadStudentProgressData(store, studentId);
    return data ? { data, progress: evaluateProgress(data, new Date()) } : null;
  }, [store, studentId]);
  // Read at once, beside the progress: the list need not wait for the page to render first.
  const evidence = useEvidencePage(studentId, EVIDENCE_PAGE);
  const targets = view?.data.targets;
  const targetsById = useMemo(() => new Map((targets ?? []).map((target) => [target.id, target])), [targets]);

  if (view === undefined) return <p role="status">{t('common.loading')}</p>;
  if (view === null) return <p>{t('common.notFound')}</p>;
  const { data, progress } = view;

  return (
    <article className="page student-page" aria-labelledby="student-name">
      <StudentNow data={data} progress={progress} targetsById={targetsById} />
      {/* The list's page arrives on its own: only the list renders again for it. */}
      <EvidenceList page={evidence} targetsById={targetsById} scale={data.scale} />
      <StudentMore data={data} progress={progress} targetsById={targetsById} />
    </article>
  );
}

/** The child, the way to their other screens, and the day's work: the current target and a quick observation. */
const StudentNow = memo(function StudentNow({ data, progress, targetsById }: Parts) {
  const { t } = useT();
  const pathTargets = progress.targets.flatMap((p) => targetsById.get(p.targetId) ?? []);
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
        <CurrentTargetCard progress={progress} targetsById={targetsById} />
        <ObservationForm
          studentId={data.student.id}
          targets={pathTargets.length > 0 ? pathTargets : data.targets}
          defaultTargetId={progress.currentTargetId ?? undefined}
          scale={data.scale}
        />
      </div>
    </>
  );
});

/** Earlier years, the path as a map and as a list (folded when long), and handing the tablet over. */
const StudentMore = memo(function StudentMore({ data, progress, targetsById }: Parts) {
  const { t } = useT();
  // A short path fits below the day's work open; a long one (36 stops, 125 in a year) folds away until asked
  // for, and is not even made until then.
  const isShortPath = progress.targets.length <= SHORT_PATH;
  return (
    <>
      <EarlierYears studentId={data.student.id} />
      <Fold
        className="card student-fold"
        open={isShortPath}
        summary={t('student.fold.map', { count: progress.targets.length })}
      >
        {() => (
          <PathMap
            progress={progress}
            entries={data.path?.entries ?? []}
            targetsById={targetsById}
            audience="teacher"
          />
        )}
      </Fold>
      <Fold
        className="card student-fold"
        open={isShortPath}
        summary={t('student.fold.list', { count: progress.targets.length })}
      >
        {() => <PathList progress={progress} targetsById={targetsById} audience="teacher" />}
      </Fold>
      <HandTabletForm student={data.student} />
    </>
  );
});
