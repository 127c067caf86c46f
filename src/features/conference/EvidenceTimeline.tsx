import { useState } from 'react';
import type { StudentProgressData, TargetRecord } from '#db';
import { useT } from '#ui/useT.ts';
import { EvidenceCard } from './EvidenceCard.tsx';
import { VoidEvidence } from './VoidEvidence.tsx';

const PAGE = 12;

/** Recent evidence, newest observation first, with photos, drawings and recordings inline. */
export function EvidenceTimeline(props: { data: StudentProgressData; targetsById: ReadonlyMap<string, TargetRecord> }) {
  const { t } = useT();
  const [shown, setShown] = useState(PAGE);
  const evidence = props.data.evidence;
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('conference.timeline')}</h2>
      {evidence.length === 0 ? <p>{t('student.noEvidence')}</p> : null}
      <ol className="timeline-list" aria-labelledby="timeline-title">
        {evidence.slice(0, shown).map((e) => (
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
      {evidence.length > shown ? (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
          {t('conference.showMore')}
        </button>
      ) : null}
    </section>
  );
}
