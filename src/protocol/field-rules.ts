/**
 * Small typed checks for the values of a record's fields (record-shapes.ts), cheap enough to run on every
 * pushed change and every stored row a screen reads. Each rule carries the TypeScript type it admits, so a
 * table's shape is checked against its domain type (domain.ts) by the compiler: a field added to or
 * dropped from a domain type, or made optional, fails to type-check here until its rule follows.
 */

/** A check of one value, whatever type it admits: what is expected (for a refusal's reason) and the test. */
export interface AnyRule {
  readonly expect: string;
  readonly fits: (value: unknown) => boolean;
  readonly optional?: true;
}

/** A check admitting values of type V: a required field. */
export interface FieldRule<V> {
  readonly expect: string;
  readonly fits: (value: unknown) => boolean;
  readonly optional?: undefined;
  /** Phantom: ties the rule to the type it admits (invariant, so a wider rule does not pass for a narrower one). */
  readonly _admits?: (value: V) => V;
}

/** A field that may be absent (or null on the wire, which clears it). */
export interface OptionalRule<V> extends Omit<FieldRule<V>, 'optional'> {
  readonly optional: true;
}

/** The rules of an object's fields: every key of T, optional exactly where T's is. */
export type Shape<T> = {
  readonly [K in keyof T]-?: undefined extends T[K] ? OptionalRule<NonNullable<T[K]>> : FieldRule<T[K]>;
};

const rule = <V>(expect: string, fits: (value: unknown) => boolean): FieldRule<V> => ({ expect, fits });

export const optional = <V>(inner: FieldRule<V>): OptionalRule<V> => ({ ...inner, optional: true });

export function isOptional(r: AnyRule): boolean {
  return r.optional === true;
}

export const text: FieldRule<string> = rule('a string', (v) => typeof v === 'string');
export const nonEmptyText: FieldRule<string> = rule('a non-empty string', (v) => typeof v === 'string' && v !== '');
export const flag: FieldRule<boolean> = rule('true or false', (v) => typeof v === 'boolean');
export const finiteNumber: FieldRule<number> = rule('a number', (v) => typeof v === 'number' && Number.isFinite(v));

export function wholeNumber(min: number, max: number): FieldRule<number> {
  return rule(
    `a whole number from ${min} to ${max}`,
    (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
  );
}

/** One of the given values; `all` lists every member of V (a Record, so the compiler sees none is missing). */
export function oneOf<V extends string | number>(all: Readonly<Record<V, true>>): FieldRule<V> {
  const values = Object.keys(all);
  const numeric = values.every((v) => /^\d+$/.test(v));
  const allowed = new Set<unknown>(numeric ? values.map(Number) : values);
  return rule(`one of ${values.join(', ')}`, (v) => allowed.has(v));
}

/**
 * An ISO 8601 date-time with its time zone, as the app writes it (`toISOString()`), or a bare date (a UTC
 * day): what the rules parse and order by, and what a tablet's `[studentId+observedAt]` index holds. A time
 * without a zone is refused: each tablet would read it in its own.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
export const dateTime: FieldRule<string> = rule(
  'an ISO 8601 date-time such as 2026-03-01T09:00:00.000Z',
  (v) => typeof v === 'string' && (isEverydayUtc(v) || (DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)))),
);

/** The number in `count` digits from `from`, or -1 when one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * What the app writes (`toISOString()`: 2026-03-01T14:05:09.123Z) with every part in its everyday range, by
 * hand: a regular expression and Date.parse cost several times more, on every pushed and pulled record.
 * Anything else (days past the 28th included) goes to the full test.
 */
function isEverydayUtc(v: string): boolean {
  if (v.length !== 24 || v[23] !== 'Z' || v[4] !== '-' || v[7] !== '-' || v[10] !== 'T') return false;
  if (v[13] !== ':' || v[16] !== ':' || v[19] !== '.' || digitsAt(v, 0, 4) < 0 || digitsAt(v, 20, 3) < 0) return false;
  const month = digitsAt(v, 5, 2);
  const day = digitsAt(v, 8, 2);
  const hour = digitsAt(v, 11, 2);
  const minute = digitsAt(v, 14, 2);
  const second = digitsAt(v, 17, 2);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 28 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const calendarDate: FieldRule<string> = rule(
  'a date written YYYY-MM-DD',
  (v) => typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v)),
);

export const sha256Hex: FieldRule<string> = rule(
  'a SHA-256 in hex',
  (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
);

export function listOf<E>(item: FieldRule<E>): FieldRule<readonly E[]> {
  return rule(`a list of ${item.expect.replace(/^an? /, '')}s`, (v) => Array.isArray(v) && v.every(item.fits));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with these fields (others are let be: a newer app may add some). */
export function objectOf<T>(name: string, shape: Shape<T>): FieldRule<T> {
  const entries = Object.entries(shape) as [string, AnyRule][];
  return rule(name, (v) => isPlainObject(v) && entries.every(([key, r]) => fitsField(r, v[key], false)));
}

/** A map from any key to values of one rule (e.g. translations by language). */
export function mapOf<E>(name: string, value: FieldRule<E>): FieldRule<Readonly<Record<string, E>>> {
  return rule(name, (v) => isPlainObject(v) && Object.values(v).every(value.fits));
}

/** A rule whose type is checked by a hand-written test (unions the combinators above cannot say). */
export const custom = <V>(expect: string, fits: (value: unknown) => boolean): FieldRule<V> => rule(expect, fits);

/**
 * Whether a field's value fits: an optional field may be absent, and on the wire (`nullClears`) null,
 * which clears it; inside a value (an entry of a list) absent only.
 */
export function fitsField(r: AnyRule, value: unknown, nullClears: boolean): boolean {
  if (value === undefined) return isOptional(r);
  if (value === null && nullClears) return isOptional(r);
  return r.fits(value);
}
