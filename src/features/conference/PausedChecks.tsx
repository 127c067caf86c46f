import { useLiveQuery } from 'dexie-react-hooks';
import { deleteDraft, listDrafts, useStore, type TargetRecord } from '#db';
import { targetLabel } from '#ui/target-text.ts';
import { useAfterFirstPaint } from '#ui/useAfterFirstPaint.ts';
import { useT } from '#ui/useT.ts';
import { answeredCount, isCheckDraft } from './check-session.ts';
import type { ConferenceNav } from './conference-nav.ts';

/** Checks paused earlier (or interrupted by a reload), to resume where they stopped or to discard. */
export function PausedChecks(props: {
  studentId: string;
  targetsById: ReadonlyMap<string, TargetRecord>;
  nav: ConferenceNav;
}) {
  const { t, language } = useT();
  const store = useStore();
  // Read once the conference is painted, as the card always came in after it: the first frame waits on
  // nothing but the conference's own read.
  const isPainted = useAfterFirstPaint();
  const drafts = useLiveQuery(
    () => (isPainted ? listDrafts(store, `check:${props.studentId}:`) : undefined),
    [store, props.studentId, isPainted],
  );
  const paused = (drafts ?? []).flatMap((d) => (isCheckDraft(d.value) ? [{ key: d.key, draft: d.value }] : []));
  if (paused.length === 0) return null;
  return (
    <section className="card paused-checks" aria-labelledby="paused-title">
      <h2 id="paused-title">{t('conference.paused.title')}</h2>
      <ul className="plain-list">
        {paused.map(({ key, draft }) => {
          const target = props.targetsById.get(draft.targetId);
          const code = target ? targetLabel(target, language) : draft.targetId;
          return (
            <li key={key} className="choice-row">
              <span className="grow">
                {t('conference.paused.item', { code, done: answeredCount(draft), total: draft.itemIds.length })}
              </span>
              <button type="button" onClick={() => props.nav.check(draft.targetId)}>
                {t('conference.paused.resume', { code })}
              </button>
              <button type="button" className="secondary" onClick={() => void deleteDraft(store, key)}>
                {t('conference.paused.discard', { code })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
