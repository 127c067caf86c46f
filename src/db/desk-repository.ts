import { DEFAULT_SCALE } from '#protocol';
import { getClass, getSchool } from './classes-repository.ts';
import { listItemSets, listTargets } from './frameworks-repository.ts';
import { alive } from './live.ts';
import type { StudentProgressData } from './progress-data.ts';
import type { FrameworkRecord } from './records.ts';
import type { Store } from './store.ts';
import { listStudents } from './students-repository.ts';

/** Reads for the teacher's desk (overview, frameworks) that the older repositories do not offer. */
export async function listFrameworks(store: Store): Promise<FrameworkRecord[]> {
  return alive(await store.db.frameworks.toArray()).sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * A whole class's progress data, like loadClassProgressData, read for speed: one read transaction and
 * one index `getAll` per student, where `anyOf` walks a cursor record by record (several times slower on
 * a tablet's CPU with a class-year of evidence).
 */
export async function loadClassOverviewData(store: Store, classId: string): Promise<StudentProgressData[]> {
  const { db } = store;
  return db.transaction(
    'r',
    [db.students, db.paths, db.targets, db.itemSets, db.evidence, db.decisions, db.classes, db.schools],
    async () => {
      const students = await listStudents(store, classId);
      const ids = students.map((s) => s.id);
      const [paths, targets, itemSets, evidence, decisions, group] = await Promise.all([
        db.paths.bulkGet(ids),
        listTargets(store),
        listItemSets(store),
        Promise.all(ids.map((id) => db.evidence.where('studentId').equals(id).toArray())),
        Promise.all(ids.map((id) => db.decisions.where('studentId').equals(id).toArray())),
        getClass(store, classId),
      ]);
      const school = group ? await getSchool(store, group.schoolId) : undefined;
      const scale = school?.scale ?? DEFAULT_SCALE;
      return students.map((student, i) => ({
        student,
        path: paths[i]?.deleted ? undefined : paths[i],
        targets,
        itemSets,
        evidence: alive(evidence[i] ?? []),
        decisions: alive(decisions[i] ?? []),
        scale,
      }));
    },
  );
}
