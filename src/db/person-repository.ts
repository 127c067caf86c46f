/**
 * A child's records across classes and school years (src/protocol/person.ts): the portfolio reads them, and
 * adding or importing a child looks here first so a child already known is linked, never duplicated. The
 * students table holds a school's children (hundreds), so it is read whole rather than indexed.
 */
import { findKnownChild, personOf, type KnownChildQuery } from '#protocol/person.ts';
import { alive } from './live.ts';
import type { ClassRecord, StudentRecord } from './records.ts';
import type { Store } from './store.ts';

/** One of a child's records with its class (missing when this device does not hold that class). */
export interface PersonRecord {
  readonly student: StudentRecord;
  readonly group: ClassRecord | undefined;
}

/** Every record of the child `studentId` belongs to, oldest first (this one included). */
export async function listPersonRecords(store: Store, studentId: string): Promise<PersonRecord[]> {
  const all = alive(await store.db.students.toArray());
  const me = all.find((s) => s.id === studentId);
  if (!me) return [];
  const person = personOf(me);
  return withClasses(
    store,
    all.filter((s) => personOf(s) === person),
  );
}

/** The records of a child already known (same OneRoster user, or same name and date of birth). */
export async function findKnownChildRecords(store: Store, query: KnownChildQuery): Promise<PersonRecord[]> {
  return withClasses(store, findKnownChild(alive(await store.db.students.toArray()), query));
}

async function withClasses(store: Store, students: readonly StudentRecord[]): Promise<PersonRecord[]> {
  const classes = await store.db.classes.bulkGet([...new Set(students.map((s) => s.classId))]);
  const byId = new Map(alive(classes.filter((c): c is ClassRecord => c !== undefined)).map((c) => [c.id, c]));
  return students
    .map((student) => ({ student, group: byId.get(student.classId) }))
    .sort((a, b) => madeAt(a.student).localeCompare(madeAt(b.student)) || a.student.id.localeCompare(b.student.id));
}

/** When a record was made: the clock stamp of its id field (set once, when the record is written first). */
export function madeAt(student: StudentRecord): string {
  return student._hlc['id'] ?? student._hlc['classId'] ?? '';
}
