/**
 * A class made on a device (e.g. imported from a OneRoster roster) reaches the server as its first
 * `classes` change. Accepting it adds the class to the accounts table with a join code, in the push's
 * transaction, so stations can enroll in it like in a class made with POST /classes.
 */
import type { Change } from '#protocol';
import type { SyncTx } from '#server/storage/storage.ts';
import { JOIN_CODE_ATTEMPTS, newJoinCode } from './join-codes.ts';
import type { Principal } from './principal.ts';

/** Null when the principal may add classes (a teacher account); else the reason. */
export function newClassRefusal(p: Principal): string | null {
  return p.kind === 'teacher' && p.classId === null
    ? null
    : 'a new class needs a teacher signed in with their account (not a class device or station)';
}

/** Null when the class is now the caller's school's; else why not (its id belongs to another school). */
export async function claimNewClass(tx: SyncTx, p: Principal, change: Change, at: string): Promise<string | null> {
  const name = typeof change.fields.name === 'string' ? change.fields.name : '';
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
    const row = await tx.insertClass({
      id: change.recordId,
      schoolId: p.schoolId,
      name,
      joinCode: newJoinCode(),
      createdAt: at,
    });
    if (row) return row.schoolId === p.schoolId ? null : 'another school on this server uses this class id';
  }
  throw new Error('no free join code after several attempts');
}
