/**
 * One child across classes and school years. Each class holds its own record of a child (the server fixes
 * a record's class when it is made), so a child rolled into next year's class, added again by hand or
 * imported again from OneRoster gets a new record in the new class that names the same person: their
 * history stays on the earlier records, readable as their portfolio. Pure: the device and tests share it.
 */
import { normalBirthDate } from './birth-date.ts';
import { rosterId, rosterUserOf } from './oneroster.ts';

export { normalBirthDate } from './birth-date.ts';

export interface PersonFields {
  readonly id: string;
  readonly displayName: string;
  readonly personId?: string;
  readonly birthDate?: string;
  readonly sourcedId?: string;
}

/** The child's OneRoster user: the field, else the one the record id carries. */
export function sourcedIdOf(student: PersonFields): string | null {
  return student.sourcedId ?? rosterUserOf(student.id);
}

/**
 * The person a record belongs to: its person id; else its OneRoster user (so the records of a child in two
 * roster classes are one person, as they always were); else the record's own id (a child's first record).
 */
export function personOf(student: PersonFields): string {
  if (student.personId) return student.personId;
  const user = sourcedIdOf(student);
  return user === null ? student.id : rosterId(user);
}

/** A name as people compare names: case, accents, spacing and punctuation set aside. */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface KnownChildQuery {
  readonly displayName: string;
  readonly birthDate?: string;
  readonly sourcedId?: string;
}

/**
 * The records of a child already known: the same OneRoster user, or else the same name and date of birth
 * (a name alone is not enough: two children may share one). Empty when the child is new.
 */
export function findKnownChild<T extends PersonFields>(students: readonly T[], query: KnownChildQuery): T[] {
  if (query.sourcedId) {
    const bySourcedId = students.filter((s) => sourcedIdOf(s) === query.sourcedId);
    if (bySourcedId.length > 0) return samePerson(students, bySourcedId);
  }
  const birthDate = normalBirthDate(query.birthDate);
  if (birthDate === null) return [];
  const name = comparableName(query.displayName);
  if (name === '') return [];
  const byName = students.filter(
    (s) => normalBirthDate(s.birthDate) === birthDate && comparableName(s.displayName) === name,
  );
  return byName.length > 0 ? samePerson(students, byName) : [];
}

/** Every record of the persons the matches belong to. */
function samePerson<T extends PersonFields>(students: readonly T[], matches: readonly T[]): T[] {
  const persons = new Set(matches.map(personOf));
  return students.filter((s) => persons.has(personOf(s)));
}
