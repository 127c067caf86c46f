/**
 * A new school year. Rolling a class over makes next year's class and, in the new class, a new record of
 * each carried child that names the same person (src/protocol/person.ts): the server fixes a record's class
 * when it is made, so a child's record never moves; last year's class is closed and keeps every record it
 * had (evidence, decisions, its paths as they ended), readable as each child's portfolio. What a child had
 * mastered and was working on comes along as the teacher's decisions on the new record, so every device of
 * the new class shows the same status; their path carries what is not finished yet. Everything is one
 * transaction through the write funnel, so it syncs like any write and is saved whole or not at all.
 */
import type { Actor, PathEntry } from '#protocol';
import { ACTIVE_CLASS_KEY } from './classes-repository.ts';
import { aliveOne } from './live.ts';
import type { ClassRecord, StudentRecord } from './records.ts';
import { setSetting } from './settings-repository.ts';
import { newId, nowIso, type Store } from './store.ts';
import { deviceTeacher } from './sync-state-repository.ts';
import { personOf } from '#protocol/person.ts';
import { writeMany, type FieldWrite } from './write-funnel.ts';

/** What a child carries into a new class, worked out by the rules on the screen that asks (src/ui/year-carry.ts). */
export interface CarriedStatus {
  /** Targets they had mastered: the teacher's "mastered" decisions on the new record. */
  readonly masteredTargetIds: readonly string[];
  /** What they were working on: made current on the new record (null: nothing was). */
  readonly currentTargetId: string | null;
  /** Their path in the new class: what is not finished yet, then the new class's path. */
  readonly pathEntries: readonly PathEntry[];
}

/** The words the carried decisions give as their reason, in the teacher's language. */
export interface CarryReasons {
  readonly mastered: string;
  readonly current: string;
}

export interface RollOverPlan {
  readonly fromClassId: string;
  readonly name: string;
  readonly schoolYear: string;
  /** The children who go on, by their record in the class rolled over, with what they carry. */
  readonly children: readonly { readonly fromStudentId: string; readonly status: CarriedStatus | null }[];
  readonly reasons: CarryReasons;
}

export interface RollOverResult {
  readonly classId: string;
  readonly students: number;
  readonly decisions: number;
}

export class YearRolloverError extends Error {
  override name = 'YearRolloverError';
}

/**
 * Rolls a class into the next school year: the new class (its path copied), a linked record, a path and the
 * carried decisions for each child, and last year's class closed, in one transaction; then this device
 * shows the new class. Refuses a class already closed, or a child not in it, before writing anything.
 */
export async function rollOverClass(store: Store, plan: RollOverPlan): Promise<RollOverResult> {
  const from = aliveOne(await store.db.classes.get(plan.fromClassId));
  if (!from) throw new YearRolloverError('That class is not on this tablet.');
  if (from.closedAt) throw new YearRolloverError('That class was already rolled into the next school year.');
  const name = plan.name.trim();
  if (name === '') throw new YearRolloverError('Give the new class a name.');
  const children = await store.db.students.bulkGet(plan.children.map((c) => c.fromStudentId));
  const classId = newId(store);
  const at = nowIso(store);
  const actor = await deviceTeacher(store);
  const writes: FieldWrite[] = [
    {
      table: 'classes',
      recordId: classId,
      fields: {
        id: classId,
        schoolId: from.schoolId,
        name,
        teacherIds: from.teacherIds,
        templateTargetIds: from.templateTargetIds,
        language: from.language,
        schoolYear: plan.schoolYear.trim(),
        previousClassId: from.id,
      },
    },
    { table: 'classes', recordId: from.id, fields: { closedAt: at, nextClassId: classId } },
  ];
  let decisions = 0;
  plan.children.forEach(({ status }, i) => {
    const child = children[i];
    if (!child || child.deleted || child.classId !== from.id) {
      throw new YearRolloverError('A child chosen to go on is not in that class any more.');
    }
    const carried = carriedChildWrites(store, { from: child, classId, status, actor, at, reasons: plan.reasons });
    decisions += carried.decisions;
    writes.push(...carried.writes);
  });
  await writeMany(store.db, store.env, writes);
  await setSetting(store, ACTIVE_CLASS_KEY, classId);
  return { classId, students: plan.children.length, decisions };
}

export interface CarryInput {
  readonly from: StudentRecord;
  readonly classId: string;
  readonly status: CarriedStatus | null;
  readonly actor: Actor;
  readonly at: string;
  readonly reasons: CarryReasons;
  /** Fields the new record takes instead of the earlier record's (a name typed again, a new picture). */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** The new record's id (a roster import's); a new id when absent. */
  readonly id?: string;
}

/** The writes of a child's new record in `classId`, linked to `from`: the record, its path and decisions. */
export function carriedChildWrites(store: Store, input: CarryInput): { writes: FieldWrite[]; decisions: number } {
  const { from, classId, status, actor, at, reasons } = input;
  const id = input.id ?? newId(store);
  const student: Record<string, unknown> = {
    id,
    classId,
    displayName: from.displayName,
    picture: from.picture,
    familyLanguage: from.familyLanguage ?? 'en',
    archived: false,
    personId: personOf(from),
    ...(from.birthDate ? { birthDate: from.birthDate } : {}),
    ...(from.sourcedId ? { sourcedId: from.sourcedId } : {}),
    ...input.fields,
  };
  const writes: FieldWrite[] = [{ table: 'students', recordId: id, fields: student }];
  if (!status) return { writes, decisions: 0 };
  writes.push({ table: 'paths', recordId: id, fields: { id, studentId: id, entries: status.pathEntries } });
  const decide = (targetId: string, kind: 'markMastered' | 'setCurrent', reason: string) => {
    const decisionId = newId(store);
    writes.push({
      table: 'decisions',
      recordId: decisionId,
      fields: { id: decisionId, studentId: id, targetId, kind, reason, decidedAt: at, decidedBy: actor },
    });
  };
  for (const targetId of status.masteredTargetIds) decide(targetId, 'markMastered', reasons.mastered);
  if (status.currentTargetId !== null) decide(status.currentTargetId, 'setCurrent', reasons.current);
  return { writes, decisions: status.masteredTargetIds.length + (status.currentTargetId === null ? 0 : 1) };
}

/** A closed class: last year's, kept as it ended. */
export function isClosedClass(group: Pick<ClassRecord, 'closedAt'> | undefined): boolean {
  return group?.closedAt !== undefined;
}

export interface LinkKnownChildInput {
  readonly classId: string;
  /** The child's latest record elsewhere (findKnownChildRecords), or their archived one in this class. */
  readonly earlier: StudentRecord;
  readonly status: CarriedStatus | null;
  readonly reasons: CarryReasons;
  /** What the teacher typed for the child now (name, picture, family language, date of birth). */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/**
 * A child added by hand who is already known: back on this class's list if their record here was archived,
 * else a new record here linked to their history (and carrying their status), never a second, unrelated
 * child. Returns the id of the child's record in this class.
 */
export async function linkKnownChild(store: Store, input: LinkKnownChildInput): Promise<string> {
  const { earlier, classId } = input;
  if (earlier.classId === classId) {
    await writeMany(store.db, store.env, [{ table: 'students', recordId: earlier.id, fields: { archived: false } }]);
    return earlier.id;
  }
  const actor = await deviceTeacher(store);
  const { writes } = carriedChildWrites(store, { ...input, from: earlier, actor, at: nowIso(store) });
  await writeMany(store.db, store.env, writes);
  return writes[0]!.recordId;
}
