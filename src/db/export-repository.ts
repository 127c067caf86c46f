import { bulkRead } from './bulk-read.ts';
import { byTitle, readShared, readStudentsProgress } from './class-read.ts';
import { CLASS_OVERVIEW_TABLES } from './desk-repository.ts';
import { alive, aliveOne } from './live.ts';
import type { StudentProgressData } from './progress-data.ts';
import type { ClassRecord, FrameworkRecord, SchoolRecord, TeacherRecord } from './records.ts';
import type { Store } from './store.ts';

/** What the class exports (evidence, mastery, OneRoster results) need, read in one transaction. */
export interface ClassExportData {
  readonly group: ClassRecord;
  readonly school: SchoolRecord | undefined;
  /** One entry per student on the class list (archived students are left out), by name. */
  readonly students: readonly StudentProgressData[];
  readonly teachers: readonly TeacherRecord[];
  readonly frameworks: readonly FrameworkRecord[];
}

export function loadClassExportData(store: Store, classId: string): Promise<ClassExportData | null> {
  return bulkRead(store, [...CLASS_OVERVIEW_TABLES, 'teachers'], async (tx) => {
    const [group, shared, teachers, frameworks] = await Promise.all([
      tx.get<ClassRecord>('classes', classId),
      readShared(tx),
      tx.getAll<TeacherRecord>('teachers'),
      tx.getAll<FrameworkRecord>('frameworks'),
    ]);
    const live = aliveOne(group);
    if (!live) return null;
    return {
      group: live,
      school: aliveOne(shared.schools.find((s) => s.id === live.schoolId)),
      students: await readStudentsProgress(tx, live, shared),
      teachers: alive(teachers),
      frameworks: byTitle(alive(frameworks)),
    };
  });
}
