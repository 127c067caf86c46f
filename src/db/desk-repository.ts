import { byTitle } from './class-read.ts';
import { alive } from './live.ts';
import type { FrameworkRecord } from './records.ts';
import type { Store } from './store.ts';

/** Reads for the teacher's desk (overview, frameworks) that the older repositories do not offer. */
export async function listFrameworks(store: Store): Promise<FrameworkRecord[]> {
  return byTitle(alive(await store.db.frameworks.toArray()));
}

/** The tables the class exports read (a whole class, every record). */
export const CLASS_OVERVIEW_TABLES = [
  'settings',
  'classes',
  'schools',
  'frameworks',
  'students',
  'paths',
  'targets',
  'itemSets',
  'evidence',
  'decisions',
] as const;
