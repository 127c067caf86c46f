import { DEFAULT_SCALE, type MasteryScale } from '#protocol';
import { getClass, getSchool } from './classes-repository.ts';
import { listDecisionsForStudent } from './decisions-repository.ts';
import type { EvidenceFact, StudentEvidenceRow } from './evidence-facts.ts';
import { listItemSets, listTargets } from './frameworks-repository.ts';
import { alive, aliveOne, readable } from './live.ts';
import { getPath } from './paths-repository.ts';
import type {
  DecisionRecord,
  EvidenceRecord,
  ItemSetRecord,
  PathRecord,
  SchoolRecord,
  StudentRecord,
  TargetRecord,
} from './records.ts';
import type { Store } from './store.ts';
import { getStudent, listStudents } from './students-repository.ts';

/**
 * Everything the rules need to evaluate one student, read in one pass. The evidence is the student's facts
 * (evidence-facts.ts: what the rules read of each piece, voided ones left out, which the rules ignore), so
 * a year of it is one small row; screens that show evidence read the records a page at a time
 * (listRecentEvidence). The class exports read whole records (`StudentProgressData<EvidenceRecord>`).
 */
export interface StudentProgressData<E extends EvidenceFact = EvidenceFact> {
  readonly student: StudentRecord;
  readonly path: PathRecord | undefined;
  readonly targets: readonly TargetRecord[];
  readonly itemSets: readonly ItemSetRecord[];
  readonly evidence: readonly E[];
  readonly decisions: readonly DecisionRecord[];
  readonly scale: MasteryScale;
}

/** The rows one transaction read for a child's rules input (deleted ones still among them). */
export interface ProgressRows {
  readonly student: StudentRecord;
  readonly path: PathRecord | undefined;
  readonly targets: readonly TargetRecord[];
  readonly itemSets: readonly ItemSetRecord[];
  readonly decisions: readonly DecisionRecord[];
  /** The school of the child's class, whose scale the rules use. */
  readonly school: SchoolRecord | undefined;
}

/**
 * The rules' input but the evidence, from rows read directly (bulk-read.ts: the student page, the conference):
 * deleted rows and unusable decisions left out, the targets by sequence, the school's scale or the default.
 */
export function progressInputOf(rows: ProgressRows): Omit<StudentProgressData, 'evidence'> {
  return {
    student: rows.student,
    path: aliveOne(rows.path),
    targets: alive(rows.targets).sort((a, b) => a.sequence - b.sequence),
    itemSets: alive(rows.itemSets),
    decisions: readable('decisions', rows.decisions),
    scale: aliveOne(rows.school)?.scale ?? DEFAULT_SCALE,
  };
}

export async function loadStudentProgressData(store: Store, studentId: string): Promise<StudentProgressData | null> {
  const student = await getStudent(store, studentId);
  if (!student) return null;
  const [path, targets, itemSets, evidence, decisions, scale] = await Promise.all([
    getPath(store, studentId),
    listTargets(store),
    listItemSets(store),
    listEvidenceFacts(store, studentId),
    listDecisionsForStudent(store, studentId),
    scaleForClass(store, student.classId),
  ]);
  return { student, path, targets, itemSets, evidence, decisions, scale };
}

/** The same for a whole class, grouped per student (listed students, by name). */
export async function loadClassProgressData(store: Store, classId: string): Promise<StudentProgressData[]> {
  const students = await listStudents(store, classId);
  const ids = students.map((s) => s.id);
  const [paths, targets, itemSets, facts, decisions, scale] = await Promise.all([
    store.db.paths.bulkGet(ids),
    listTargets(store),
    listItemSets(store),
    store.db.studentEvidence.bulkGet(ids),
    store.db.decisions.where('studentId').anyOf(ids).toArray(),
    scaleForClass(store, classId),
  ]);
  const liveDecisions = readable('decisions', decisions);
  return students.map((student, index) => ({
    student,
    path: paths[index]?.deleted ? undefined : paths[index],
    targets,
    itemSets,
    evidence: facts[index]?.facts ?? [],
    decisions: liveDecisions.filter((d) => d.studentId === student.id),
    scale,
  }));
}

/** A student's evidence facts, oldest observation first: one row, kept current with every write. */
export async function listEvidenceFacts(store: Store, studentId: string): Promise<readonly EvidenceFact[]> {
  const row: StudentEvidenceRow | undefined = await store.db.studentEvidence.get(studentId);
  return row?.facts ?? [];
}

/** Whole evidence records by id, in the order asked (missing and deleted ones left out). */
export async function getEvidenceRecords(store: Store, ids: readonly string[]): Promise<EvidenceRecord[]> {
  return readable(
    'evidence',
    (await store.db.evidence.bulkGet([...ids])).flatMap((row) => row ?? []),
  );
}

async function scaleForClass(store: Store, classId: string): Promise<MasteryScale> {
  const group = await getClass(store, classId);
  const school = group ? await getSchool(store, group.schoolId) : undefined;
  return school?.scale ?? DEFAULT_SCALE;
}
