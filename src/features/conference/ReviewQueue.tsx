import { useState } from 'react';
import { markReviewed, useStore, type EvidenceRecord, type StudentProgressData, type TargetRecord } from '#db';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';
import { waitingForReview } from './conference-view.ts';
import { EvidenceCard } from './EvidenceCard.tsx';

/** The student's own submissions (station, own tablet) wait here until the teacher has looked at them. */
export function ReviewQueue(props: {
  data: StudentProgressData;
  /** The waiting records, whole: the cards show photos and notes, which the facts leave out. */
  waiting: readonly EvidenceRecord[];
  targetsById: ReadonlyMap<string, TargetRecord>;
}) {
  const { t } = useT();
  const store = useStore();
  const [error, setError] = useState<string | null>(null);
  const count = waitingForReview(props.data).length;
  if (count === 0) return null;

  const review = async (id: string) => {
    setError(null);
    try {
      await whileBusy(markReviewed(store, id));
    } catch (e) {
      setError(t('conference.saveFailed', { reason: (e as Error).message }));
    }
  };

  return (
    <section className="card review-queue" aria-labelledby="review-title">
      <h2 id="review-title">{t('conference.review.title', { count })}</h2>
      <ul className="plain-list" aria-labelledby="review-title">
        {props.waiting.map((e) => (
          <li key={e.id}>
            <EvidenceCard
              evidence={e}
              targetsById={props.targetsById}
              scale={props.data.scale}
              headId={`review-${e.id}`}
            />
            {/* Named "Mark reviewed, <kind> <day>": one button per card, each with its own name. */}
            <button
              type="button"
              id={`review-${e.id}-mark`}
              aria-labelledby={`review-${e.id}-mark review-${e.id}`}
              onClick={() => void review(e.id)}
            >
              {t('conference.review.mark')}
            </button>
          </li>
        ))}
      </ul>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
