import type { EvidenceInput } from './types.ts';
import { dayOf, parseTime } from './time.ts';

/**
 * A student's evidence read once into columns, one row per input record (the row is the record's index).
 * A year is some 50 000 records scattered in memory: each is read once, here, and the rules then work on
 * rows (small integers) instead of going back to it. Columns rather than an object per record: a year made
 * 50 000 such objects, each with a boxed time, and collecting them was a fifth of the rules' time.
 * Voided records get no row content (their columns stay empty): nothing reads them.
 */
export class EvidenceTable {
  /** observedAt, parsed. */
  readonly t: Float64Array;
  readonly id: string[];
  readonly observedAt: string[];
  readonly level: EvidenceInput['level'][];
  readonly itemResults: EvidenceInput['itemResults'][];
  /**
   * observedAt's day for a check, taken while the string is at hand (later, for the item rules, reading it
   * again cost a cache miss per check); null leaves it to datePart and its error.
   */
  readonly day: (string | null)[];
  /** 1 for a student's submission waiting for the teacher: it cannot count toward mastery yet. */
  readonly pending: Uint8Array;

  constructor(readonly size: number) {
    this.t = new Float64Array(size);
    this.pending = new Uint8Array(size);
    // Made at their full size: grown row by row, they left copies of themselves for the GC.
    this.id = new Array<string>(size);
    this.observedAt = new Array<string>(size);
    this.level = new Array<EvidenceInput['level']>(size);
    this.itemResults = new Array<EvidenceInput['itemResults']>(size);
    this.day = new Array<string | null>(size);
  }

  /** Reads record `row` (not voided) into the columns; throws as parseTime does on a bad observedAt. */
  read(row: number, e: EvidenceInput): void {
    const observedAt = e.observedAt;
    this.t[row] = parseTime(observedAt, 'observedAt');
    this.id[row] = e.id;
    this.observedAt[row] = observedAt;
    this.level[row] = e.level;
    const itemResults = e.itemResults;
    this.itemResults[row] = itemResults;
    this.day[row] = itemResults === undefined ? null : dayOf(observedAt);
    this.pending[row] = e.needsReview === true && !e.reviewedAt ? 1 : 0;
  }

  /** Orders rows by (t, id, row): the order compareTimed gives records tied by their index. */
  compare(a: number, b: number): number {
    const ta = this.t[a]!;
    const tb = this.t[b]!;
    // A sign, not ta - tb: a difference of milliseconds outgrows a small integer and would be boxed.
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ia = this.id[a]!;
    const ib = this.id[b]!;
    if (ia !== ib) return ia < ib ? -1 : 1;
    return a - b;
  }
}
