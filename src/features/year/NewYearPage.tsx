import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { getActiveClass, getClass, loadClassProgressData, useStore, type RollOverResult } from '#db';
import { rollOverClass } from '#db/year-rollover.ts';
import { whileBusy } from '#state/activity-store.ts';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { carryStatus } from '#ui/year-carry.ts';
import { classWithYear, nextSchoolYear } from './next-school-year.ts';
import { YearSummary } from './YearSummary.tsx';
import './year.css';

type Step = 'choose' | 'confirm' | 'working';

/**
 * Rolls the class this tablet shows into the next school year: the teacher names the new class and its
 * year, chooses who goes on, checks a summary, then starts it (rollOverClass: one write through the funnel).
 */
export default function NewYearPage() {
  const { t, language } = useT();
  const store = useStore();
  const id = useId();
  const view = useLiveQuery(async () => {
    const group = await getActiveClass(store);
    if (!group) return null;
    const now = new Date();
    const children = (await loadClassProgressData(store, group.id)).map((data) => ({
      student: data.student,
      carry: carryStatus(data, now, group.templateTargetIds),
      targets: data.targets,
    }));
    const next = group.nextClassId ? await getClass(store, group.nextClassId) : undefined;
    return { group, children, next };
  }, [store]);
  const [name, setName] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<ReadonlySet<string>>(new Set());
  const [step, setStep] = useState<Step>('choose');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<(RollOverResult & { name: string; year: string }) | null>(null);

  if (done) {
    return (
      <section className="page" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('year.title')}</h1>
        <p role="status">{t('year.done', { count: done.students, name: done.name, year: done.year })}</p>
        <Link to="/class" className="button-link">
          {t('year.toClass')}
        </Link>
      </section>
    );
  }
  if (view === undefined) return <p role="status">{t('common.loading')}</p>;
  if (view === null) return <p>{t('class.noClass')}</p>;
  const { group, children } = view;
  if (group.closedAt) {
    return (
      <section className="page" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('year.title')}</h1>
        <p>{t('year.closedAlready', { name: group.name })}</p>
        {view.next ? <p>{classWithYear(view.next.name, view.next.schoolYear)}</p> : null}
      </section>
    );
  }
  const newName = name ?? group.name;
  const newYear = year ?? nextSchoolYear(group.schoolYear, new Date());
  const going = children.filter((c) => !leaving.has(c.student.id));
  const place = classWithYear(group.name, group.schoolYear);

  const review = () => {
    if (newName.trim() === '') return setProblem(t('year.needName'));
    setProblem(null);
    setStep('confirm');
  };
  const start = async () => {
    setStep('working');
    try {
      const result = await whileBusy(
        rollOverClass(store, {
          fromClassId: group.id,
          name: newName,
          schoolYear: newYear,
          children: going.map((c) => ({ fromStudentId: c.student.id, status: c.carry })),
          reasons: {
            mastered: t('year.reason.mastered', { place }),
            current: t('year.reason.current', { place }),
          },
        }),
      );
      setDone({ ...result, name: newName.trim(), year: newYear.trim() });
    } catch (error) {
      setProblem(t('year.failed', { reason: error instanceof Error ? error.message : String(error) }));
      setStep('confirm');
    }
  };

  return (
    <section className="page new-year" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('year.title')}</h1>
      <p>{t('year.help', { name: group.name })}</p>
      {step === 'choose' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            review();
          }}
        >
          <label htmlFor={`${id}-name`}>{t('year.name')}</label>
          <input id={`${id}-name`} value={newName} onChange={(e) => setName(e.currentTarget.value)} />
          <label htmlFor={`${id}-year`}>{t('year.schoolYear')}</label>
          <input id={`${id}-year`} value={newYear} onChange={(e) => setYear(e.currentTarget.value)} />
          <fieldset>
            <legend>{t('year.children')}</legend>
            <ul className="plain-list new-year-children">
              {children.map(({ student, carry, targets }) => {
                const current = targets.find((target) => target.id === carry.currentTargetId);
                return (
                  <li key={student.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={!leaving.has(student.id)}
                        onChange={(e) => {
                          const next = new Set(leaving);
                          if (e.currentTarget.checked) next.delete(student.id);
                          else next.add(student.id);
                          setLeaving(next);
                        }}
                      />{' '}
                      <strong>{student.displayName}</strong>{' '}
                      <span className="muted">
                        {t('year.child.mastered', { count: carry.masteredTargetIds.length })}
                        {current
                          ? ` · ${t('year.child.working', { target: `${current.code} ${targetStatement(current, language, 'teacher')}` })}`
                          : ''}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          {problem ? <p role="alert">{problem}</p> : null}
          <button type="submit" className="big">
            {t('year.review')}
          </button>
        </form>
      ) : (
        <YearSummary
          from={group.name}
          name={newName.trim()}
          year={newYear.trim()}
          going={going.length}
          staying={children.length - going.length}
          mastered={going.reduce((sum, c) => sum + c.carry.masteredTargetIds.length, 0)}
          working={step === 'working'}
          problem={problem}
          onStart={() => void start()}
          onBack={() => setStep('choose')}
        />
      )}
    </section>
  );
}
