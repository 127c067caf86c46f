import { useId, useMemo, useState } from 'react';
import type { PathEntry, Target } from '#protocol';
import type { StudentProgress } from '#rules';
import { StatusBadge } from '../StatusBadge.tsx';
import { asPhrase, sharedCodes, targetStatement } from '../target-text.ts';
import { useFirstItemsFirst } from '../useFirstItemsFirst.ts';
import { useRulesMessage } from '../useRulesMessage.ts';
import { useT } from '../useT.ts';
import { PathMapStop } from './PathMapStop.tsx';
import { buildMapStops } from './path-map-view.ts';
import './path-map.css';

interface Props {
  readonly progress: StudentProgress;
  readonly entries: readonly PathEntry[];
  readonly targetsById: ReadonlyMap<string, Target>;
  /** Kids read their "I can" statements; teachers read the standard's wording and skip reasons. */
  readonly audience: 'kid' | 'teacher';
}

const COLUMNS = 5;

/**
 * A student's path as a winding trail of stops (CSS grid, no library). For screen readers it is an ordered
 * list in path order; each stop is a large button that opens its statement and the reason for its status.
 */
export function PathMap({ progress, entries, targetsById, audience }: Props) {
  const { t, language } = useT();
  const say = useRulesMessage();
  const ids = useId();
  const [openId, setOpenId] = useState<string | null>(null);
  const stops = useMemo(
    () => buildMapStops(progress, entries, COLUMNS).filter((s) => targetsById.has(s.targetId)),
    [progress, entries, targetsById],
  );
  // The first rows of the trail show at once, the rest of a year's path just after.
  const shownStops = useFirstItemsFirst(stops, COLUMNS * 3);
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const formatDate = (date: string) => dates.format(new Date(`${date}T00:00:00Z`));
  // A code two stops share is told apart by the statement under it (the starter framework has several).
  const shared = sharedCodes(stops.map((s) => targetsById.get(s.targetId)!));
  const open = stops.find((s) => s.targetId === openId);
  const openTarget = open ? targetsById.get(open.targetId) : undefined;
  const title = t(audience === 'kid' ? 'pathMap.kidTitle' : 'pathMap.title');

  return (
    <section className="card path-trail-map" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{title}</h2>
      {stops.length === 0 ? (
        <p>{t('student.notOnPath')}</p>
      ) : (
        <>
          <p className="muted">
            {t('pathMap.summary', { mastered: progress.masteredCount, total: progress.neededCount })}
            {progress.pacing.status !== 'unplanned' ? ` · ${say(progress.pacing.message)}` : ''}
          </p>
          <ol className="map-trail" aria-labelledby={`${ids}-title`}>
            {shownStops.map((stop) => {
              const target = targetsById.get(stop.targetId)!;
              return (
                <PathMapStop
                  key={stop.targetId}
                  stop={stop}
                  target={target}
                  name={shared.has(target.code) ? asPhrase(targetStatement(target, language, 'kid')) : null}
                  isOpen={stop.targetId === openId}
                  detailId={`${ids}-detail`}
                  formatDate={formatDate}
                  onToggle={() => setOpenId(stop.targetId === openId ? null : stop.targetId)}
                />
              );
            })}
          </ol>
        </>
      )}
      <div id={`${ids}-detail`} className="map-trail-detail" aria-live="polite">
        {open && openTarget ? (
          <>
            <h3>
              {openTarget.code} <StatusBadge status={open.progress.status} skipped={open.kind === 'skipped'} />
            </h3>
            <p>{targetStatement(openTarget, language, audience)}</p>
            <p>{t('pathMap.why', { reason: say(open.progress.explanation.message) })}</p>
            {audience === 'teacher' && open.skippedReason ? (
              <p>{t('pathMap.skippedBecause', { reason: open.skippedReason })}</p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
