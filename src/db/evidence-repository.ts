import { isUsableRecord, type Actor, type Evidence, type EvidenceKind, type ItemResult } from '#protocol';
import { readable } from './live.ts';
import type { EvidenceRecord } from './records.ts';
import { newId, nowIso, type Store } from './store.ts';
import { writeFields } from './write-funnel.ts';

export interface NewEvidence {
  readonly studentId: string;
  readonly targetIds: readonly string[];
  readonly kind: EvidenceKind;
  readonly recordedBy: Actor;
  /** When the child did it; now when absent. */
  readonly observedAt?: string;
  readonly level?: number;
  readonly note?: string;
  readonly itemResults?: readonly ItemResult[];
  readonly blobIds?: readonly string[];
  readonly feeling?: 1 | 2 | 3;
  readonly durationMs?: number;
  readonly needsReview?: boolean;
}

export class InvalidEvidenceError extends Error {
  override name = 'InvalidEvidenceError';
}

/** Records a piece of evidence. Resolves once it is durably stored. */
export async function recordEvidence(store: Store, input: NewEvidence): Promise<Evidence> {
  if (input.targetIds.length === 0) throw new InvalidEvidenceError('Evidence needs at least one learning target.');
  if (input.level !== undefined && !Number.isFinite(input.level)) {
    throw new InvalidEvidenceError('The level must be a number on the mastery scale.');
  }
  const recordedAt = nowIso(store);
  const evidence: Evidence = dropUndefined({
    ...input,
    id: newId(store),
    observedAt: input.observedAt ?? recordedAt,
    recordedAt,
  });
  await writeFields(store.db, store.env, 'evidence', evidence.id, evidence as unknown as Record<string, unknown>);
  return evidence;
}

/** Evidence is never edited; a mistake is voided with a reason and stays in the record. */
export async function voidEvidence(store: Store, evidenceId: string, reason: string, by: Actor): Promise<void> {
  if (!reason.trim()) throw new InvalidEvidenceError('Say why this evidence is voided.');
  await writeFields(store.db, store.env, 'evidence', evidenceId, {
    voided: { reason: reason.trim(), at: nowIso(store), by },
  });
}

export async function markReviewed(store: Store, evidenceId: string): Promise<void> {
  await writeFields(store.db, store.env, 'evidence', evidenceId, { needsReview: false, reviewedAt: nowIso(store) });
}

/**
 * Shares a piece of work with the child's family, or stops sharing it: the family report and the family
 * link show only shared work (the server serves a family link nothing else). Only work with a photo,
 * drawing or recording, not voided, can be shared.
 */
export async function shareWithFamily(store: Store, evidence: EvidenceRecord, shared: boolean): Promise<void> {
  if (shared && (evidence.voided || !evidence.blobIds || evidence.blobIds.length === 0)) {
    throw new InvalidEvidenceError('Only a photo, drawing or recording that is not voided can be shared.');
  }
  await writeFields(store.db, store.env, 'evidence', evidence.id, { sharedWithFamily: shared });
}

/** One page of a student's evidence records, newest observation first, and whether older ones follow. */
export interface EvidencePage {
  readonly records: readonly EvidenceRecord[];
  readonly hasMore: boolean;
}

/**
 * The `count` newest pieces of a student's evidence, as a screen lists them a page at a time (a year holds
 * thousands; a list shows a few and a "show more"). Voided ones are kept, struck through on the screen,
 * unless `withoutVoided`.
 */
export async function listRecentEvidence(
  store: Store,
  studentId: string,
  count: number,
  options: { readonly withoutVoided?: boolean } = {},
): Promise<EvidencePage> {
  const rows = await store.db.evidence
    .where('[studentId+observedAt]')
    .between([studentId, ''], [studentId, '\uffff'])
    .reverse()
    .filter((row) => !row.deleted && !(options.withoutVoided && row.voided) && isUsableRecord('evidence', row))
    .limit(count + 1)
    .toArray();
  return { records: rows.slice(0, count), hasMore: rows.length > count };
}

/** A student's evidence, newest observation first (every record: for exports, not for screens). */
export async function listEvidenceForStudent(store: Store, studentId: string): Promise<EvidenceRecord[]> {
  const rows = await store.db.evidence
    .where('[studentId+observedAt]')
    .between([studentId, ''], [studentId, '\uffff'])
    .reverse()
    .toArray();
  return readable('evidence', rows);
}

/**
 * A child's pieces of work with a photo, drawing or recording, newest first, not voided (the family's picks).
 * Found by keys alone (the child's evidence ids, the ids of evidence citing media), then only those records
 * read: by June a child has some 2,000 pieces, a few hundred with media, and reading every record to look at
 * its attachments held a slow tablet's family report for a quarter of a second.
 */
export async function listWorkWithMedia(store: Store, studentId: string): Promise<EvidenceRecord[]> {
  const { evidence } = store.db;
  const [own, citing] = await Promise.all([
    evidence.where('[studentId+observedAt]').between([studentId, ''], [studentId, '\uffff']).primaryKeys(),
    evidence.orderBy('blobIds').primaryKeys(),
  ]);
  const withMedia = new Set(citing);
  // The index's order is observation then id, as the newest-first list wants it reversed.
  const ids = own.filter((id) => withMedia.has(id)).reverse();
  const rows = await evidence.bulkGet(ids);
  return readable(
    'evidence',
    rows.flatMap((e) => (e && !e.voided && (e.blobIds?.length ?? 0) > 0 ? [e] : [])),
  );
}

/** Evidence of every student in a class, for class-wide views. */
export async function listEvidenceForStudents(store: Store, studentIds: readonly string[]): Promise<EvidenceRecord[]> {
  return readable(
    'evidence',
    await store.db.evidence
      .where('studentId')
      .anyOf([...studentIds])
      .toArray(),
  );
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
