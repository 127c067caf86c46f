import { alive } from './live.ts';
import type { FrameworkRecord } from './records.ts';
import type { Store } from './store.ts';

/** Reads for the teacher's desk (overview, frameworks) that the older repositories do not offer. */
export async function listFrameworks(store: Store): Promise<FrameworkRecord[]> {
  return alive(await store.db.frameworks.toArray()).sort((a, b) => a.title.localeCompare(b.title));
}
