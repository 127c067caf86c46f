import { DEFAULT_SCALE } from '#protocol';
import type { RosterPreview } from '#protocol/oneroster.ts';
import type { Store } from './store.ts';
import { getConnection } from './sync-state-repository.ts';
import { writeMany, type FieldWrite } from './write-funnel.ts';

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
}

/** Record ids of imported rows: stable, so importing the next term's files updates rather than duplicates. */
export const rosterId = (sourcedId: string): string => `oneroster:${sourcedId}`;

/**
 * Writes the chosen classes of a previewed roster in one transaction: schools (unless the device belongs to
 * a server's school), classes and their students
 * (new students get a picture no classmate has; a re-import updates names and never a chosen picture).
 * Refuses a preview with a fatal problem (a missing file or column), so a broken upload writes nothing.
 */
export interface RosterImportResult {
  readonly classes: number;
  readonly students: number;
  /** The imported classes' ids, in the roster's order. */
  readonly classIds: readonly string[];
}

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
  let students = 0;
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
      const id = rosterId(person.sourcedId);
      const known = await store.db.students.get(id);
      if (known) {
        writes.push({ table: 'students', recordId: id, fields: { displayName: person.displayName, classId } });
      } else {
        const picture = pickPicture(used, options.pictures);
        used.push(picture);
        writes.push({
          table: 'students',
          recordId: id,
          fields: {
            id,
            classId,
            displayName: person.displayName,
            picture,
            familyLanguage: options.familyLanguage,
            archived: false,
          },
        });
      }
      students += 1;
    }
  }
  await writeMany(store.db, store.env, writes);
  return { classes: chosen.length, students, classIds: chosen.map((c) => rosterId(c.sourcedId)) };
}

/** The first picture no classmate has; once all are taken, the least used one. */
export function pickPicture(used: readonly string[], pictures: readonly string[]): string {
  const counts = new Map(pictures.map((p) => [p, 0]));
  for (const p of used) if (counts.has(p)) counts.set(p, counts.get(p)! + 1);
  let best = pictures[0] ?? 'star';
  for (const [picture, count] of counts) if (count < (counts.get(best) ?? Infinity)) best = picture;
  return best;
}
