import type { SyncMeta } from './records.ts';

/** Rows that are not tombstoned. */
export function alive<T extends SyncMeta>(rows: readonly T[]): T[] {
  return rows.filter((row) => !row.deleted);
}

export function aliveOne<T extends SyncMeta>(row: T | undefined): T | undefined {
  return row && !row.deleted ? row : undefined;
}
