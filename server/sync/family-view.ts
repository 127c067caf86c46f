/**
 * What a family link reads of its child (routes-family.ts). The rules need every piece of evidence to say
 * what the child has learned, so every piece comes, but the work itself — the note, the photos, drawings
 * and recordings — only of pieces the teacher shared with the family (`sharedWithFamily`, not voided, not
 * deleted). The blobs a link may fetch are exactly those of shared pieces.
 */
import type { RecordSnapshot } from '#protocol';
import type { StoredRecord } from '#server/storage/storage.ts';

/** Fields of evidence that carry the work rather than the result the rules read. */
const WORK_FIELDS: readonly string[] = ['note', 'blobIds'];

const valueOf = (r: StoredRecord, field: string): unknown => r.fields[field]?.value;

export function isSharedWithFamily(r: StoredRecord): boolean {
  return (
    r.table === 'evidence' &&
    valueOf(r, 'sharedWithFamily') === true &&
    valueOf(r, 'deleted') !== true &&
    (valueOf(r, 'voided') ?? null) === null
  );
}

/** A record as the family link sends it: unshared evidence without its work. */
export function familySnapshot(r: StoredRecord): RecordSnapshot {
  const keep = r.table !== 'evidence' || isSharedWithFamily(r);
  const entries = Object.entries(r.fields).filter(([name]) => keep || !WORK_FIELDS.includes(name));
  return {
    table: r.table,
    recordId: r.recordId,
    fields: Object.fromEntries(entries.map(([name, state]) => [name, state.value])),
  };
}

/** The blobs of the child's shared work: all a family link may download. */
export function sharedBlobIds(records: readonly StoredRecord[]): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const r of records) {
    if (!isSharedWithFamily(r)) continue;
    const blobIds = valueOf(r, 'blobIds');
    if (Array.isArray(blobIds)) for (const id of blobIds) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}
