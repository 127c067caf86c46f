import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router-dom';
import { useStore } from '#db';
import { listPersonRecords } from '#db/person-repository.ts';
import { useT } from '#ui/useT.ts';

/**
 * The child's portfolio across years: their records in other classes (last year's closed class, a class
 * they were in before being added again), each with its evidence, opened as it was. Nothing when there are
 * none on this tablet.
 */
export function EarlierYears({ studentId }: { studentId: string }) {
  const { t } = useT();
  const store = useStore();
  const others = useLiveQuery(async () => {
    const records = (await listPersonRecords(store, studentId)).filter((r) => r.student.id !== studentId);
    return Promise.all(
      records.map(async (r) => ({
        ...r,
        evidence: await store.db.evidence.where('studentId').equals(r.student.id).count(),
      })),
    );
  }, [store, studentId]);
  if (!others || others.length === 0) return null;
  return (
    <section className="card" aria-labelledby="earlier-years-title">
      <h2 id="earlier-years-title">{t('year.earlier.title')}</h2>
      <ul className="plain-list">
        {others.map(({ student, group, evidence }) => (
          <li key={student.id}>
            <Link to={`/student/${student.id}`}>
              {group?.schoolYear
                ? t('year.earlier.class', { name: group.name, year: group.schoolYear })
                : (group?.name ?? student.displayName)}
            </Link>{' '}
            <span className="muted">
              {t('year.earlier.evidence', { count: evidence })}
              {group?.closedAt ? ` · ${t('year.earlier.closed')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
