/** Small builders for schools, classes and changes used across the server tests. */
import { formatHlc, type Change, type SyncedTable } from '#protocol';
import type { Storage } from '#server/storage/storage.ts';
import type { Principal } from '#server/sync/principal.ts';

let counter = 0;
/** Unique ids that pass the validators (not UUIDs: readable in failures). */
export function newId(prefix = 'id'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function hlc(wallMs: number, device = 'dev-a', count = 0): string {
  return formatHlc({ wallMs, counter: count }, device);
}

export function change(table: SyncedTable, recordId: string, fields: Record<string, unknown>, stamp: string): Change {
  return { changeId: newId('chg'), table, recordId, fields, hlc: stamp };
}

export interface SchoolFixture {
  readonly schoolId: string;
  readonly classId: string;
  readonly otherClassId: string;
  readonly teacher: Principal;
  readonly classDevice: Principal;
}

export async function seedSchool(storage: Storage): Promise<SchoolFixture> {
  const schoolId = newId('school');
  const classId = newId('class');
  const otherClassId = newId('class');
  const at = new Date(0).toISOString();
  await storage.createSchool({ id: schoolId, name: 'Test school', createdAt: at });
  await storage.createClass({ id: classId, schoolId, name: 'A', joinCode: newId('JOIN'), createdAt: at });
  await storage.createClass({ id: otherClassId, schoolId, name: 'B', joinCode: newId('JOIN'), createdAt: at });
  const base = { tokenId: 'test', schoolId, studentId: null, teacherId: null } as const;
  return {
    schoolId,
    classId,
    otherClassId,
    teacher: { ...base, kind: 'teacher', classId: null },
    classDevice: { ...base, kind: 'teacher', classId },
  };
}
