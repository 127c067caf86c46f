import { DEFAULT_SCALE } from '#protocol';
import { bulkRead, keyRuns, type BulkRead } from './bulk-read.ts';
import { ACTIVE_CLASS_KEY, chooseActiveClass } from './classes-repository.ts';
import { alive, aliveOne } from './live.ts';
import type { StudentProgressData } from './progress-data.ts';
import type {
  ClassRecord,
  DecisionRecord,
  EvidenceRecord,
  FrameworkRecord,
  ItemSetRecord,
  PathRecord,
  SchoolRecord,
  SettingRecord,
  StudentRecord,
  TargetRecord,
} from './records.ts';
import type { Store } from './store.ts';

/** Reads for the teacher's desk (overview, frameworks, exports) that the older repositories do not offer. */
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
    // One round for everything that does not depend on which class is active (the device's students and
    // schools are few), then one for the class's students: each round waits on IndexedDB's answers.
    const [active, classes, frameworks, shared] = await Promise.all([
      tx.get<SettingRecord>('settings', ACTIVE_CLASS_KEY),
      tx.getAll<ClassRecord>('classes'),
      tx.getAll<FrameworkRecord>('frameworks'),
      readShared(tx),
    ]);
    const group = chooseActiveClass(active?.value as string | undefined, classes);
    const students = group ? await readStudentsProgress(tx, group, shared) : [];
    return { group, frameworks: byTitle(alive(frameworks)), students };
  });
}

/** A whole class's progress data, like loadClassProgressData, read in one transaction (see bulk-read.ts). */
export function loadClassOverviewData(store: Store, classId: string): Promise<StudentProgressData[]> {
  return bulkRead(store, CLASS_OVERVIEW_TABLES, async (tx) => {
    const [group, shared] = await Promise.all([tx.get<ClassRecord>('classes', classId), readShared(tx)]);
    return readStudentsProgress(tx, aliveOne(group) ?? { id: classId }, shared);
  });
}

interface SharedRows {
  readonly students: StudentRecord[];
  readonly targets: TargetRecord[];
  readonly itemSets: ItemSetRecord[];
  readonly schools: SchoolRecord[];
}

async function readShared(tx: BulkRead): Promise<SharedRows> {
  const [students, targets, itemSets, schools] = await Promise.all([
    tx.getAll<StudentRecord>('students'),
    tx.getAll<TargetRecord>('targets'),
    tx.getAll<ItemSetRecord>('itemSets'),
    tx.getAll<SchoolRecord>('schools'),
  ]);
  return { students, targets, itemSets, schools };
}

/**
 * The class's students (archived ones left out, by name) with their paths, evidence and decisions, read by
 * key ranges that hold this class's students and no other child on the device (see keyRuns): usually three
 * requests for the whole class, where one per student and table took about a hundred.
 */
async function readStudentsProgress(
  tx: BulkRead,
  group: Pick<ClassRecord, 'id'> & Partial<Pick<ClassRecord, 'schoolId'>>,
  rows: SharedRows,
): Promise<StudentProgressData[]> {
  const listed = alive(rows.students)
    .filter((s) => s.classId === group.id && !s.archived)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const ids = new Set(listed.map((s) => s.id));
  const runs = keyRuns(
    ids,
    rows.students.map((s) => s.id),
  );
  const between = <T>(table: string, index: string | null) =>
    Promise.all(runs.map(([first, last]) => tx.getAllBetween<T>(table, index, first, last))).then((r) => r.flat());
  const [paths, evidence, decisions] = await Promise.all([
    between<PathRecord>('paths', null),
    between<EvidenceRecord>('evidence', 'studentId'),
    between<DecisionRecord>('decisions', 'studentId'),
  ]);
  const pathOf = new Map(paths.map((p) => [p.id, p]));
  const evidenceOf = groupByStudent(alive(evidence));
  const decisionsOf = groupByStudent(alive(decisions));
  const school = aliveOne(rows.schools.find((s) => s.id === group.schoolId));
  const shared = {
    targets: alive(rows.targets).sort((a, b) => a.sequence - b.sequence),
    itemSets: alive(rows.itemSets),
    scale: school?.scale ?? DEFAULT_SCALE,
  };
  return listed.map((student): StudentProgressData => ({
    student,
    path: aliveOne(pathOf.get(student.id)),
    evidence: evidenceOf.get(student.id) ?? [],
    decisions: decisionsOf.get(student.id) ?? [],
    ...shared,
  }));
}

function groupByStudent<T extends { readonly studentId: string }>(rows: readonly T[]): Map<string, T[]> {
  const byStudent = new Map<string, T[]>();
  for (const row of rows) {
    const list = byStudent.get(row.studentId);
    if (list) list.push(row);
    else byStudent.set(row.studentId, [row]);
  }
  return byStudent;
}

function byTitle(frameworks: FrameworkRecord[]): FrameworkRecord[] {
  return frameworks.sort((a, b) => a.title.localeCompare(b.title));
}
