import { DEFAULT_SCALE } from '#protocol';
import { bulkRead } from './bulk-read.ts';
import { byTitle, readShared, readStudentsProgress } from './class-read.ts';
import { CLASS_OVERVIEW_TABLES } from './desk-repository.ts';
import { alive, aliveOne } from './live.ts';
import type { StudentProgressData } from './progress-data.ts';
import type {
  ClassRecord,
  EvidenceRecord,
  FrameworkRecord,
  SchoolRecord,
  StudentRecord,
  TeacherRecord,
} from './records.ts';
import type { Store } from './store.ts';

/** What the class exports (evidence, mastery, OneRoster results) need, read in one transaction. */
export interface ClassExportData {
  readonly group: ClassRecord;
  readonly school: SchoolRecord | undefined;
  /** One entry per student on the class list (archived students are left out), by name. */
  readonly students: readonly StudentProgressData<EvidenceRecord>[];
  readonly teachers: readonly TeacherRecord[];
  readonly frameworks: readonly FrameworkRecord[];
}

export function loadClassExportData(store: Store, classId: string): Promise<ClassExportData | null> {
  return bulkRead(store, [...CLASS_OVERVIEW_TABLES, 'teachers'], async (tx) => {
    // The class and the device's students first: the class's rows are asked for as soon as they are in.
    const first = Promise.all([tx.get<ClassRecord>('classes', classId), tx.getAll<StudentRecord>('students')]);
    const shared = readShared(tx);
    const rest = Promise.all([tx.getAll<TeacherRecord>('teachers'), tx.getAll<FrameworkRecord>('frameworks')]);
    const [group, students] = await first;
    const live = aliveOne(group);
    if (!live) return Promise.all([shared, rest]).then(() => null);
    const [progress, { schools }, [teachers, frameworks]] = await Promise.all([
      readStudentsProgress(tx, live, students, shared),
      shared,
      rest,
    ]);
    return {
      group: live,
      school: aliveOne(schools.find((s) => s.id === live.schoolId)),
      students: progress,
      teachers: alive(teachers),
      frameworks: byTitle(alive(frameworks)),
    };
  });
}

/**
 * The same as `loadClassExportData` without anyone's paths, evidence or decisions (each student's lists are
 * empty): what a year's evidence spreadsheet needs before it reads the evidence one student at a time
 * (`listEvidenceForStudent`), so a whole year of a class is never in memory at once.
 */
export async function loadClassExportFrame(store: Store, classId: string): Promise<ClassExportData | null> {
  const group = aliveOne(await store.db.classes.get(classId));
  if (!group) return null;
  const [students, targets, itemSets, schools, teachers, frameworks] = await Promise.all([
    store.db.students.where('classId').equals(classId).toArray(),
    store.db.targets.toArray(),
    store.db.itemSets.toArray(),
    store.db.schools.toArray(),
    store.db.teachers.toArray(),
    store.db.frameworks.toArray(),
  ]);
  const school = aliveOne(schools.find((s) => s.id === group.schoolId));
  const common = {
    targets: alive(targets).sort((a, b) => a.sequence - b.sequence),
    itemSets: alive(itemSets),
    scale: school?.scale ?? DEFAULT_SCALE,
    path: undefined,
    evidence: [],
    decisions: [],
  };
  return {
    group,
    school,
    students: alive(students)
      .filter((s) => !s.archived)
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((student) => ({ student, ...common })),
    teachers: alive(teachers),
    frameworks: byTitle(alive(frameworks)),
  };
}
