import { useLiveQuery } from 'dexie-react-hooks';
import {
  getActiveClass,
  listFrameworks,
  loadClassOverviewData,
  useStore,
  type ClassRecord,
  type FrameworkRecord,
} from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';
import { buildOverviewView, type OverviewView } from './overview-view.ts';

/** The active class's overview, live: it updates as evidence is recorded or synced in. */
export function useOverview():
  { group: ClassRecord | null; view: OverviewView | null; frameworks: readonly FrameworkRecord[] } | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const [group, frameworks] = await Promise.all([getActiveClass(store), listFrameworks(store)]);
    if (!group) return { group, view: null, frameworks };
    const now = new Date();
    const data = await loadClassOverviewData(store, group.id);
    const progress = data.map((d) => evaluateProgress(d, now));
    return { group, view: buildOverviewView(group, data, progress, now), frameworks };
  }, [store]);
}
