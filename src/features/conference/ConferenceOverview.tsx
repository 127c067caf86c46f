import { memo, useMemo } from 'react';
import type { EvidencePager, EvidenceRecord, StudentProgressData } from '#db';
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
  /** The records of the student's submissions waiting for review (read with the rest: readConference). */
  readonly waiting: readonly EvidenceRecord[];
}

/** The conference at a glance: the step now, what waits, the whole path, and the evidence behind it. */
export function ConferenceOverview({ data, progress, nav, timeline, waiting }: Props) {
  const targetsById = useMemo(() => new Map(data.targets.map((t) => [t.id, t])), [data.targets]);
  return (
    <div className="conference-overview">
      <div className="two-columns">
        <StepNow data={data} progress={progress} nav={nav} targetsById={targetsById} waiting={waiting} />
        <EvidenceTimeline data={data} page={timeline} targetsById={targetsById} />
      </div>
      <ConferenceMap data={data} progress={progress} nav={nav} />
    </div>
  );
}

// The timeline's page arrives on its own: these render again only when the child's data or the view change.
const StepNow = memo(function StepNow(
  props: Omit<Props, 'timeline'> & {
    readonly targetsById: ReadonlyMap<string, StudentProgressData['targets'][number]>;
  },
) {
  const { data, progress, nav, targetsById, waiting } = props;
  return (
    <div>
      <CurrentStepCard data={data} progress={progress} nav={nav} />
      <PausedChecks studentId={data.student.id} targetsById={targetsById} nav={nav} />
      <ReviewQueue data={data} waiting={waiting} targetsById={targetsById} />
      <StudentChoice data={data} progress={progress} />
    </div>
  );
});

const ConferenceMap = memo(PathMap);
