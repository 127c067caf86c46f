import { useId } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { clearAppErrors, listAppErrors, useStore } from '#db';
import { useT } from '#ui/useT.ts';
import './school.css';

/** Screens that broke on this tablet (the app's error boundary notes them), for the teacher to pass on. */
export function ProblemsPanel() {
  const { t, language } = useT();
  const id = useId();
  const store = useStore();
  const problems = useLiveQuery(() => listAppErrors(store), [store]);
  if (problems === undefined) return null;
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('problems.title')}</h2>
      <p>{t('problems.intro')}</p>
      {problems.length === 0 ? (
        <p>{t('problems.none')}</p>
      ) : (
        <>
          <ul className="problem-list" aria-labelledby={`${id}-title`}>
            {problems.map((p, i) => (
              <li key={`${p.at}-${i}`}>
                <strong>{p.message}</strong>
                <div className="muted">{t('problems.where', { when: when.format(new Date(p.at)), path: p.path })}</div>
                {p.detail ? <pre className="problem-detail">{p.detail}</pre> : null}
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => void clearAppErrors(store)}>
            {t('problems.clear')}
          </button>
        </>
      )}
    </section>
  );
}
