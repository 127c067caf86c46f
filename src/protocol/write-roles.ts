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
 * - `content`: a station or student tablet changing the class, its children or the frameworks;
 * - `otherChild`: a station or student tablet changing a child's records other than the signed-in child's
 *   (a station may still add new work and choices for any child of its class: it records offline);
 * - `teacherWork`: a station or student tablet recording a teacher's judgement (a level, evidence that does
 *   not wait for review, a decision other than the child's own choice, a review or a voiding).
 */
export const WRITE_REFUSALS = ['school', 'otherClass', 'content', 'otherChild', 'teacherWork'] as const;
export type WriteRefusal = (typeof WRITE_REFUSALS)[number];

/** Tables a station or a student tablet may write, for a child. */
const CHILD_TABLES: readonly SyncedTable[] = ['paths', 'evidence', 'decisions'];
/** Tables whose records a station may add for a child who is not signed in (work recorded offline). */
const ADDABLE_FOR_ANY_CHILD: readonly SyncedTable[] = ['evidence', 'decisions'];

/** Null when `writer` may make this change; else why not. */
export function writeRefusal(writer: DeviceWriter, subject: WriteSubject): WriteRefusal | null {
  if (writer.kind === 'teacher') return teacherRefusal(writer, subject);
  if (!CHILD_TABLES.includes(subject.table)) return 'content';
  if (writer.classId !== null && subject.classId !== null && subject.classId !== writer.classId) return 'otherClass';
  const signedIn = writer.studentId !== null && subject.studentId === writer.studentId;
  if (!signedIn) {
    const mayAdd = writer.kind === 'station' && subject.isNew && ADDABLE_FOR_ANY_CHILD.includes(subject.table);
    if (!mayAdd) return 'otherChild';
  }
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

/** A child speaks for themselves only: new work that waits for the teacher, their own choice, their path. */
function isChildsOwn(subject: WriteSubject): boolean {
  const f = subject.fields;
  switch (subject.table) {
    case 'paths':
      return true;
    case 'evidence':
      return (
        subject.isNew &&
        f['needsReview'] === true &&
        f['level'] === undefined &&
        isActor(f['recordedBy'], 'student', subject.studentId)
      );
    case 'decisions':
      return subject.isNew && f['kind'] === 'chooseNext' && isActor(f['decidedBy'], 'student', subject.studentId);
    default:
      return false;
  }
}

function isActor(value: unknown, kind: string, id: string | null): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const actor = value as { kind?: unknown; id?: unknown };
  return actor.kind === kind && actor.id === id;
}
