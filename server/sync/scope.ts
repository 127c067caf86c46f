/**
 * The one place that says where each synced table's records belong. A record's scope is fixed when it
 * is created: students carry classId; paths, evidence and decisions carry studentId (and so the
 * student's class); everything else is school-wide, apart from classes, which are their own class.
 * A `classes` record the server does not know yet is a new class (push.ts gives it a join code).
 */
import type { Change, SyncedTable } from '#protocol';
import type { RecordScope, StoredRecord } from '#server/storage/storage.ts';

export type ScopeLevel = 'school' | 'class' | 'student';

export const TABLE_SCOPE: Record<SyncedTable, { readonly level: ScopeLevel; readonly field?: string }> = {
  schools: { level: 'school' },
  teachers: { level: 'school' },
  frameworks: { level: 'school' },
  targets: { level: 'school' },
  itemSets: { level: 'school' },
  classes: { level: 'class' },
  students: { level: 'class', field: 'classId' },
  paths: { level: 'student', field: 'studentId' },
  evidence: { level: 'student', field: 'studentId' },
  decisions: { level: 'student', field: 'studentId' },
};

export interface ScopeContext {
  readonly schoolId: string;
  /** Classes of the school (from the accounts tables): a record may only name one of these. */
  readonly classIds: ReadonlySet<string>;
  /** A student record already stored or created earlier in the same batch. */
  findStudent(studentId: string): StoredRecord | undefined;
}

export type ScopeResult =
  | { readonly ok: true; readonly scope: RecordScope; readonly createsClass?: true }
  | { readonly ok: false; readonly reason: string };

/** The scope of the record a change touches; `existing` is the stored record, if any. */
export function deriveScope(change: Change, existing: StoredRecord | undefined, ctx: ScopeContext): ScopeResult {
  const rule = TABLE_SCOPE[change.table];
  if (rule.field !== undefined && rule.field in change.fields) {
    const value = change.fields[rule.field];
    const current = existing ? existing.fields[rule.field]?.value : undefined;
    if (existing && current !== value) {
      return { ok: false, reason: `${change.table}.${rule.field} cannot change after creation` };
    }
  }
  if (existing) return { ok: true, scope: existing.scope };
  const school = { schoolId: ctx.schoolId, classId: null, studentId: null };
  switch (rule.level) {
    case 'school':
      if (change.table === 'schools' && change.recordId !== ctx.schoolId) {
        return { ok: false, reason: 'a schools record must be the caller’s own school' };
      }
      return { ok: true, scope: school };
    case 'class': {
      const classId = rule.field === undefined ? change.recordId : change.fields[rule.field];
      if (change.table === 'classes' && !ctx.classIds.has(change.recordId)) {
        return { ok: true, scope: { ...school, classId: change.recordId }, createsClass: true };
      }
      if (typeof classId !== 'string' || !ctx.classIds.has(classId)) {
        return { ok: false, reason: `${change.table} must name a class of this school (push the class first)` };
      }
      return { ok: true, scope: { ...school, classId } };
    }
    case 'student': {
      const studentId = change.fields[rule.field ?? 'studentId'];
      if (typeof studentId !== 'string') {
        return { ok: false, reason: `the first change of a record in ${change.table} must set studentId` };
      }
      const student = ctx.findStudent(studentId);
      if (!student) return { ok: false, reason: `unknown student ${studentId}: push the student first` };
      return { ok: true, scope: { ...school, classId: student.scope.classId, studentId } };
    }
  }
}
