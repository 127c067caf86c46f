import { useState } from 'react';
import { shareWithFamily, useStore, type EvidenceRecord, type StudentRecord, type TargetRecord } from '#db';
import { whileBusy } from '#state/activity-store.ts';
import { targetListLabel } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { LocalWork } from './LocalWork.tsx';

/** Newest pieces offered for sharing; older work is in the conference's timeline. */
const OFFERED = 12;

/**
 * The teacher picks which pieces of work (photos, drawings, recordings) the family sees in the report and
 * through the family link. Nothing is shared until ticked; a family link is served only what is ticked.
 */
export function ShareWorkPicker(props: {
  student: StudentRecord;
  targets: readonly TargetRecord[];
  /** The child's work with media, newest first (listWorkWithMedia). */
  work: readonly EvidenceRecord[];
}) {
  const { t, language } = useT();
  const store = useStore();
  const [error, setError] = useState<string | null>(null);
  const targetsById = new Map(props.targets.map((target) => [target.id, target]));
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const work = props.work.slice(0, OFFERED);

  const toggle = async (evidenceId: string, shared: boolean) => {
    const evidence = work.find((e) => e.id === evidenceId);
    if (!evidence) return;
    setError(null);
    try {
      await whileBusy(shareWithFamily(store, evidence, shared));
    } catch (e) {
      setError(t('family.work.failed', { reason: (e as Error).message }));
    }
  };

  return (
    <section className="card family-share-work no-print" aria-labelledby="share-work-title">
      <h2 id="share-work-title">{t('family.work.pick.title')}</h2>
      {work.length === 0 ? (
        <p>{t('family.work.pick.none', { name: props.student.displayName })}</p>
      ) : (
        <>
          <p className="muted">{t('family.work.pick.intro')}</p>
          <ul className="share-work-list">
            {work.map((e) => {
              const what = `${date.format(new Date(e.observedAt))} · ${targetListLabel(e.targetIds, targetsById, language)}`;
              return (
                <li key={e.id} className="share-work-item">
                  <div className="share-work-media">
                    {(e.blobIds ?? []).slice(0, 1).map((blobId) => (
                      <LocalWork key={blobId} blobId={blobId} label={what} />
                    ))}
                  </div>
                  <label className="checkbox-label">
                    <input
                      type="checkbox"
                      checked={e.sharedWithFamily === true}
                      onChange={(event) => void toggle(e.id, event.target.checked)}
                    />
                    <span>
                      {t('family.work.pick.share')}
                      <span className="muted share-work-what">{what}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
