import { useMemo } from 'react';
import type { StudentProgressData } from '#db';
import type { StudentProgress } from '#rules';
import { useFirstItemsFirst } from '#ui/useFirstItemsFirst.ts';
import { useT } from '#ui/useT.ts';
import type { ConferenceNav } from './conference-nav.ts';
import { TargetNode } from './TargetNode.tsx';

/** The path as a map: one stop per target, in order, grouped by strand; each stop opens its reason. */
export function PathMap({
  data,
  progress,
  nav,
}: {
  data: StudentProgressData;
  progress: StudentProgress;
  nav: ConferenceNav;
}) {
  const { t } = useT();
  const stops = useMemo(() => {
    const byId = new Map(data.targets.map((target) => [target.id, target]));
    return progress.targets.flatMap((p) => {
      const target = byId.get(p.targetId);
      return target ? [{ target, progress: p }] : [];
    });
  }, [data.targets, progress.targets]);
  // The first stops show at once, the rest of a year's path just after.
  const shown = useFirstItemsFirst(stops, 12);
  if (stops.length === 0) return <p>{t('student.notOnPath')}</p>;
  return (
    <section className="path-map-section" aria-labelledby="map-title">
      <h2 id="map-title">{t('conference.map.title')}</h2>
      <p className="muted">
        {t('conference.map.summary', { mastered: progress.masteredCount, total: progress.neededCount })}
      </p>
      <ol className="path-map" aria-labelledby="map-title">
        {shown.map((stop) => (
          <TargetNode
            key={stop.target.id}
            target={stop.target}
            progress={stop.progress}
            isCurrent={stop.target.id === progress.currentTargetId}
            studentId={data.student.id}
            nav={nav}
          />
        ))}
      </ol>
    </section>
  );
}
