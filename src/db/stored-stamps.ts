import type { Hlc } from '#protocol';

/**
 * How a synced row keeps its clock stamps on disk. In memory (and in backups, the outbox and on the wire) a
 * row has `_hlc`, a stamp per field, each ending with the writer's device id: with real UUID device ids that
 * was over half of every row. A record is mostly written in one go (a piece of evidence, a decision) and
 * later edits touch a field or two, so on disk a row keeps one stamp, its most common one, for every field
 * it holds, and names only the fields whose stamp differs:
 *
 * - `'#s': stamp` — every field of the row (its `id` too) has this stamp;
 * - `'#s': [stamp, { field: otherStamp | 0 }]` — the same, except the fields named: another stamp, or
 *   (0) no stamp at all; a field named with a stamp need not be in the row.
 *
 * `'#s'` can never be a synced field's name (field names are identifiers, see validate.ts), and the stamps a
 * row expands to are exactly the ones it was compacted from, so last writer wins per field works as before.
 * Only `stamps-middleware.ts` (and the raw reads of bulk-read.ts) meet the stored form.
 */
export const STORED_STAMPS_KEY = '#s';

export type StoredStamps = Hlc | readonly [Hlc, Readonly<Record<string, Hlc | 0>>];

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The row as stored: `_hlc` replaced by `'#s'`. A row without `_hlc` is stored as it is. */
export function compactRow(row: unknown): unknown {
  if (!isRow(row)) return row;
  const stamps = row['_hlc'];
  // Anything but a map of stamps (never written by this app) is kept as it is, so nothing is ever lost.
  if (!isRow(stamps) || !Object.values(stamps).every((s) => typeof s === 'string' && s !== '')) return row;
  const base = commonestStamp(stamps);
  const stored: Row = {};
  const exceptions: Record<string, Hlc | 0> = {};
  let excepted = false;
  for (const key of Object.keys(row)) {
    if (key === '_hlc') continue;
    stored[key] = row[key];
    if (base === '') continue;
    const stamp = (stamps as Record<string, Hlc | undefined>)[key];
    if (stamp === base) continue;
    exceptions[key] = stamp ?? 0;
    excepted = true;
  }
  for (const [field, stamp] of Object.entries(stamps as Record<string, Hlc>)) {
    // Covered by the row's stamp when it is in the row; one that is not must be named.
    if (Object.hasOwn(row, field)) continue;
    exceptions[field] = stamp;
    excepted = true;
  }
  stored[STORED_STAMPS_KEY] = excepted ? [base, exceptions] : base;
  return stored;
}

/** The row as the app uses it, with `_hlc`. A row not in the stored form (an older one) is returned as it is. */
export function expandRow(row: unknown): unknown {
  if (!isRow(row) || !Object.hasOwn(row, STORED_STAMPS_KEY)) return row;
  const stored = row[STORED_STAMPS_KEY] as StoredStamps;
  const [base, exceptions] = typeof stored === 'string' ? [stored, undefined] : stored;
  const out: Row = {};
  const stamps: Record<string, Hlc> = {};
  for (const key of Object.keys(row)) {
    if (key === STORED_STAMPS_KEY) continue;
    out[key] = row[key];
    if (base !== '' && !(exceptions && Object.hasOwn(exceptions, key))) stamps[key] = base;
  }
  if (exceptions) for (const [field, stamp] of Object.entries(exceptions)) if (stamp !== 0) stamps[field] = stamp;
  out['_hlc'] = stamps;
  return out;
}

/** The stamp most fields carry (the latest of those tied), or '' for a row with no stamps. */
function commonestStamp(stamps: Row): Hlc {
  const counts = new Map<Hlc, number>();
  for (const stamp of Object.values(stamps) as Hlc[]) counts.set(stamp, (counts.get(stamp) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [stamp, count] of counts)
    if (count > bestCount || (count === bestCount && stamp > best)) {
      best = stamp;
      bestCount = count;
    }
  return best;
}
