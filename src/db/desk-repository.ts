import { bulkRead } from './bulk-read.ts';
import { byTitle, readShared, readStudentsProgress } from './class-read.ts';
import { ACTIVE_CLASS_KEY, chooseActiveClass } from './classes-repository.ts';
import { alive } from './live.ts';
import type { StudentProgressData } from './progress-data.ts';
import type { ClassRecord, FrameworkRecord, SettingRecord, StudentRecord } from './records.ts';
import type { Store } from './store.ts';

/** Reads for the teacher's desk (overview, frameworks) that the older repositories do not offer. */
export async function listFrameworks(store: Store): Promise<FrameworkRecord[]> {
  return byTitle(alive(await store.db.frameworks.toArray()));
}

/** The tables the class overview reads: a write to any of them may change what it shows. */
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

export interface ActiveClassOverviewData {
  /** The device's active class (as getActiveClass chooses it); null when there is none. */
  readonly group: ClassRecord | null;
  readonly frameworks: FrameworkRecord[];
  /** One entry per student on the class list (archived students left out), by name. */
  readonly students: StudentProgressData[];
}

/** The active class with every student's progress data and the frameworks, read in one transaction. */
export function readActiveClassOverview(store: Store): Promise<ActiveClassOverviewData> {
  return bulkRead(store, CLASS_OVERVIEW_TABLES, async (tx) => {
    // What tells the active class and its children first; the class's rows are asked for as soon as those
    // are in, while IndexedDB still answers the rest (see readStudentsProgress).
    const first = Promise.all([
      tx.get<SettingRecord>('settings', ACTIVE_CLASS_KEY),
      tx.getAll<ClassRecord>('classes'),
      tx.getAll<StudentRecord>('students'),
    ]);
    const frameworksRead = tx.getAll<FrameworkRecord>('frameworks');
    const shared = readShared(tx);
    const [active, classes, all] = await first;
    const group = chooseActiveClass(active?.value as string | undefined, classes);
    const [frameworks, students] = await Promise.all([
      frameworksRead,
      group ? readStudentsProgress(tx, group, all, shared) : shared.then(() => []),
    ]);
    return { group, frameworks: byTitle(alive(frameworks)), students };
  });
}
