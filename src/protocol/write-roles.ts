/**
 * What each kind of device may write, as the device itself can tell from its connection and its own copy
 * of the records: the device's mirror of the server's role table (docs/sync-protocol.md, "Who may write
 * what"). A device checks a write here before saving it and never pushes a change this refuses; the
 * server enforces its own table whatever a client sends, and refuses anything finer this cannot see.
 */
import type { SyncedTable } from './tables.ts';
import type { DeviceKind } from './wire.ts';

/** The writer, from its connection. */
export interface DeviceWriter {
  readonly kind: DeviceKind;
  /** Null: a teacher signed in with the account, who may write the whole school. */
  readonly classId: string | null;
  /** A station's signed-in child, or a student tablet's own child; null otherwise. */
  readonly studentId: string | null;
}

/** A change as the device knows it. */
export interface WriteSubject {
  readonly table: SyncedTable;
  readonly recordId: string;
  readonly fields: Readonly<Record<string, unknown>>;
  /** The record is not on this device yet: this change creates it. */
  readonly isNew: boolean;
  /** The class the record belongs to (a class, a student, a child's records), when the device knows it. */
  readonly classId: string | null;
  /** The child a path, evidence or decision is about. */
  readonly studentId: string | null;
}

/**
 * Why a write is not this device's to make:
 * - `school`: a class tablet changing the school or its teachers;
 * - `otherClass`: a record of another class, or a new class made on a class tablet;
 * - `content`: a station or student tablet changing anything but a child's evidence and choices (the
 *   class, its children, their paths, the frameworks);
 * - `otherChild`: a station or student tablet writing for a child other than the one it speaks for (a
 *   station may still add new work of any child of its class: it records offline and sends later);
 * - `teacherWork`: a station or student tablet recording a teacher's judgment (a level, item results,
 *   evidence that does not wait for review, a decision other than the child's own choice, a change to a
 *   record once made: a review or a voiding).
 */
export const WRITE_REFUSALS = ['school', 'otherClass', 'content', 'otherChild', 'teacherWork'] as const;
export type WriteRefusal = (typeof WRITE_REFUSALS)[number];

/**
 * What a child's evidence may carry (a station's or a student tablet's): no level, no item results, no
 * review or voiding marks, which are a teacher's judgment.
 */
export const CHILD_EVIDENCE_FIELDS: readonly string[] = [
  'id',
  'studentId',
  'targetIds',
  'kind',
  'observedAt',
  'recordedAt',
  'recordedBy',
  'needsReview',
  'note',
  'feeling',
  'durationMs',
  'blobIds',
];
export const CHILD_EVIDENCE_KINDS: readonly string[] = ['workSample', 'selfAssessment'];
/** What a child's own choice may carry. */
export const CHILD_DECISION_FIELDS: readonly string[] = [
  'id',
  'studentId',
  'targetId',
  'kind',
  'decidedAt',
  'decidedBy',
  'showHow',
  'reason',
];

/** Null when `writer` may make this change; else why not. */
export function writeRefusal(writer: DeviceWriter, subject: WriteSubject): WriteRefusal | null {
  if (writer.kind === 'teacher') return teacherRefusal(writer, subject);
  // A station or a child's own tablet speaks for a child: new evidence and the child's own choices only.
  if (subject.table !== 'evidence' && subject.table !== 'decisions') return 'content';
  if (writer.classId !== null && subject.classId !== null && subject.classId !== writer.classId) return 'otherClass';
  const speaksFor = writer.studentId !== null && subject.studentId === writer.studentId;
  // A station records offline and sends after the child has gone back to the grid: new evidence of any
  // child of its class is still that child's own work.
  const mayAddForOther = writer.kind === 'station' && subject.isNew && subject.table === 'evidence';
  if (!speaksFor && !mayAddForOther) return 'otherChild';
  return isChildsOwn(subject) ? null : 'teacherWork';
}

function teacherRefusal(writer: DeviceWriter, subject: WriteSubject): WriteRefusal | null {
  if (writer.classId === null) return null;
  switch (subject.table) {
    case 'schools':
    case 'teachers':
      return 'school';
    case 'frameworks':
    case 'targets':
    case 'itemSets':
      return null;
    case 'classes':
      return subject.recordId === writer.classId ? null : 'otherClass';
    default:
      return subject.classId === null || subject.classId === writer.classId ? null : 'otherClass';
  }
}

/** A child speaks for themselves only: new work that waits for the teacher, or their own choice. */
function isChildsOwn(subject: WriteSubject): boolean {
  const f = subject.fields;
  if (!subject.isNew) return false;
  if (subject.table === 'evidence') {
    return (
      Object.keys(f).every((name) => CHILD_EVIDENCE_FIELDS.includes(name)) &&
      f['needsReview'] === true &&
      typeof f['kind'] === 'string' &&
      CHILD_EVIDENCE_KINDS.includes(f['kind']) &&
      (f['feeling'] === undefined || f['feeling'] === 1 || f['feeling'] === 2 || f['feeling'] === 3) &&
      isChild(f['recordedBy'], subject.studentId)
    );
  }
  return (
    Object.keys(f).every((name) => CHILD_DECISION_FIELDS.includes(name)) &&
    f['kind'] === 'chooseNext' &&
    isChild(f['decidedBy'], subject.studentId)
  );
}

function isChild(value: unknown, id: string | null): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const actor = value as Record<string, unknown>;
  return Object.keys(actor).length === 2 && actor['kind'] === 'student' && actor['id'] === id;
}
