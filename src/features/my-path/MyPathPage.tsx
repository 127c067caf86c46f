import { useLiveQuery } from 'dexie-react-hooks';
import { useParams } from 'react-router-dom';
import { memo, useMemo } from 'react';
import { loadStudentProgressData, useEvidencePage, useStore, type StudentProgressData, type TargetRecord } from '#db';
import type { StudentProgress } from '#rules';
import { toLanguage, type Language } from '#i18n';
import { evaluateProgress } from '#ui/progress-input.ts';
import { Picture } from '#ui/Picture.tsx';
import { PathMap } from '#ui/path-map/PathMap.tsx';
import { targetStatement } from '#ui/target-text.ts';
import { ScreenLanguage, useT } from '#ui/useT.ts';
import { AddEvidenceForm } from './AddEvidenceForm.tsx';
import { ChooseNextForm } from './ChooseNextForm.tsx';
import { MY_EVIDENCE_PAGE, MyEvidenceList } from './MyEvidenceList.tsx';
import { PathList } from '#ui/PathList.tsx';
import { MyCurrentTarget } from './MyCurrentTarget.tsx';
import './my-path.css';

/**
 * The page speaks the student's family language, whatever the tablet's; the rules put the "I can"
 * statement into the next step, so they get the statements in it too.
 */
function inFamilyLanguage(data: StudentProgressData): { language: Language; inLanguage: StudentProgressData } {
  const language = toLanguage(data.student.familyLanguage);
  const targets = data.targets.map((target) => ({ ...target, kidStatement: targetStatement(target, language, 'kid') }));
  return { language, inLanguage: { ...data, targets } };
}

/** An older student's own view on their own tablet: my path, my choices, my evidence. */
export default function MyPathPage() {
  const { studentId = '' } = useParams();
  const store = useStore();
  const view = useLiveQuery(async () => {
    const data = await loadStudentProgressData(store, studentId);
    if (!data) return null;
    const { language, inLanguage } = inFamilyLanguage(data);
    return { language, data: inLanguage, progress: evaluateProgress(inLanguage, new Date()) };
  }, [store, studentId]);
  const { t } = useT(view?.language);
  // Read at once, beside the progress: the list need not wait for the page to render first.
  const evidence = useEvidencePage(studentId, MY_EVIDENCE_PAGE, { withoutVoided: true });

  const targets = view?.data.targets;
  const targetsById = useMemo(() => new Map((targets ?? []).map((target) => [target.id, target])), [targets]);

  if (view === undefined) return <p role="status">{t('common.loading')}</p>;
  if (view === null) return <p>{t('common.notFound')}</p>;
  const { data, progress } = view;

  return (
    <ScreenLanguage.Provider value={view.language}>
      <article className="page my-path" lang={view.language} aria-labelledby="my-path-title">
        <header className="student-header">
          <Picture id={data.student.picture} className="picture picture-large" />
          <h1 id="my-path-title">
            {t('myPath.title')}: {data.student.displayName}
          </h1>
        </header>
        <MyCurrentTarget progress={progress} targetsById={targetsById} />
        <MyMap progress={progress} entries={data.path?.entries ?? []} targetsById={targetsById} audience="kid" />
        <div className="two-columns">
          <MyList progress={progress} targetsById={targetsById} audience="kid" />
          <div>
            <MyChoices data={data} progress={progress} targetsById={targetsById} />
            <MyEvidenceList page={evidence} targetsById={targetsById} />
          </div>
        </div>
      </article>
    </ScreenLanguage.Provider>
  );
}

// The evidence list's page arrives on its own: the rest renders again only when the child's data change.
const MyMap = memo(PathMap);
const MyList = memo(PathList);

const MyChoices = memo(function MyChoices(props: {
  data: StudentProgressData;
  progress: StudentProgress;
  targetsById: ReadonlyMap<string, TargetRecord>;
}) {
  const { data, progress, targetsById } = props;
  const me = { kind: 'student', id: data.student.id } as const;
  return (
    <>
      <ChooseNextForm progress={progress} targetsById={targetsById} me={me} />
      <AddEvidenceForm
        me={me}
        targets={progress.targets.flatMap((p) => targetsById.get(p.targetId) ?? [])}
        currentTargetId={progress.currentTargetId ?? undefined}
      />
    </>
  );
});
