/**
 * Classes as a teacher sees them, and new join codes. Names come from the synced `classes` records, so a
 * rename on a tablet shows; join codes come from the accounts table (every class there has one).
 */
import type { ClassSummary } from '#protocol';
import type { Storage } from '#server/storage/storage.ts';
import { JOIN_CODE_ATTEMPTS, newJoinCode } from './join-codes.ts';
import type { Principal } from './principal.ts';

/** A teacher account sees the school's classes; a class device its own class. Deleted classes are left out. */
export async function classesInScope(storage: Storage, p: Principal): Promise<ClassSummary[]> {
  const rows = (await storage.listClasses(p.schoolId)).filter((c) => p.classId === null || c.id === p.classId);
  const records = await storage.getRecords(
    p.schoolId,
    rows.map((c) => ({ table: 'classes', recordId: c.id })),
  );
  const fieldsOf = new Map(records.map((r) => [r.recordId, r.fields]));
  return rows
    .flatMap((row) => {
      const fields = fieldsOf.get(row.id);
      if (fields?.deleted?.value === true) return [];
      const synced = fields?.name?.value;
      const name = typeof synced === 'string' && synced.trim() !== '' ? synced : row.name;
      return [{ classId: row.id, name, joinCode: row.joinCode }];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.classId.localeCompare(b.classId));
}

/**
 * Gives a class in the principal's scope a new join code and answers it; null when the class is not in
 * scope. The old code stops enrolling at once; tokens already issued stay valid (they name the class).
 */
export async function rotateJoinCode(storage: Storage, p: Principal, classId: string): Promise<string | null> {
  const cls = await storage.getClass(classId);
  if (!cls || cls.schoolId !== p.schoolId || (p.classId !== null && p.classId !== classId)) return null;
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
    const joinCode = newJoinCode();
    if (await storage.setJoinCode(classId, joinCode)) return joinCode;
  }
  throw new Error('no free join code after several attempts');
}
