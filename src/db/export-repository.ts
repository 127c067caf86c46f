import { getClass, getSchool } from './classes-repository.ts';
import { listFrameworks, loadClassOverviewData } from './desk-repository.ts';
import { alive } from './live.ts';
import type { StudentProgressData } from './progress-data.ts';
import type { ClassRecord, FrameworkRecord, SchoolRecord, TeacherRecord } from './records.ts';
import type { Store } from './store.ts';

/** What the class exports (evidence, mastery, OneRoster results) need, read at one moment. */
export interface ClassExportData {
  readonly group: ClassRecord;
  readonly school: SchoolRecord | undefined;
  /** One entry per student on the class list (archived students are left out), by name. */
  readonly students: readonly StudentProgressData[];
  readonly teachers: readonly TeacherRecord[];
  readonly frameworks: readonly FrameworkRecord[];
}

export async function loadClassExportData(store: Store, classId: string): Promise<ClassExportData | null> {
  const group = await getClass(store, classId);
  if (!group) return null;
  const [school, students, teachers, frameworks] = await Promise.all([
    getSchool(store, group.schoolId),
    loadClassOverviewData(store, classId),
    store.db.teachers.toArray(),
    listFrameworks(store),
  ]);
  return { group, school, students, teachers: alive(teachers), frameworks };
}
