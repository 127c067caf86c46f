import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import {
  CLASS_PROGRESS_TABLES,
  preloadSuspendingRead,
  readClassProgress,
  useSuspendingLiveRead,
  type Store,
} from '#db';
import { ClassPicker } from './ClassPicker.tsx';
import { pathState } from '#ui/path-state.ts';
import { studentSummaries } from '#ui/progress-summary.ts';
import { Picture } from '#ui/Picture.tsx';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';

/** The class and each child's summary of the rules' result: cached per child and day, so a year reads fast. */
function readClass(store: Store) {
  return readClassProgress(store, studentSummaries(new Date()));
}

/** Starts the class page's read as the app starts, before the tablet's role is read (see main.tsx). */
export function preloadClassPage(store: Store): void {
  void preloadSuspendingRead(store, readClass, CLASS_PROGRESS_TABLES);
}

/** The class roster: each child with what they are working on now. */
export function ClassPage() {
  const { t, language } = useT();
  // One read for the class and its rows, so the roster never shows one class's rows under another.
  const { group, classes, rows, targets } = useSuspendingLiveRead(readClass, CLASS_PROGRESS_TABLES);
  const targetsById = useMemo(() => new Map(targets.map((target) => [target.id, target])), [targets]);

  if (group === null) return <p>{t('class.noClass')}</p>;

  return (
    <section className="page" aria-labelledby="class-title">
      <h1 id="class-title">{group.name}</h1>
      {classes.length > 1 ? <ClassPicker classes={classes} activeId={group.id} /> : null}
      <p className="muted">
        {group.schoolYear ? `${group.schoolYear} · ` : ''}
        {t('class.studentCount', { count: rows.length })} · <Link to="/class-path">{t('classPath.link')}</Link>
        {group.closedAt ? null : (
          <>
            {' · '}
            <Link to="/new-year">{t('class.newYear')}</Link>
          </>
        )}
      </p>
      {group.closedAt ? <p>{t('class.closed')}</p> : null}
      {rows.length === 0 ? <p>{t('class.empty')}</p> : null}
      <ul className="roster" aria-label={t('class.roster')}>
        {rows.map(({ student, summary }) => {
          const id = summary.progress.currentTargetId;
          const current = id === null ? undefined : targetsById.get(id);
          return (
            <li key={student.id}>
              <Link to={`/student/${student.id}`} className="roster-card">
                <Picture id={student.picture} className="picture picture-large" />
                <span className="roster-name">{student.displayName}</span>
                <span className="roster-target">
                  {current ? (
                    <>
                      <span aria-hidden="true">
                        <TargetIcon icon={current.icon} />
                      </span>{' '}
                      {t('class.working', {
                        target: `${current.code} · ${targetStatement(current, language, 'kid')}`,
                      })}
                    </>
                  ) : (
                    t(pathState(summary.progress) === 'noPath' ? 'class.noPath' : 'class.allDone')
                  )}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
