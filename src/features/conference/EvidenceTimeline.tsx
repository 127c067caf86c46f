import type { EvidencePager, StudentProgressData, TargetRecord } from '#db';
import { useT } from '#ui/useT.ts';
import { EvidenceCard } from './EvidenceCard.tsx';
import { VoidEvidence } from './VoidEvidence.tsx';

/**
 * Recent evidence, newest observation first, with photos, drawings and recordings inline: a page at a time,
 * read as it is shown (a year holds thousands of pieces).
 */
export function EvidenceTimeline(props: {
  data: StudentProgressData;
  /** Read as the conference opens (useEvidencePage), alongside its other reads. */
  page: EvidencePager;
  targetsById: ReadonlyMap<string, TargetRecord>;
}) {
  const { t } = useT();
  const { page } = props;
  const evidence = page.records ?? [];
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('conference.timeline')}</h2>
      {page.records?.length === 0 ? <p>{t('student.noEvidence')}</p> : null}
      <ol className="timeline-list" aria-labelledby="timeline-title">
        {evidence.map((e) => (
          <li key={e.id} className="timeline-item">
            <EvidenceCard
              evidence={e}
              targetsById={props.targetsById}
              scale={props.data.scale}
              headId={`timeline-${e.id}`}
            />
            {e.voided ? null : <VoidEvidence evidenceId={e.id} labelledBy={`timeline-${e.id}`} />}
          </li>
        ))}
      </ol>
      {page.hasMore ? (
        <button type="button" className="secondary" onClick={page.showMore}>
          {t('conference.showMore')}
        </button>
      ) : null}
    </section>
  );
}
