import { useId } from 'react';
import { dismissNotSaved, useStore, type SyncStatusView } from '#db';
import { clockOffsetView } from '#ui/clock-offset.ts';
import { useT } from '#ui/useT.ts';
import { notSavedWords } from './not-saved-view.ts';

/** Lines shown at once; the rest are counted ("And 12 more."). */
const SHOWN = 20;

/**
 * What sync could not do, in plain words: changes the server did not save (with what to do), changes this
 * tablet's connection may not send, and a tablet clock that is far off the server's.
 */
export function NotSavedPanel({ status }: { status: SyncStatusView }) {
  const { t, language } = useT();
  const id = useId();
  const store = useStore();
  const clock = clockOffsetView(status.clockOffsetMs, language);
  const dateFormat = new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric' });
  const names = {
    someChild: t('sync.notSaved.someChild'),
    formatDate: (iso: string) => dateFormat.format(new Date(iso)),
  };
  const shown = status.notSaved.slice(0, SHOWN);
  return (
    <>
      {clock ? <p role="alert">{t(`sync.clock.${clock.direction}`, { amount: clock.amount })}</p> : null}
      {status.heldChanges > 0 ? <p>{t('sync.held', { count: status.heldChanges })}</p> : null}
      {shown.length > 0 ? (
        <section aria-labelledby={`${id}-title`} className="not-saved">
          <h3 id={`${id}-title`}>{t('sync.notSaved.title')}</h3>
          <p>{t('sync.notSaved.intro')}</p>
          <ul>
            {shown.map((entry) => {
              const words = notSavedWords(entry, names);
              return (
                <li key={entry.changeId}>
                  {t('sync.notSaved.line', {
                    subject: t(words.subject, words.subjectParams),
                    why: t(words.why),
                    todo: t(words.todo),
                  })}
                </li>
              );
            })}
          </ul>
          {status.notSaved.length > SHOWN ? (
            <p>{t('sync.notSaved.more', { count: status.notSaved.length - SHOWN })}</p>
          ) : null}
          <button type="button" className="secondary" onClick={() => void dismissNotSaved(store)}>
            {t('sync.notSaved.dismiss')}
          </button>
        </section>
      ) : null}
    </>
  );
}
