import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getActiveClass, listStudents, loadStudentProgressData, useStore } from '#db';

import { evaluateProgress } from '#ui/progress-input.ts';
import { Picture } from '#ui/Picture.tsx';
import { targetIcon } from '#ui/pictures.ts';
import { speak } from '#ui/speech.ts';
import { targetStatement } from '#ui/target-text.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';

/** A shared tablet: children find their picture and hear what they are working on. */
export default function StationPage() {
  const { t } = useT();
  const store = useStore();
  const students = useLiveQuery(async () => {
    const group = await getActiveClass(store);
    return group ? listStudents(store, group.id) : [];
  }, [store]);
  const [childId, setChildId] = useState<string | null>(null);

  if (students === undefined) return <p role="status">{t('common.loading')}</p>;
  if (childId) return <ChildHome studentId={childId} onDone={() => setChildId(null)} />;
  return (
    <section className="page station" aria-labelledby="station-title">
      <h1 id="station-title">{t('station.whoAreYou')}</h1>
      <ul className="picture-grid">
        {students.map((s) => (
          <li key={s.id}>
            <button type="button" className="picture-button" onClick={() => setChildId(s.id)}>
              <Picture id={s.picture} named className="picture picture-huge" />
              <span className="picture-name">{s.displayName.split(' ')[0]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ChildHome({ studentId, onDone }: { studentId: string; onDone(): void }) {
  const { t, language } = useT();
  const say = useRulesMessage();
  const store = useStore();
  const view = useLiveQuery(async () => {
    const data = await loadStudentProgressData(store, studentId);
    return data ? { data, progress: evaluateProgress(data, new Date()) } : null;
  }, [store, studentId]);
  if (!view) return <p role="status">{t('common.loading')}</p>;
  const target = view.data.targets.find((x) => x.id === view.progress.currentTargetId);
  const statement = target ? targetStatement(target, language, 'kid') : say(view.progress.nextStep.child);
  return (
    <section className="page station-home" aria-labelledby="home-title">
      <h1 id="home-title">
        <Picture id={view.data.student.picture} className="picture picture-large" /> {view.data.student.displayName}
      </h1>
      <p className="station-label">{t('station.iAmWorkingOn')}</p>
      <p className="station-target">
        {target ? <span aria-hidden="true">{targetIcon(target.icon)}</span> : null} {statement}
      </p>
      <p>{say(view.progress.nextStep.child)}</p>
      <div className="station-actions">
        <button type="button" className="big" onClick={() => speak({ text: statement, language })}>
          🔊 {t('station.hear')}
        </button>
        <button type="button" className="big secondary" onClick={onDone}>
          ✅ {t('station.allDone')}
        </button>
      </div>
    </section>
  );
}
