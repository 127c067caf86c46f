/**
 * Who may read and write what: the role table of docs/sync-protocol.md, in code. A teacher signed in with
 * a password sees and writes the whole school; a teacher device enrolled in a class, that class and the
 * school's content; a station and a student device speak for a child (child-rules.ts): they read the
 * content, the class record and that child's records, and write only review-waiting evidence and the
 * child's own choices. A family link reads one child (routes-family.ts) and writes nothing.
 */
import type { Change, SyncedTable } from '#protocol';
import type { RecordScope, StoredRecord, VisibilityFilter } from '#server/storage/storage.ts';
import { childWriteRefusal } from './child-rules.ts';
import type { Principal } from './principal.ts';
import { TABLE_SCOPE } from './scope.ts';

export type Role = 'teacherAccount' | 'classDevice' | 'station' | 'stationWithChild' | 'studentDevice';

export function roleOf(p: Principal): Role {
  if (p.kind === 'teacher') return p.classId === null ? 'teacherAccount' : 'classDevice';
  if (p.kind === 'student') return 'studentDevice';
  return p.studentId === null ? 'station' : 'stationWithChild';
}

/** Content and the class record: what every device of a class reads. */
const CONTENT_TABLES: readonly SyncedTable[] = ['schools', 'classes', 'frameworks', 'targets', 'itemSets'];

/** A station also reads the picture grid: these fields of every student of its class. */
export const STATION_SHARED_TABLES: readonly SyncedTable[] = [...CONTENT_TABLES, 'students'];
/**
 * The grid's fields of a child. The family language is among them because a child who cannot read yet is
 * asked "Is it you?" before signing in, in the language they understand (src/features/station/StationKiosk.tsx).
 */
export const STATION_STUDENT_FIELDS: readonly string[] = [
  'classId',
  'displayName',
  'picture',
  'familyLanguage',
  'archived',
  'deleted',
];

export function visibilityFor(p: Principal): VisibilityFilter {
  const base = { schoolId: p.schoolId, classId: p.classId };
  switch (roleOf(p)) {
    case 'teacherAccount':
    case 'classDevice':
      return { ...base, sharedTables: null, studentIds: null };
    case 'station':
    case 'stationWithChild':
      return { ...base, sharedTables: STATION_SHARED_TABLES, studentIds: p.studentId === null ? [] : [p.studentId] };
    case 'studentDevice':
      // One child's own tablet: no picture grid, nothing of other children; its child's own record in full.
      return {
        ...base,
        sharedTables: CONTENT_TABLES,
        studentIds: p.studentId === null ? [] : [p.studentId],
        studentRecordIds: p.studentId === null ? [] : [p.studentId],
      };
  }
}

/** The fields of a visible record the principal may see: a station sees other children's grid fields only. */
export function visibleFields<T>(
  p: Principal,
  table: SyncedTable,
  recordId: string,
  fields: Readonly<Record<string, T>>,
): Readonly<Record<string, T>> {
  if (p.kind === 'teacher' || table !== 'students' || recordId === p.studentId) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([name]) => STATION_STUDENT_FIELDS.includes(name)));
}

/** Whether a stored record is visible to the principal: visibilityFor, for one record in memory. */
export function canSee(p: Principal, table: SyncedTable, recordId: string, scope: RecordScope): boolean {
  const filter = visibilityFor(p);
  if (scope.schoolId !== filter.schoolId) return false;
  if (filter.classId !== null && scope.classId !== null && scope.classId !== filter.classId) return false;
  if (scope.studentId !== null) return filter.studentIds === null || filter.studentIds.includes(scope.studentId);
  if (filter.sharedTables === null || filter.sharedTables.includes(table)) return true;
  return table === 'students' && (filter.studentRecordIds ?? []).includes(recordId);
}

export interface Refusal {
  readonly code: 'forbidden' | 'scope';
  readonly reason: string;
}

const forbidden = (reason: string): Refusal => ({ code: 'forbidden', reason });
const outOfScope = (reason: string): Refusal => ({ code: 'scope', reason });

/**
 * Null when the principal may make this change to a record in `scope` (`existing`: the record as stored,
 * if any), else why not. New classes are decided in new-class.ts; immutability and limits in push.ts.
 */
export function writeRefusal(
  p: Principal,
  change: Change,
  scope: RecordScope,
  existing: StoredRecord | undefined,
): Refusal | null {
  if (scope.schoolId !== p.schoolId) return outOfScope('this record belongs to another school');
  const table = change.table;
  switch (roleOf(p)) {
    case 'teacherAccount':
      return null;
    case 'classDevice':
      if (TABLE_SCOPE[table].level === 'school') {
        return table === 'schools' || table === 'teachers' ? forbidden(`a class device cannot change ${table}`) : null;
      }
      return scope.classId === p.classId ? null : outOfScope('this record belongs to another class');
    case 'station':
    case 'stationWithChild':
    case 'studentDevice':
      return childWriteRefusal(p, change, scope, existing);
  }
}
