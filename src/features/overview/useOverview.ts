import {
  CLASS_PROGRESS_TABLES,
  readClassProgress,
  useSuspendingLiveRead,
  type ClassRecord,
  type FrameworkRecord,
  type Store,
} from '#db';
import { studentSummaries } from '#ui/progress-summary.ts';
import { buildOverviewView, type OverviewView } from './overview-view.ts';

export interface LoadedOverview {
  readonly group: ClassRecord | null;
  readonly view: OverviewView | null;
  readonly frameworks: readonly FrameworkRecord[];
}

/**
 * The active class's overview, live: it updates as evidence is recorded or synced in. Suspends until the
 * first read is done (the page before stays up meanwhile: the router navigates in a transition).
 */
export function useOverview(): LoadedOverview {
  return useSuspendingLiveRead(loadOverview, CLASS_PROGRESS_TABLES);
}

/** Each child's summary of the rules' result, cached per child and day (src/db/class-progress.ts). */
async function loadOverview(store: Store): Promise<LoadedOverview> {
  const now = new Date();
  const { group, frameworks, rows, targets } = await readClassProgress(store, studentSummaries(now));
  if (!group) return { group, view: null, frameworks };
  return { group, view: buildOverviewView(group, rows, targets, now), frameworks };
}
