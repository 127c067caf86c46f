import { DEFAULT_SCALE } from '#protocol';
import {
  rosterEnrollmentId,
  rosterEnrollmentPrefix,
  rosterId,
  rosterUserOf,
  type RosterClass,
  type RosterPreview,
} from '#protocol/oneroster.ts';
import { findKnownChild } from '#protocol/person.ts';
import { alive } from './live.ts';
import { madeAt } from './person-repository.ts';
import type { StudentRecord } from './records.ts';
import type { Store } from './store.ts';
import { nowIso } from './store.ts';
import { deviceTeacher, getConnection } from './sync-state-repository.ts';
import { writeMany, type FieldWrite } from './write-funnel.ts';
import { carriedChildWrites, isClosedClass, type CarriedStatus, type CarryReasons } from './year-rollover.ts';

export { rosterEnrollmentId, rosterId, rosterUserOf } from '#protocol/oneroster.ts';

export class RosterImportError extends Error {
  override name = 'RosterImportError';
}

export interface RosterImportOptions {
  /** The classes the teacher ticked in the preview. */
  readonly classSourcedIds: readonly string[];
  /** Picture ids to hand out (src/ui/pictures), in order of preference. */
  readonly pictures: readonly string[];
  /** The family language of new students until the teacher sets each one. */
  readonly familyLanguage: string;
  /**
   * What a child already known from another class or year carries into their new record (the rules decide
   * it, on the screen that imports); without it they are linked to their history and carry nothing.
   */
  readonly carry?: (
    earlier: StudentRecord,
    classId: string,
  ) => Promise<{ readonly status: CarriedStatus | null; readonly reasons: CarryReasons }>;
}

export interface RosterImportResult {
  readonly classes: number;
  /** Children imported (each counted once, whatever the number of their classes). */
  readonly students: number;
  /** Of those, the children in two or more of the imported classes (one record in each). */
  readonly inSeveralClasses: number;
  /** The imported classes' ids, in the roster's order. */
  readonly classIds: readonly string[];
  /** Children new to these classes whose earlier records (another class or year) their new ones link to. */
  readonly linked: number;
}

/**
 * Which record holds a child in each of their ticked classes. A child in one class keeps the plain record
 * `oneroster:<user>`, as before; a child in several has that record in one class and a record of their own
 * (`rosterEnrollmentId`) in each other class. A record already in one of the child's classes stays there; a
 * child whose files no longer name their record's class moves with it (next term's files), so their
 * evidence goes with them.
 */
function placeRecords(
  userSourcedId: string,
  chosen: readonly string[],
  enrolled: ReadonlySet<string>,
  known: ReadonlyMap<string, StudentRecord>,
  closed: ReadonlySet<string>,
): Map<string, string> {
  const placed = new Map<string, string>();
  for (const classSourcedId of chosen) {
    const id = rosterEnrollmentId(userSourcedId, classSourcedId);
    if (known.has(id)) placed.set(classSourcedId, id);
  }
  const primaryId = rosterId(userSourcedId);
  const primary = known.get(primaryId);
  const primaryClass = primary ? chosen.find((c) => rosterId(c) === primary.classId) : undefined;
  // A record in a closed class (last school year's) stays there: the child gets a new record, linked to it.
  const stays =
    (primary !== undefined && [...enrolled].some((c) => rosterId(c) === primary.classId)) || closed.has(primaryId);
  if (primaryClass !== undefined && !placed.has(primaryClass)) placed.set(primaryClass, primaryId);
  else if (!stays) {
    const free = chosen.find((c) => !placed.has(c));
    if (free !== undefined) placed.set(free, primaryId);
  }
  for (const classSourcedId of chosen) {
    if (!placed.has(classSourcedId)) placed.set(classSourcedId, rosterEnrollmentId(userSourcedId, classSourcedId));
  }
  return placed;
}

/**
 * Writes the chosen classes of a previewed roster in one transaction: schools (unless the device belongs to
 * a server's school), classes and their students, a child in several classes in each of them (new students
 * get a picture no classmate has, the one they have in another class when it is free; a re-import updates
 * names and never a chosen picture). Refuses a preview with a fatal problem (a missing file or column), so
 * a broken upload writes nothing.
 */
export async function importRoster(
  store: Store,
  preview: RosterPreview,
  options: RosterImportOptions,
): Promise<RosterImportResult> {
  if (preview.fatal)
    throw new RosterImportError('The roster files have problems that stop the import; nothing was written.');
  const chosen = preview.classes.filter((c) => options.classSourcedIds.includes(c.sourcedId));
  const writes: FieldWrite[] = [];
  // A device connected to a school server belongs to that school: the classes join it (the server accepts
  // no other school from it). A device on its own keeps the roster's schools.
  const connectedSchoolId = (await getConnection(store))?.scope.schoolId ?? null;
  const schoolIdOf = (sourcedId: string): string => connectedSchoolId ?? rosterId(sourcedId);
  const rosterSchools = connectedSchoolId === null ? preview.schools : [];
  for (const school of rosterSchools.filter((s) => chosen.some((c) => c.schoolSourcedId === s.sourcedId))) {
    const id = rosterId(school.sourcedId);
    const exists = await store.db.schools.get(id);
    writes.push({
      table: 'schools',
      recordId: id,
      fields: exists ? { name: school.name } : { id, name: school.name, scale: DEFAULT_SCALE },
    });
  }

  const classesOf = studentClasses(preview.classes);
  const known = new Map<string, StudentRecord>();
  // Records in closed classes (last school year's) are never moved or renamed: they are the child's history.
  const closedClasses = new Set(
    alive(await store.db.classes.toArray())
      .filter(isClosedClass)
      .map((c) => c.id),
  );
  const closed = new Set<string>();
  // Pictures a child already has, so the same child keeps the same picture in each class when it is free.
  const picturesOf = new Map<string, string[]>();
  for (const [user, classes] of classesOf) {
    const ids = [rosterId(user), ...classes.map((c) => rosterEnrollmentId(user, c))];
    for (const row of await store.db.students.bulkGet(ids)) {
      if (!row || row.deleted) continue;
      if (closedClasses.has(row.classId)) closed.add(row.id);
      else known.set(row.id, row);
      picturesOf.set(user, [...(picturesOf.get(user) ?? []), row.picture]);
    }
  }
  // Every child on the device, to find a child already known under another record (by hand, last year).
  const everyone = alive(await store.db.students.toArray());
  const actor = await deviceTeacher(store);
  const at = nowIso(store);
  let linked = 0;
  const chosenIds = chosen.map((c) => c.sourcedId);
  const placement = new Map(
    [...classesOf].map(([user, classes]) => [
      user,
      placeRecords(
        user,
        classes.filter((c) => chosenIds.includes(c)),
        new Set(classes),
        known,
        closed,
      ),
    ]),
  );

  const imported = new Set<string>();
  for (const group of chosen) {
    const classId = rosterId(group.sourcedId);
    const exists = await store.db.classes.get(classId);
    const fields = { name: group.title, schoolId: schoolIdOf(group.schoolSourcedId) };
    writes.push({
      table: 'classes',
      recordId: classId,
      fields: exists
        ? fields
        : { id: classId, ...fields, teacherIds: [], templateTargetIds: [], language: options.familyLanguage },
    });
    const classmates = await store.db.students.where('classId').equals(classId).toArray();
    const used = classmates.map((s) => s.picture);
    for (const person of group.students) {
      const id = placement.get(person.sourcedId)!.get(group.sourcedId)!;
      imported.add(person.sourcedId);
      const existing = known.get(id);
      const identity = {
        sourcedId: person.sourcedId,
        ...(person.birthDate ? { birthDate: person.birthDate } : {}),
      };
      if (existing) {
        const update = { displayName: person.displayName, classId };
        const missing = Object.entries(identity).filter(
          ([field, value]) => existing[field as keyof StudentRecord] !== value,
        );
        writes.push({ table: 'students', recordId: id, fields: { ...update, ...Object.fromEntries(missing) } });
        continue;
      }
      const own = (picturesOf.get(person.sourcedId) ?? []).find((p) => !used.includes(p));
      const picture = own ?? pickPicture(used, options.pictures);
      used.push(picture);
      picturesOf.set(person.sourcedId, [...(picturesOf.get(person.sourcedId) ?? []), picture]);
      const fields = {
        id,
        classId,
        displayName: person.displayName,
        picture,
        familyLanguage: options.familyLanguage,
        archived: false,
        ...identity,
      };
      // A record of the same OneRoster user in an open class is the same child in two classes at once (each
      // class its own record, as ever); last year's record, or one made by hand, is history to link to.
      const earlier = latestRecord(
        findKnownChild(everyone, person).filter(
          (s) => s.classId !== classId && (closedClasses.has(s.classId) || rosterUserOf(s.id) !== person.sourcedId),
        ),
      );
      if (!earlier) {
        writes.push({ table: 'students', recordId: id, fields });
        continue;
      }
      // A child known from another class or year: a new record here, linked to their history.
      linked += 1;
      const { status, reasons } = options.carry
        ? await options.carry(earlier, classId)
        : { status: null, reasons: { mastered: '', current: '' } };
      const carried = carriedChildWrites(store, { from: earlier, classId, status, actor, at, reasons, fields, id });
      writes.push(...carried.writes);
    }
  }
  await writeMany(store.db, store.env, writes);
  const inSeveral = [...imported].filter((user) => (placement.get(user)?.size ?? 0) > 1).length;
  return {
    classes: chosen.length,
    students: imported.size,
    inSeveralClasses: inSeveral,
    classIds: chosen.map((c) => rosterId(c.sourcedId)),
    linked,
  };
}

/** Of a child's earlier records, the one to link to: the latest, by when its record was first stamped. */
function latestRecord(records: readonly StudentRecord[]): StudentRecord | undefined {
  return [...records].sort((a, b) => madeAt(a).localeCompare(madeAt(b)))[records.length - 1];
}

/** Each student's classes (by sourcedId) in the roster's class order. */
function studentClasses(classes: readonly RosterClass[]): Map<string, string[]> {
  const byUser = new Map<string, string[]>();
  for (const group of classes) {
    for (const person of group.students) {
      const list = byUser.get(person.sourcedId) ?? [];
      if (!list.includes(group.sourcedId)) byUser.set(person.sourcedId, [...list, group.sourcedId]);
    }
  }
  return byUser;
}

/** The first picture no classmate has; once all are taken, the least used one. */
export function pickPicture(used: readonly string[], pictures: readonly string[]): string {
  const counts = new Map(pictures.map((p) => [p, 0]));
  for (const p of used) if (counts.has(p)) counts.set(p, counts.get(p)! + 1);
  let best = pictures[0] ?? 'star';
  for (const [picture, count] of counts) if (count < (counts.get(best) ?? Infinity)) best = picture;
  return best;
}

/**
 * For each of `students` imported from OneRoster, the names of the other classes (alive, not archived)
 * where the same child has a record: the link between a child's records is their OneRoster user.
 */
export async function linkedClassNames(
  store: Store,
  students: readonly { readonly id: string; readonly classId: string }[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const student of students) {
    const user = rosterUserOf(student.id);
    if (user === null) continue;
    const others = [
      ...alive(await store.db.students.where('id').equals(rosterId(user)).toArray()),
      ...alive(await store.db.students.where('id').startsWith(rosterEnrollmentPrefix(user)).toArray()),
    ].filter((s) => s.classId !== student.classId && !s.archived);
    if (others.length === 0) continue;
    const classes = alive(await store.db.classes.bulkGet(others.map((s) => s.classId)).then(present));
    if (classes.length > 0)
      out.set(
        student.id,
        classes.map((c) => c.name).sort((a, b) => a.localeCompare(b)),
      );
  }
  return out;
}

const present = <T>(rows: readonly (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);
