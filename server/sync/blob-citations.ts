/**
 * Who may read a blob. A blob's hash is its name, not a key: knowing it grants nothing. A blob is readable
 * by the school's teacher accounts, by the teacher devices of the class that uploaded it, and by whoever
 * may see evidence that cites it in a way that grants reading. A citation grants reading when
 *
 * - the citing caller could read the blob itself when it cited it (or uploaded it itself), or
 * - the blob was not on the server yet (evidence is pushed before its photo is uploaded) and is then
 *   uploaded by a teacher account or by a device of the citing record's class.
 *
 * So a device that cites another class's blob in new evidence for a child it may see gains nothing.
 */
import type { Change } from '#protocol';
import type { BlobRef, BlobUploader, RecordScope, SyncTx } from '#server/storage/storage.ts';
import { roleOf, visibilityFor } from './access.ts';
import type { Principal } from './principal.ts';

const SHA = /^[0-9a-f]{64}$/;

export function blobIdsOf(change: Change): string[] {
  const ids = change.fields.blobIds;
  if (change.table !== 'evidence' || !Array.isArray(ids)) return [];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && SHA.test(id)))];
}

/** The reading rule for one blob, given who uploaded it and whether a granting citation is visible. */
export function mayReadUploaded(p: Principal, uploader: BlobUploader, citedForCaller: boolean): boolean {
  switch (roleOf(p)) {
    case 'teacherAccount':
      return true;
    case 'classDevice':
      return uploader.classId === p.classId || citedForCaller;
    default:
      return citedForCaller;
  }
}

export interface Citations {
  /** Records the citations of a new evidence record the slice accepted. */
  cite(change: Change, scope: RecordScope): void;
  refs(): BlobRef[];
}

/** Decides, inside a push transaction, whether each blob new evidence cites would be readable by the caller. */
export async function grantCitations(tx: SyncTx, p: Principal, changes: readonly Change[]): Promise<Citations> {
  const shas = [...new Set(changes.flatMap(blobIdsOf))];
  const uploaders = shas.length === 0 ? new Map<string, BlobUploader>() : await tx.blobUploaders(p.schoolId, shas);
  const present = [...uploaders.keys()];
  const cited =
    present.length === 0 || roleOf(p) === 'teacherAccount'
      ? new Set<string>()
      : await tx.citedReadable(visibilityFor(p), present);
  const refs: BlobRef[] = [];
  return {
    cite(change, scope) {
      for (const sha256 of blobIdsOf(change)) {
        const uploader = uploaders.get(sha256);
        const granted =
          uploader === undefined
            ? null
            : uploader.tokenId === p.tokenId || mayReadUploaded(p, uploader, cited.has(sha256));
        refs.push({ schoolId: scope.schoolId, sha256, classId: scope.classId, studentId: scope.studentId, granted });
      }
    },
    refs: () => refs,
  };
}
