import { isUsableRecord, type EvidenceKind, type ItemResultValue } from '#protocol';

/**
 * What the rules read of a piece of evidence (and the little the screens count or list without opening it:
 * its kind, and a check's time): its id, targets, day, level, item results, review marks. Kept per student
 * in the `studentEvidence` table (summaries-middleware.ts), so a screen gets a child's whole year in one
 * small row instead of reading every record with its notes, attachments, authors and per-field stamps.
 * Voided and deleted evidence has no fact: the rules ignore it, and so would every count made from facts.
 */
export interface EvidenceFact {
  readonly id: string;
  readonly targetIds: readonly string[];
  readonly kind: EvidenceKind;
  readonly observedAt: string;
  readonly level?: number;
  readonly itemResults?: readonly { readonly itemId: string; readonly result: ItemResultValue }[];
  readonly needsReview?: boolean;
  readonly reviewedAt?: string;
  readonly durationMs?: number;
}

/** One student's facts, oldest observation first (then by id). */
export interface StudentEvidenceRow {
  readonly studentId: string;
  readonly facts: readonly EvidenceFact[];
}

type Row = Readonly<Record<string, unknown>>;

/**
 * The fact of a stored evidence row, or null when it does not count: tombstoned or voided (the same
 * truthiness tests as `alive` and the rules make), or not whole (record-shapes.ts: a record from an older
 * server whose date or targets the rules cannot read is left out, so it cannot break the class's pages).
 */
export function toFact(row: Row): EvidenceFact | null {
  if (row['deleted'] || row['voided'] || !isUsableRecord('evidence', row)) return null;
  const fact: Record<string, unknown> = {
    id: row['id'],
    targetIds: row['targetIds'],
    kind: row['kind'],
    observedAt: row['observedAt'],
  };
  for (const field of ['level', 'needsReview', 'reviewedAt', 'durationMs'] as const)
    if (row[field] !== undefined) fact[field] = row[field];
  const results = row['itemResults'];
  if (results !== undefined)
    fact['itemResults'] = Array.isArray(results)
      ? results.map((r: { itemId: unknown; result: unknown }) => ({ itemId: r.itemId, result: r.result }))
      : results;
  return fact as unknown as EvidenceFact;
}

export function compareFacts(a: EvidenceFact, b: EvidenceFact): number {
  if (a.observedAt !== b.observedAt) return a.observedAt < b.observedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A student's facts after some of their evidence rows were written: each written row's fact replaces the
 * old one (or goes, when the row no longer counts). `rows` are the rows as stored after the write.
 */
export function updateFacts(facts: readonly EvidenceFact[], rows: readonly Row[]): EvidenceFact[] {
  const written = new Set(rows.map((row) => row['id'] as string));
  const kept = facts.filter((fact) => !written.has(fact.id));
  const added = rows.flatMap((row) => toFact(row) ?? []);
  if (added.length === 0) return kept;
  // Usually one new fact at the end (today's evidence): a sort of an almost sorted list is a single pass.
  return [...kept, ...added].sort(compareFacts);
}

/** Facts without the ones whose evidence ids are given (their rows were removed). */
export function removeFacts(facts: readonly EvidenceFact[], ids: ReadonlySet<string>): EvidenceFact[] {
  return facts.filter((fact) => !ids.has(fact.id));
}
