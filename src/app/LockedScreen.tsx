import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router-dom';
import { getStudent, useStore } from '#db';
import { useT } from '#ui/useT.ts';
import { TeacherUnlock } from './TeacherUnlock.tsx';

/**
 * What a student's tablet shows for any address but the student's own path: never the page, only the way
 * to My path and the teacher's unlock. Names no one but the tablet's own student.
 */
export function LockedScreen({ studentId }: { studentId: string }) {
  const { t } = useT();
  const store = useStore();
  const student = useLiveQuery(() => getStudent(store, studentId), [store, studentId]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="page card locked-screen" aria-labelledby="locked-title" data-testid="locked-screen">
      <h1 id="locked-title" ref={heading} tabIndex={-1}>
        {t('lock.title')}
      </h1>
      {student ? <p>{t('lock.student', { name: student.displayName })}</p> : null}
      <div className="choice-row">
        <Link to={`/my-path/${studentId}`} className="button-link big">
          {t('lock.toMyPath')}
        </Link>
        <TeacherUnlock />
      </div>
    </section>
  );
}
