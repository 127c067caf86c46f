import { useMemo } from 'react';
import type { StudentProgressData } from '#db';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { targetItemStates } from './conference-view.ts';

/** Home practice: the items not known yet as cut-out flashcards, printed with print CSS. */
export function Flashcards({ data, targetId }: { data: StudentProgressData; targetId: string }) {
  const { t, language } = useT();
  const target = data.targets.find((x) => x.id === targetId);
  const familyLanguage = data.student.familyLanguage?.startsWith('es') ? 'es' : language;
  const notYet = useMemo(
    () => (target ? targetItemStates(data, target).filter((s) => s.state !== 'known') : []),
    [data, target],
  );
  if (!target) return <p>{t('common.notFound')}</p>;

  return (
    <section className="flashcards-sheet" aria-labelledby="cards-title">
      <div className="no-print choice-row">
        <button type="button" onClick={() => window.print()}>
          {t('conference.cards.print')}
        </button>
      </div>
      <h2 id="cards-title">{t('conference.cards.title', { name: data.student.displayName })}</h2>
      <p>
        <strong>{target.code}</strong> {targetStatement(target, familyLanguage, 'kid')}
      </p>
      <p className="muted">{t('conference.cards.howTo')}</p>
      {notYet.length === 0 ? (
        <p>{t('conference.cards.none')}</p>
      ) : (
        <ul className="flashcards" aria-label={t('conference.cards.list')}>
          {notYet.map((item) => (
            <li key={item.itemId} className="flashcard">
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
