/**
 * Who may read and write what. Teachers signed in with a password see their whole school; a device
 * enrolled in a class sees that class plus school-wide content; a station sees the class's picture grid
 * and content, and one child's records only while that child is signed in (POST /station/sign-in).
 */
import type { SyncedTable } from '#protocol';
import type { RecordScope, VisibilityFilter } from '#server/storage/storage.ts';
import type { Principal } from './principal.ts';
import { TABLE_SCOPE } from './scope.ts';

/** What a station may see of records that are not about one child. */
export const STATION_SHARED_TABLES: readonly SyncedTable[] = [
  'schools',
  'classes',
  'students',
  'frameworks',
  'targets',
  'itemSets',
];

/** The picture grid: a station sees these fields of every student in its class and nothing else. */
export const STATION_STUDENT_FIELDS: readonly string[] = ['classId', 'displayName', 'picture', 'archived', 'deleted'];

/** Tables a station or student device may write, for its signed-in child only. */
const CHILD_WRITABLE: readonly SyncedTable[] = ['evidence', 'decisions', 'paths'];

export function visibilityFor(p: Principal): VisibilityFilter {
  if (p.kind === 'teacher') {
    return { schoolId: p.schoolId, classId: p.classId, sharedTables: null, studentIds: null };
  }
  return {
    schoolId: p.schoolId,
    classId: p.classId,
    sharedTables: STATION_SHARED_TABLES,
    studentIds: p.studentId === null ? [] : [p.studentId],
  };
}

/** Drops fields a principal may not see (stations: the grid fields of students). */
export function visibleFields(
  p: Principal,
  table: SyncedTable,
  fields: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  if (p.kind === 'teacher' || table !== 'students') return fields;
  return Object.fromEntries(Object.entries(fields).filter(([name]) => STATION_STUDENT_FIELDS.includes(name)));
}

/** What a station or student device may add for a child who is not signed in: new evidence and choices. */
const ADDABLE_OFFLINE: readonly SyncedTable[] = ['evidence', 'decisions'];

/**
 * Null when allowed, else the reason a change is refused. A station records while offline and pushes
 * later, when that child has long left: so it may add new evidence and decisions for any child of its
 * class (never read them, never change what exists); everything else needs the child signed in.
 */
export function writeRefusal(p: Principal, table: SyncedTable, scope: RecordScope, isNew = false): string | null {
  if (scope.schoolId !== p.schoolId) return 'this record belongs to another school';
  if (p.kind === 'teacher') {
    if (p.classId === null) return null;
    if (TABLE_SCOPE[table].level === 'school') {
      return table === 'schools' || table === 'teachers' ? `a class device cannot change ${table}` : null;
    }
    return scope.classId === p.classId ? null : 'this record belongs to another class';
  }
  if (!CHILD_WRITABLE.includes(table)) return `a ${p.kind} device cannot change ${table}`;
  if (p.studentId !== null && scope.studentId === p.studentId) return null;
  if (isNew && ADDABLE_OFFLINE.includes(table)) {
    return scope.classId === p.classId ? null : 'this record belongs to another class';
  }
  return p.studentId === null ? 'sign a child in on this station first' : 'this record belongs to another child';
}
