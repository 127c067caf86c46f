/**
 * The synced tables and the merge policy of each. Mutable tables merge last-writer-wins per field by
 * HLC; append-only tables accept their fields once, at creation, and afterwards only the fields listed
 * as mutable (evidence: `voided`, review marks, whether the teacher shares it with the family).
 */
export const SYNCED_TABLES = [
  'schools',
  'teachers',
  'classes',
  'students',
  'frameworks',
  'targets',
  'itemSets',
  'paths',
  'evidence',
  'decisions',
] as const;

export type SyncedTable = (typeof SYNCED_TABLES)[number];

export function isSyncedTable(value: unknown): value is SyncedTable {
  return typeof value === 'string' && (SYNCED_TABLES as readonly string[]).includes(value);
}

/** Tables whose records are immutable after creation, apart from the listed fields. */
export const APPEND_ONLY: Partial<Record<SyncedTable, readonly string[]>> = {
  evidence: ['voided', 'needsReview', 'reviewedAt', 'sharedWithFamily', 'deleted'],
  decisions: ['deleted'],
};

/** The tombstone field: a delete is `{ deleted: true }`, merged like any other field. */
export const DELETED_FIELD = 'deleted';
