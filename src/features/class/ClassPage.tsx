import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router-dom';
import { getActiveClass, listClasses, loadClassProgressData, useStore } from '#db';
import { ClassPicker } from './ClassPicker.tsx';
import { pathState } from '#ui/path-state.ts';
import { evaluateProgress } from '#ui/progress-input.ts';
import { Picture } from '#ui/Picture.tsx';
import { targetIcon } from '#ui/pictures.ts';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';

/** The class roster: each child with what they are working on now. */
export function ClassPage() {
  const { t, language } = useT();
  const store = useStore();
  // One query for the class and its rows, so the roster never shows one class's rows under another.
  const view = useLiveQuery(async () => {
    const [group, classes] = await Promise.all([getActiveClass(store), listClasses(store)]);
    if (!group) return { group, classes, rows: [] };
    const now = new Date();
    const rows = (await loadClassProgressData(store, group.id)).map((data) => {
      const progress = evaluateProgress(data, now);
      const current = data.targets.find((target) => target.id === progress.currentTargetId);
      return { student: data.student, current, state: pathState(progress) };
    });
    return { group, classes, rows };
  }, [store]);

  if (view === undefined) return <p role="status">{t('common.loading')}</p>;
  const { group, classes, rows } = view;
  if (group === null) return <p>{t('class.noClass')}</p>;

  return (
    <section className="page" aria-labelledby="class-title">
      <h1 id="class-title">{group.name}</h1>
      {classes.length > 1 ? <ClassPicker classes={classes} activeId={group.id} /> : null}
      <p className="muted">
        {t('class.studentCount', { count: rows.length })} · <Link to="/class-path">{t('classPath.link')}</Link>
      </p>
      {rows.length === 0 ? <p>{t('class.empty')}</p> : null}
      <ul className="roster" aria-label={t('class.roster')}>
        {rows.map(({ student, current, state }) => (
          <li key={student.id}>
            <Link to={`/student/${student.id}`} className="roster-card">
              <Picture id={student.picture} className="picture picture-large" />
              <span className="roster-name">{student.displayName}</span>
              <span className="roster-target">
                {current ? (
                  <>
                    <span aria-hidden="true">{targetIcon(current.icon)}</span>{' '}
                    {t('class.working', { target: `${current.code} · ${targetStatement(current, language, 'kid')}` })}
                  </>
                ) : (
                  t(state === 'noPath' ? 'class.noPath' : 'class.allDone')
                )}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
