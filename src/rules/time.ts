/** Pure time helpers: parse what is given, never read a clock. */

export function parseTime(iso: string, what: string): number {
  const ms = utcOfCanonical(iso) ?? Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Invalid ${what}: "${iso}" is not an ISO 8601 date-time`);
  return ms;
}

/**
 * `Date.parse` of the form the app writes (`toISOString()`: 2026-03-01T14:05:09.123Z, or the same without
 * milliseconds) when every part is in its everyday range, for a fraction of its cost: a class's year is 50 000
 * of them. Null for anything else, which Date.parse reads; days past the 28th, hour 24 and years before 100
 * go to it too, so the two never differ.
 */
function utcOfCanonical(iso: string): number | null {
  const length = iso.length;
  if ((length !== 24 && length !== 20) || iso.charCodeAt(length - 1) !== 90 /* Z */) return null;
  if (iso[4] !== '-' || iso[7] !== '-' || iso[10] !== 'T' || iso[13] !== ':' || iso[16] !== ':') return null;
  if (length === 24 && iso[19] !== '.') return null;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  const second = digits(iso, 17, 2);
  const milli = length === 24 ? digits(iso, 20, 3) : 0;
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return null;
  // What Date.UTC gives, by integer arithmetic: Date.UTC is a call into the engine's C++ and cost most of this.
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
}

/**
 * Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's days_from_civil): 400-year
 * eras of 146 097 days, years counted from March so that the leap day comes last. Exact for every year ≥ 0.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number written in `count` decimal digits from `from`, or -1 when one of them is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    // Past the end charCodeAt gives NaN, which is no digit either.
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The calendar day as written in the ISO string (YYYY-MM-DD), so the result does not depend on a time zone. */
export function datePart(iso: string, what: string): string {
  const day = dayOf(iso);
  if (day === null) throw new Error(`Invalid ${what}: "${iso}" does not start with YYYY-MM-DD`);
  return day;
}

/** datePart's answer, or null where it throws. */
export function dayOf(iso: string): string | null {
  // Digits and dashes checked by hand: this runs for every check of a year.
  if (digits(iso, 0, 4) < 0 || iso[4] !== '-' || digits(iso, 5, 2) < 0 || iso[7] !== '-' || digits(iso, 8, 2) < 0)
    return null;
  return iso.slice(0, 10);
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
