import {
  CLASS_OVERVIEW_TABLES,
  readActiveClassOverview,
  useSuspendingLiveRead,
  type ClassRecord,
  type FrameworkRecord,
  type Store,
} from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';
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
  return useSuspendingLiveRead(loadOverview, CLASS_OVERVIEW_TABLES);
}

async function loadOverview(store: Store): Promise<LoadedOverview> {
  const { group, frameworks, students } = await readActiveClassOverview(store);
  if (!group) return { group, view: null, frameworks };
  const now = new Date();
  const progress = students.map((d) => evaluateProgress(d, now));
  return { group, view: buildOverviewView(group, students, progress, now), frameworks };
}
