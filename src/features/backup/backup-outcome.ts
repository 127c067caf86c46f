import { BackupFormatError } from '#db/backup-format.ts';
import { NoRoomToMergeError } from '#db/backup-merge-file.ts';

/** What a backup action ended in, for the status line under it. */
export type BackupOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'done'; readonly message: string; readonly notes?: readonly string[] }
  | { readonly kind: 'badFile'; readonly problems: readonly string[] }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'noRoom'; readonly neededBytes: number; readonly leftBytes: number | null }
  | { readonly kind: 'cancelled' };

export function outcomeOfError(error: unknown): BackupOutcome {
  if (error instanceof BackupFormatError) return { kind: 'badFile', problems: error.problems };
  if (error instanceof NoRoomToMergeError) {
    return { kind: 'noRoom', neededBytes: error.neededBytes, leftBytes: error.leftBytes };
  }
  return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
}

export function countRecords(tables: Readonly<Record<string, readonly unknown[]>>): number {
  return Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
}
