import type { EvidenceRecord, TargetRecord } from '#db';
import type { MasteryScale } from '#protocol';
import { mediumDateFormat } from '#i18n';
import { levelLabel, targetListLabel } from '#ui/target-text.ts';
import { useAfterFirstPaint } from '#ui/useAfterFirstPaint.ts';
import { useT } from '#ui/useT.ts';
import { StoredAttachment } from './StoredAttachment.tsx';

/** One piece of evidence: kind, day, targets, level or item results, note, attachments, void mark. */
export function EvidenceCard(props: {
  evidence: EvidenceRecord;
  targetsById: ReadonlyMap<string, TargetRecord>;
  scale: MasteryScale;
  /** Id of the kind-and-day line, so a button beside the card can name the evidence it acts on. */
  headId?: string;
}) {
  const { t, language } = useT();
  // The attachments' bytes are read (or fetched) once the card is painted: until then they show as loading.
  const isPainted = useAfterFirstPaint();
  const e = props.evidence;
  const date = mediumDateFormat(language);
  const level = props.scale.levels.find((l) => l.value === e.level);
  const correct = e.itemResults?.filter((r) => r.result === 'correct').length ?? 0;
  const minutes = e.durationMs ? Math.max(1, Math.round(e.durationMs / 60000)) : null;
  return (
    <div className={e.voided ? 'evidence voided' : 'evidence'}>
      <div className="evidence-head" id={props.headId}>
        <strong>{t(`evidence.kind.${e.kind}`)}</strong>{' '}
        <time dateTime={e.observedAt}>{date.format(new Date(e.observedAt))}</time>
      </div>
      <div className="evidence-targets">{targetListLabel(e.targetIds, props.targetsById, language)}</div>
      {level ? (
        <div>
          {t('observation.level')}: {level.value} · {levelLabel(t, level)}
        </div>
      ) : null}
      {e.itemResults ? (
        <div>
          {t('evidence.items', { correct, total: e.itemResults.length })}
          {minutes ? ` · ${t('conference.minutes', { count: minutes })}` : ''}
        </div>
      ) : null}
      {e.note ? <p className="evidence-note">{e.note}</p> : null}
      {e.blobIds && e.blobIds.length > 0 ? (
        <div className="attachments">
          {isPainted ? e.blobIds.map((id, i) => <StoredAttachment key={id} blobId={id} index={i} />) : null}
        </div>
      ) : null}
      {e.needsReview && !e.reviewedAt ? <div className="tag">{t('student.waitingReview')}</div> : null}
      {e.voided ? <div className="tag">{t('student.voided', { reason: e.voided.reason })}</div> : null}
    </div>
  );
}
