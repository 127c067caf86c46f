import { isUsableRecord, type SyncedTable } from '#protocol';
import type { SyncMeta } from './records.ts';

/** Rows that are not tombstoned. */
export function alive<T extends SyncMeta>(rows: readonly T[]): T[] {
  return rows.filter((row) => !row.deleted);
}

/**
 * Rows a screen and the rules can read: not tombstoned, and whole (src/protocol/record-shapes.ts). A record
 * whose fields do not fit (from an older server, or an older backup) is left out rather than break the page.
 */
export function readable<T extends SyncMeta>(table: SyncedTable, rows: readonly T[]): T[] {
  return rows.filter((row) => !row.deleted && isUsableRecord(table, row));
}

export function aliveOne<T extends SyncMeta>(row: T | undefined): T | undefined {
  return row && !row.deleted ? row : undefined;
}
