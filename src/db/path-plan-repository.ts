import { DELETED_FIELD, type PathEntry } from '#protocol';
import { getClass } from './classes-repository.ts';
import { aliveOne } from './live.ts';
import { savePath } from './paths-repository.ts';
import type { Store } from './store.ts';
import { listStudents } from './students-repository.ts';
import { funnelScope, writeFields, writeMany, type FieldWrite } from './write-funnel.ts';

/** What saving the class path did to the students' paths. */
export interface ClassPathOutcome {
  /** Distinct targets appended to at least one existing path. */
  readonly addedTargetCount: number;
  /** Existing paths that got targets appended. */
  readonly extendedPathCount: number;
  /** Students without a path who got the whole class path. */
  readonly createdPathCount: number;
}

/**
 * Saves the class path template and applies it, in one transaction: a student without a path gets the
 * template; an existing path gets the targets that are new to the template appended at its end, unless it
 * already holds them. Nothing personal is lost: entries are never removed, reordered or changed, and a
 * target the teacher took off one child's path stays off (only targets new to the template are added).
 */
export async function saveClassPath(
  store: Store,
  classId: string,
  targetIds: readonly string[],
): Promise<ClassPathOutcome> {
  const { db } = store;
  return db.transaction('rw', funnelScope(['classes', 'paths']), async () => {
    const group = await getClass(store, classId);
    if (!group) throw new Error(`No class "${classId}" on this device.`);
    const template = [...new Set(targetIds)];
    const before = new Set(group.templateTargetIds);
    const newToTemplate = template.filter((id) => !before.has(id));

    const students = await listStudents(store, classId);
    const paths = await db.paths.bulkGet(students.map((s) => s.id));
    const writes: FieldWrite[] = [{ table: 'classes', recordId: classId, fields: { templateTargetIds: template } }];
    const added = new Set<string>();
    let extendedPathCount = 0;
    let createdPathCount = 0;
    students.forEach((student, index) => {
      const path = aliveOne(paths[index]);
      if (!path) {
        if (template.length === 0) return;
        createdPathCount += 1;
        const entries = template.map((targetId): PathEntry => ({ targetId }));
        const fields = { studentId: student.id, entries, ...revived(paths[index]) };
        writes.push({ table: 'paths', recordId: student.id, fields });
        return;
      }
      const entries = appendMissingTargets(path.entries, newToTemplate);
      if (entries.length === path.entries.length) return;
      extendedPathCount += 1;
      for (const entry of entries.slice(path.entries.length)) added.add(entry.targetId);
      writes.push({ table: 'paths', recordId: student.id, fields: { studentId: student.id, entries } });
    });
    await writeMany(db, store.env, writes);
    return { addedTargetCount: added.size, extendedPathCount, createdPathCount };
  });
}

/** The entries with each target not already on them appended, in the given order. */
export function appendMissingTargets(entries: readonly PathEntry[], targetIds: readonly string[]): PathEntry[] {
  const present = new Set(entries.map((e) => e.targetId));
  const appended = [...new Set(targetIds)].filter((id) => !present.has(id)).map((targetId) => ({ targetId }));
  return [...entries, ...appended];
}

/**
 * Changes one student's path from what is stored now (not from what a screen last showed, which a sync may
 * have overtaken), through savePath. If `edit` throws, nothing is written. Resolves with the saved entries
 * once they are durable.
 */
export async function updatePath(
  store: Store,
  studentId: string,
  edit: (entries: readonly PathEntry[]) => readonly PathEntry[],
): Promise<readonly PathEntry[]> {
  const { db } = store;
  return db.transaction('rw', funnelScope(['paths']), async () => {
    const row = await db.paths.get(studentId);
    const entries = edit(aliveOne(row)?.entries ?? []);
    if (row?.deleted) await writeFields(db, store.env, 'paths', studentId, { studentId, entries, ...revived(row) });
    else await savePath(store, studentId, entries);
    return entries;
  });
}

/** A tombstoned path (e.g. a removed demo path) written again must come back to life, or it stays hidden. */
function revived(row: { readonly deleted?: boolean } | undefined): Record<string, boolean> {
  return row?.deleted ? { [DELETED_FIELD]: false } : {};
}
