/** Pure time helpers: parse what is given, never read a clock. */

export function parseTime(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Invalid ${what}: "${iso}" is not an ISO 8601 date-time`);
  return ms;
}

/** The calendar day as written in the ISO string (YYYY-MM-DD), so the result does not depend on a time zone. */
export function datePart(iso: string, what: string): string {
  const day = iso.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Invalid ${what}: "${iso}" does not start with YYYY-MM-DD`);
  return day;
}

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

/** Orders by time, then id, then a final tiebreak, so equal inputs in any order sort the same way. */
export function compareTimed(
  a: { readonly t: number; readonly id: string; readonly tie: number },
  b: { readonly t: number; readonly id: string; readonly tie: number },
): number {
  if (a.t !== b.t) return a.t - b.t;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.tie - b.tie;
}
