import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router-dom';
import { loadStudentProgressData, useEvidencePage, useStore } from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';
import { Picture } from '#ui/Picture.tsx';
import { PathMap } from '#ui/path-map/PathMap.tsx';
import { useT } from '#ui/useT.ts';
import { CurrentTargetCard } from './CurrentTargetCard.tsx';
import { PathList } from '#ui/PathList.tsx';
import { EVIDENCE_PAGE, EvidenceList } from './EvidenceList.tsx';
import { EarlierYears } from './EarlierYears.tsx';
import { HandTabletForm } from './HandTabletForm.tsx';
import './student.css';
import { ObservationForm } from './ObservationForm.tsx';

export default function StudentPage() {
  const { studentId = '' } = useParams();
  const { t } = useT();
  const store = useStore();
  const view = useLiveQuery(async () => {
    const data = await loadStudentProgressData(store, studentId);
    return data ? { data, progress: evaluateProgress(data, new Date()) } : null;
  }, [store, studentId]);
  // Read at once, beside the progress: the list need not wait for the page to render first.
  const evidence = useEvidencePage(studentId, EVIDENCE_PAGE);

  if (view === undefined) return <p role="status">{t('common.loading')}</p>;
  if (view === null) return <p>{t('common.notFound')}</p>;
  const { data, progress } = view;
  const targetsById = new Map(data.targets.map((target) => [target.id, target]));
  const pathTargets = progress.targets.flatMap((p) => targetsById.get(p.targetId) ?? []);

  return (
    <article className="page student-page" aria-labelledby="student-name">
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
      <HandTabletForm student={data.student} />
      <CurrentTargetCard progress={progress} targetsById={targetsById} />
      <PathMap progress={progress} entries={data.path?.entries ?? []} targetsById={targetsById} audience="teacher" />
      <div className="two-columns">
        <PathList progress={progress} targetsById={targetsById} audience="teacher" />
        <div>
          <ObservationForm
            studentId={data.student.id}
            targets={pathTargets.length > 0 ? pathTargets : data.targets}
            defaultTargetId={progress.currentTargetId ?? undefined}
            scale={data.scale}
          />
          <EvidenceList page={evidence} targetsById={targetsById} scale={data.scale} />
          <EarlierYears studentId={data.student.id} />
        </div>
      </div>
    </article>
  );
}
