import type { EvidencePager, TargetRecord } from '#db';
import type { MasteryScale } from '#protocol';
import { levelLabel, targetListLabel } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';

/** How many pieces the list shows at first and adds with each "show more". */
export const EVIDENCE_PAGE = 20;

/**
 * The student's evidence, newest observation first, a page at a time (a year holds thousands). Voided
 * evidence stays visible, struck through.
 */
export function EvidenceList(props: {
  /** The page asks for it as it opens (useEvidencePage), alongside its other reads. */
  page: EvidencePager;
  targetsById: ReadonlyMap<string, TargetRecord>;
  scale: MasteryScale;
}) {
  const { t, language } = useT();
  const { page } = props;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const evidence = page.records ?? [];
  return (
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('student.evidence')}</h2>
      {page.records?.length === 0 ? <p>{t('student.noEvidence')}</p> : null}
      <ul className="evidence-list" aria-labelledby="evidence-title">
        {evidence.map((e) => {
          const level = props.scale.levels.find((l) => l.value === e.level);
          const correct = e.itemResults?.filter((r) => r.result === 'correct').length;
          return (
            <li key={e.id} className={e.voided ? 'evidence voided' : 'evidence'}>
              <div className="evidence-head">
                <span>{t(`evidence.kind.${e.kind}`)}</span>
                <time dateTime={e.observedAt}>{date.format(new Date(e.observedAt))}</time>
              </div>
              <div className="evidence-targets">{targetListLabel(e.targetIds, props.targetsById, language)}</div>
              {level ? (
                <div>
                  {t('observation.level')}: {level.value} · {levelLabel(t, level)}
                </div>
              ) : null}
              {e.itemResults ? (
                <div>{t('evidence.items', { correct: correct ?? 0, total: e.itemResults.length })}</div>
              ) : null}
              {e.feeling ? <div>{t(`evidence.feeling.${e.feeling}`)}</div> : null}
              {e.note ? <p className="evidence-note">{e.note}</p> : null}
              {e.needsReview ? <div className="tag">{t('student.waitingReview')}</div> : null}
              {e.voided ? <div className="tag">{t('student.voided', { reason: e.voided.reason })}</div> : null}
            </li>
          );
        })}
      </ul>
      {page.hasMore ? (
        <button type="button" className="secondary" onClick={page.showMore}>
          {t('conference.showMore')}
        </button>
      ) : null}
    </section>
  );
}
