import type { StudentProgressData } from '#db';
import type { StudentProgress } from '#rules';
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
  const byId = new Map(data.targets.map((target) => [target.id, target]));
  const stops = progress.targets.flatMap((p) => {
    const target = byId.get(p.targetId);
    return target ? [{ target, progress: p }] : [];
  });
  if (stops.length === 0) return <p>{t('student.notOnPath')}</p>;
  return (
    <section className="path-map-section" aria-labelledby="map-title">
      <h2 id="map-title">{t('conference.map.title')}</h2>
      <p className="muted">
        {t('conference.map.summary', { mastered: progress.masteredCount, total: progress.neededCount })}
      </p>
      <ol className="path-map" aria-labelledby="map-title">
        {stops.map((stop) => (
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
