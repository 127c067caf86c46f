import { DEFAULT_SCALE } from '#protocol';
import { keyRuns, type BulkRead } from './bulk-read.ts';
import { alive, aliveOne, readable } from './live.ts';
import type { StudentProgressData } from './progress-data.ts';
import type {
  ClassRecord,
  DecisionRecord,
  EvidenceRecord,
  FrameworkRecord,
  ItemSetRecord,
  PathRecord,
  SchoolRecord,
  StudentRecord,
  TargetRecord,
} from './records.ts';

// A whole class read at once, in one bulkRead (the overview's and the exports'): the device's students
// first (they tell which key ranges hold the class), then the class's children by those key ranges, while
// the rest of what does not depend on the class is still being read.

/** The rows of the device every class read needs besides its students, whichever class it is. */
export interface SharedRows {
  readonly targets: TargetRecord[];
  readonly itemSets: ItemSetRecord[];
  readonly schools: SchoolRecord[];
}

export async function readShared(tx: BulkRead): Promise<SharedRows> {
  const [targets, itemSets, schools] = await Promise.all([
    tx.getAll<TargetRecord>('targets'),
    tx.getAll<ItemSetRecord>('itemSets'),
    tx.getAll<SchoolRecord>('schools'),
  ]);
  return { targets, itemSets, schools };
}

/**
 * The class's students (archived ones left out, by name) with their paths, evidence and decisions, read by
 * key ranges that hold this class's students and no other child on the device (see keyRuns): usually three
 * requests for the whole class, where one per student and table took about a hundred. `students` are all
 * the device's students. The requests go out at once; `shared` is awaited only to put the result together,
 * so IndexedDB reads the class's rows while the page still turns the shared rows into objects.
 */
export async function readStudentsProgress(
  tx: BulkRead,
  group: ClassRecord,
  students: readonly StudentRecord[],
  shared: Promise<SharedRows>,
): Promise<StudentProgressData<EvidenceRecord>[]> {
  const listed = alive(students)
    .filter((s) => s.classId === group.id && !s.archived)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const ids = new Set(listed.map((s) => s.id));
  const runs = keyRuns(
    ids,
    students.map((s) => s.id),
  );
  const between = <T>(table: string, index: string | null) =>
    Promise.all(runs.map(([first, last]) => tx.getAllBetween<T>(table, index, first, last))).then((r) => r.flat());
  const [paths, evidence, decisions, rows] = await Promise.all([
    between<PathRecord>('paths', null),
    between<EvidenceRecord>('evidence', '[studentId+observedAt]'),
    between<DecisionRecord>('decisions', 'studentId'),
    shared,
  ]);
  const pathOf = new Map(paths.map((p) => [p.id, p]));
  const evidenceOf = groupByStudent(readable('evidence', evidence));
  const decisionsOf = groupByStudent(readable('decisions', decisions));
  const school = aliveOne(rows.schools.find((s) => s.id === group.schoolId));
  const common = {
    targets: alive(rows.targets).sort((a, b) => a.sequence - b.sequence),
    itemSets: alive(rows.itemSets),
    scale: school?.scale ?? DEFAULT_SCALE,
  };
  return listed.map((student): StudentProgressData<EvidenceRecord> => ({
    student,
    path: aliveOne(pathOf.get(student.id)),
    evidence: evidenceOf.get(student.id) ?? [],
    decisions: decisionsOf.get(student.id) ?? [],
    ...common,
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

export function byTitle(frameworks: FrameworkRecord[]): FrameworkRecord[] {
  return frameworks.sort((a, b) => a.title.localeCompare(b.title));
}
