import type { EvidencePager, StudentProgressData } from '#db';
import type { StudentProgress } from '#rules';
import type { ConferenceNav } from './conference-nav.ts';
import { CurrentStepCard } from './CurrentStepCard.tsx';
import { PausedChecks } from './PausedChecks.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import { StudentChoice } from './StudentChoice.tsx';
import { PathMap } from './PathMap.tsx';
import { EvidenceTimeline } from './EvidenceTimeline.tsx';

interface Props {
  readonly data: StudentProgressData;
  readonly progress: StudentProgress;
  readonly nav: ConferenceNav;
  readonly timeline: EvidencePager;
}

/** The conference at a glance: the step now, what waits, the whole path, and the evidence behind it. */
export function ConferenceOverview({ data, progress, nav, timeline }: Props) {
  const targetsById = new Map(data.targets.map((t) => [t.id, t]));
  return (
    <div className="conference-overview">
      <div className="two-columns">
        <div>
          <CurrentStepCard data={data} progress={progress} nav={nav} />
          <PausedChecks studentId={data.student.id} targetsById={targetsById} nav={nav} />
          <ReviewQueue data={data} targetsById={targetsById} />
          <StudentChoice data={data} progress={progress} />
        </div>
        <EvidenceTimeline data={data} page={timeline} targetsById={targetsById} />
      </div>
      <PathMap data={data} progress={progress} nav={nav} />
    </div>
  );
}
