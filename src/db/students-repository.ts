import type { Student } from '#protocol';
import { alive, aliveOne } from './live.ts';
import type { StudentRecord } from './records.ts';
import { newId, type Store } from './store.ts';
import { writeFields } from './write-funnel.ts';

export async function listStudents(store: Store, classId: string): Promise<StudentRecord[]> {
  const rows = alive(await store.db.students.where('classId').equals(classId).toArray());
  return rows.filter((s) => !s.archived).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function getStudent(store: Store, id: string): Promise<StudentRecord | undefined> {
  return aliveOne(await store.db.students.get(id));
}

export async function addStudent(store: Store, student: Omit<Student, 'id' | 'archived'>): Promise<Student> {
  const created: Student = { ...student, id: newId(store), archived: false };
  await writeFields(store.db, store.env, 'students', created.id, { ...created });
  return created;
}

export async function updateStudent(
  store: Store,
  id: string,
  changes: Partial<Pick<Student, 'displayName' | 'picture' | 'familyLanguage' | 'archived'>>,
): Promise<void> {
  await writeFields(store.db, store.env, 'students', id, changes);
}
