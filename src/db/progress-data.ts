import { DEFAULT_SCALE, type MasteryScale } from '#protocol';
import { getClass, getSchool } from './classes-repository.ts';
import { listDecisionsForStudent } from './decisions-repository.ts';
import { listEvidenceForStudent, listEvidenceForStudents } from './evidence-repository.ts';
import { listItemSets, listTargets } from './frameworks-repository.ts';
import { alive } from './live.ts';
import { getPath } from './paths-repository.ts';
import type {
  DecisionRecord,
  EvidenceRecord,
  ItemSetRecord,
  PathRecord,
  StudentRecord,
  TargetRecord,
} from './records.ts';
import type { Store } from './store.ts';
import { getStudent, listStudents } from './students-repository.ts';

/** Everything the rules need to evaluate one student, read in one pass. */
export interface StudentProgressData {
  readonly student: StudentRecord;
  readonly path: PathRecord | undefined;
  readonly targets: readonly TargetRecord[];
  readonly itemSets: readonly ItemSetRecord[];
  readonly evidence: readonly EvidenceRecord[];
  readonly decisions: readonly DecisionRecord[];
  readonly scale: MasteryScale;
}

export async function loadStudentProgressData(store: Store, studentId: string): Promise<StudentProgressData | null> {
  const student = await getStudent(store, studentId);
  if (!student) return null;
  const [path, targets, itemSets, evidence, decisions, scale] = await Promise.all([
    getPath(store, studentId),
    listTargets(store),
    listItemSets(store),
    listEvidenceForStudent(store, studentId),
    listDecisionsForStudent(store, studentId),
    scaleForClass(store, student.classId),
  ]);
  return { student, path, targets, itemSets, evidence, decisions, scale };
}

/** The same for a whole class, grouped per student. */
export async function loadClassProgressData(store: Store, classId: string): Promise<StudentProgressData[]> {
  const students = await listStudents(store, classId);
  const ids = students.map((s) => s.id);
  const [paths, targets, itemSets, evidence, decisions, scale] = await Promise.all([
    store.db.paths.bulkGet(ids),
    listTargets(store),
    listItemSets(store),
    listEvidenceForStudents(store, ids),
    store.db.decisions.where('studentId').anyOf(ids).toArray(),
    scaleForClass(store, classId),
  ]);
  const liveDecisions = alive(decisions);
  return students.map((student, index) => ({
    student,
    path: paths[index]?.deleted ? undefined : paths[index],
    targets,
    itemSets,
    evidence: evidence.filter((e) => e.studentId === student.id),
    decisions: liveDecisions.filter((d) => d.studentId === student.id),
    scale,
  }));
}

async function scaleForClass(store: Store, classId: string): Promise<MasteryScale> {
  const group = await getClass(store, classId);
  const school = group ? await getSchool(store, group.schoolId) : undefined;
  return school?.scale ?? DEFAULT_SCALE;
}
