import type { EvidencePager, TargetRecord } from '#db';
import { Icon } from '#ui/Icon.tsx';
import { useT } from '#ui/useT.ts';

const FACES = { 1: 'face-1', 2: 'face-2', 3: 'face-3' } as const;

/** How many pieces the list shows at first and adds with each "show more". */
export const MY_EVIDENCE_PAGE = 20;

/**
 * My evidence, newest first, a page at a time: what, when, for which target, who added it, and whether it
 * waits for review.
 */
export function MyEvidenceList(props: {
  /** My evidence without the voided pieces, a page at a time (useEvidencePage), read as the page opens. */
  page: EvidencePager;
  targetsById: ReadonlyMap<string, TargetRecord>;
}) {
  const { t, language } = useT();
  const { page } = props;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const shown = page.records ?? [];
  return (
    <section aria-labelledby="my-evidence-title">
      <h2 id="my-evidence-title">{t('myPath.history.title')}</h2>
      {page.records?.length === 0 ? <p>{t('myPath.history.empty')}</p> : null}
      <ul className="evidence-list" aria-labelledby="my-evidence-title">
        {shown.map((e) => (
          <li key={e.id} className="evidence">
            <div className="evidence-head">
              <span>{t(`evidence.kind.${e.kind}`)}</span>
              <time dateTime={e.observedAt}>{date.format(new Date(e.observedAt))}</time>
            </div>
            <div className="evidence-targets">
              {e.targetIds.map((id) => props.targetsById.get(id)?.kidStatement ?? id).join(' · ')}
            </div>
            {e.feeling ? (
              <div>
                <Icon name={FACES[e.feeling]} className="icon my-path-face" /> {t(`evidence.feeling.${e.feeling}`)}
              </div>
            ) : null}
            {e.blobIds?.length ? <div>{t('myPath.history.attachment')}</div> : null}
            {e.note ? <p className="evidence-note">{e.note}</p> : null}
            <div className="muted">
              {t(e.recordedBy.kind === 'student' ? 'myPath.history.byMe' : 'myPath.history.byTeacher')}
            </div>
            {e.needsReview ? <div className="tag">{t('student.waitingReview')}</div> : null}
          </li>
        ))}
      </ul>
      {page.hasMore ? (
        <button type="button" className="secondary" onClick={page.showMore}>
          {t('conference.showMore')}
        </button>
      ) : null}
    </section>
  );
}
