/**
 * Pure validators for untrusted wire values, shared by the server and the client. Each returns the typed
 * value or every problem found, phrased for a developer reading a 400 answer.
 */
import type { Change } from './change.ts';
import { isSyncedTable, SYNCED_TABLES } from './tables.ts';
import type {
  ChangePasswordRequest,
  CreateClassRequest,
  DeviceStatusReport,
  EnrollRequest,
  FamilyLinkRequest,
  PushRequest,
  SignInRequest,
  SignUpRequest,
  StationSignInRequest,
} from './wire.ts';
import {
  DEFAULT_PULL_LIMIT,
  DEVICE_STATUS_FIELDS,
  MAX_REPORTED_BYTES,
  MAX_REPORTED_COUNT,
  MAX_CHANGE_FIELDS,
  MAX_CHANGE_FIELDS_BYTES,
  MAX_FIELD_NAME_LENGTH,
  MAX_PULL_LIMIT,
  MAX_PUSH_CHANGES,
} from './wire.ts';

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };

const ok = <T>(value: T): Validated<T> => ({ ok: true, value });
const fail = <T>(errors: string[]): Validated<T> => ({ ok: false, errors });

const MAX_ID_LENGTH = 128;
/** Keys that would reach Object.prototype if a consumer assigned them naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
/** Field names are identifiers (they become column values; PostgreSQL refuses NUL in text). */
const FIELD_NAME_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/**
 * A clock stamp on the wire: 13 digits of wall time, a 6-digit counter and the device id. Up to 16 digits
 * of wall time are recognised too, only so that a device whose clock ran past the year 2286 (which a
 * poisoned clock once did) is answered per change (`clockAhead`) instead of losing its whole batch.
 */
export const WIRE_HLC_PATTERN = /^(\d{13,16})-(\d{6})-([A-Za-z0-9._:-]{1,128})$/;
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
/** Half of a UTF-16 surrogate pair on its own: not a character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Deeper values are refused before anything recursive (JSON.stringify, comparisons) walks them. */
export const MAX_FIELD_DEPTH = 32;

/** Iterative, so a hostile value cannot overflow the stack here either. */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** A short, safe rendering of an untrusted value for a message: never walks it, never echoes much of it. */
function preview(value: unknown): string {
  if (typeof value !== 'string') return describe(value);
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Bytes of the UTF-8 encoding (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i += 1;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/** Whether UTF-8 `json` is longer than `max` bytes; counts bytes only when the length in characters cannot tell. */
function jsonBytesOver(json: string, max: number): boolean {
  if (json.length > max) return true;
  return json.length * 3 > max && utf8Length(json) > max;
}

/** Whether a string can be stored as text by both databases: no NUL or other control characters, valid UTF-16. */
export function isCleanText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value) && !LONE_SURROGATE.test(value);
}

/** An id made on a device (UUID v7) or imported (e.g. a CASE identifier). */
export function checkId(value: unknown, name: string, errors: string[]): value is string {
  if (typeof value !== 'string' || value.length === 0) {
    errors.push(`${name} must be a non-empty string, got ${describe(value)}`);
    return false;
  }
  if (value.length > MAX_ID_LENGTH || !ID_PATTERN.test(value)) {
    errors.push(`${name} must be at most ${MAX_ID_LENGTH} characters of A-Z a-z 0-9 . _ : -`);
    return false;
  }
  return true;
}

function checkString(value: unknown, name: string, errors: string[], min: number, max: number): value is string {
  if (typeof value !== 'string') {
    errors.push(`${name} must be a string, got ${describe(value)}`);
    return false;
  }
  if (value.length < min || value.length > max) {
    errors.push(`${name} must be ${min}–${max} characters long`);
    return false;
  }
  if (!isCleanText(value)) {
    errors.push(`${name} must not contain control characters or broken characters`);
    return false;
  }
  return true;
}

function checkKeys(body: Record<string, unknown>, allowed: readonly string[], errors: string[], where = 'body'): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) errors.push(`${where} has an unknown property "${key}"`);
  }
}

export function validateChange(value: unknown, where = 'change'): Validated<Change> {
  const errors: string[] = [];
  if (!isPlainObject(value)) return fail([`${where} must be an object, got ${describe(value)}`]);
  checkKeys(value, ['changeId', 'table', 'recordId', 'fields', 'hlc'], errors, where);
  checkId(value.changeId, `${where}.changeId`, errors);
  checkId(value.recordId, `${where}.recordId`, errors);
  if (!isSyncedTable(value.table)) {
    // Only a short preview: the value may be anything, e.g. an array nested thousands deep.
    errors.push(`${where}.table must be one of ${SYNCED_TABLES.join(', ')}; got ${preview(value.table)}`);
  }
  if (typeof value.hlc !== 'string' || !WIRE_HLC_PATTERN.test(value.hlc))
    errors.push(`${where}.hlc must be a clock stamp like 1700000000000-000000-<deviceId>`);
  const fields = value.fields;
  if (!isPlainObject(fields)) {
    errors.push(`${where}.fields must be an object, got ${describe(fields)}`);
  } else {
    const names = Object.keys(fields);
    if (names.length === 0) errors.push(`${where}.fields must set at least one field`);
    if (names.length > MAX_CHANGE_FIELDS) {
      errors.push(`${where}.fields sets ${names.length} fields; a change sets at most ${MAX_CHANGE_FIELDS}`);
    } else {
      for (const name of names) {
        if (name.length > MAX_FIELD_NAME_LENGTH || !FIELD_NAME_PATTERN.test(name) || FORBIDDEN_KEYS.has(name)) {
          errors.push(
            `${where}.fields has an invalid field name ${preview(name)} (letters, digits, _ and $; at most ${MAX_FIELD_NAME_LENGTH})`,
          );
        }
        if (fields[name] === undefined) errors.push(`${where}.fields.${preview(name)} is undefined; use null to clear`);
      }
    }
    if (exceedsDepth(fields, MAX_FIELD_DEPTH)) {
      errors.push(`${where}.fields nests deeper than ${MAX_FIELD_DEPTH} levels`);
    } else if (jsonBytesOver(JSON.stringify(fields), MAX_CHANGE_FIELDS_BYTES)) {
      errors.push(`${where}.fields is larger than ${MAX_CHANGE_FIELDS_BYTES} bytes of JSON`);
    }
  }
  if (errors.length > 0) return fail(errors);
  return ok(value as unknown as Change);
}

export function validatePushRequest(value: unknown): Validated<PushRequest> {
  if (!isPlainObject(value)) return fail([`body must be a JSON object, got ${describe(value)}`]);
  const errors: string[] = [];
  checkKeys(value, ['protocolVersion', 'deviceId', 'changes'], errors);
  if (typeof value.protocolVersion !== 'number' || !Number.isInteger(value.protocolVersion)) {
    errors.push('protocolVersion must be an integer');
  }
  checkId(value.deviceId, 'deviceId', errors);
  if (!Array.isArray(value.changes)) {
    errors.push(`changes must be an array, got ${describe(value.changes)}`);
  } else if (value.changes.length > MAX_PUSH_CHANGES) {
    errors.push(`changes holds ${value.changes.length} changes; send at most ${MAX_PUSH_CHANGES} per push`);
  } else {
    const seen = new Set<string>();
    value.changes.forEach((change: unknown, index) => {
      const result = validateChange(change, `changes[${index}]`);
      if (!result.ok) errors.push(...result.errors);
      else if (seen.has(result.value.changeId)) errors.push(`changes[${index}].changeId repeats an earlier change`);
      else seen.add(result.value.changeId);
    });
  }
  if (errors.length > 0) return fail(errors.slice(0, 50));
  return ok(value as unknown as PushRequest);
}

export interface PullQuery {
  /** The database epoch the cursor came from; null for CURSOR_START or a bare number. */
  readonly sinceEpoch: string | null;
  readonly since: number;
  readonly limit: number;
}

/** Query strings arrive as strings (or arrays when repeated). */
export function validatePullQuery(query: unknown): Validated<PullQuery> {
  const q = isPlainObject(query) ? query : {};
  const errors: string[] = [];
  let since = 0;
  let sinceEpoch: string | null = null;
  let limit = DEFAULT_PULL_LIMIT;
  if (q.since !== undefined) {
    const match = typeof q.since === 'string' ? /^(?:([a-z0-9]{4,32})-)?(\d{1,15})$/.exec(q.since) : null;
    if (!match) errors.push('since must be a cursor from an earlier pull');
    else {
      sinceEpoch = match[1] ?? null;
      since = Number(match[2]);
    }
  }
  if (q.limit !== undefined) {
    if (typeof q.limit !== 'string' || !/^\d{1,6}$/.test(q.limit) || Number(q.limit) < 1) {
      errors.push(`limit must be an integer from 1 to ${MAX_PULL_LIMIT}`);
    } else limit = Math.min(Number(q.limit), MAX_PULL_LIMIT);
  }
  if (errors.length > 0) return fail(errors);
  return ok({ sinceEpoch, since, limit });
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(value: unknown, errors: string[]): void {
  if (checkString(value, 'email', errors, 3, 254) && !EMAIL_PATTERN.test(value)) {
    errors.push('email must look like name@example.org');
  }
}

/** A teacher account's own fields, the same for a school's first teacher and for one added later. */
function checkTeacherAccount(value: Record<string, unknown>, errors: string[]): void {
  checkEmail(value.email, errors);
  checkString(value.password, 'password', errors, 10, 200);
  checkString(value.displayName, 'displayName', errors, 1, 100);
}

export function validateSignUp(value: unknown): Validated<SignUpRequest> {
  if (!isPlainObject(value)) return fail([`body must be a JSON object, got ${describe(value)}`]);
  const errors: string[] = [];
  checkKeys(value, ['email', 'password', 'displayName', 'schoolName'], errors);
  checkTeacherAccount(value, errors);
  checkString(value.schoolName, 'schoolName', errors, 1, 200);
  return errors.length > 0 ? fail(errors) : ok(value as unknown as SignUpRequest);
}

/** A further teacher of an existing school (`npm run school:add-teacher`): sign-up's checks, no school name. */
export function validateNewTeacher(value: unknown): Validated<Omit<SignUpRequest, 'schoolName'>> {
  if (!isPlainObject(value)) return fail([`body must be a JSON object, got ${describe(value)}`]);
  const errors: string[] = [];
  checkKeys(value, ['email', 'password', 'displayName'], errors);
  checkTeacherAccount(value, errors);
  return errors.length > 0 ? fail(errors) : ok(value as unknown as Omit<SignUpRequest, 'schoolName'>);
}

export function validateSignIn(value: unknown): Validated<SignInRequest> {
  if (!isPlainObject(value)) return fail([`body must be a JSON object, got ${describe(value)}`]);
  const errors: string[] = [];
  checkKeys(value, ['email', 'password', 'deviceId'], errors);
  checkEmail(value.email, errors);
  checkString(value.password, 'password', errors, 1, 200);
  if (value.deviceId !== undefined) checkId(value.deviceId, 'deviceId', errors);
  return errors.length > 0 ? fail(errors) : ok(value as unknown as SignInRequest);
}

/** `POST /auth/password`: the length rules here; how guessable the new one is, in password-strength.ts. */
export function validateChangePassword(value: unknown): Validated<ChangePasswordRequest> {
  if (!isPlainObject(value)) return fail([`body must be a JSON object, got ${describe(value)}`]);
  const errors: string[] = [];
  checkKeys(value, ['currentPassword', 'newPassword'], errors);
  checkString(value.currentPassword, 'currentPassword', errors, 1, 200);
  checkString(value.newPassword, 'newPassword', errors, 10, 200);
  return errors.length > 0 ? fail(errors) : ok(value as unknown as ChangePasswordRequest);
}

export function validateEnroll(value: unknown): Validated<EnrollRequest> {
  if (!isPlainObject(value)) return fail([`body must be a JSON object, got ${describe(value)}`]);
  const errors: string[] = [];
  checkKeys(value, ['joinCode', 'kind', 'deviceId', 'deviceName', 'studentId'], errors);
  checkString(value.joinCode, 'joinCode', errors, 4, 32);
  if (value.kind !== 'teacher' && value.kind !== 'station' && value.kind !== 'student') {
    errors.push('kind must be "teacher", "station" or "student"');
  }
  checkId(value.deviceId, 'deviceId', errors);
  if (value.deviceName !== undefined) checkString(value.deviceName, 'deviceName', errors, 1, 100);
  if (value.kind === 'student') checkId(value.studentId, 'studentId', errors);
  else if (value.studentId !== undefined) errors.push('studentId is only for kind "student" (a child’s own tablet)');
  return errors.length > 0 ? fail(errors) : ok(value as unknown as EnrollRequest);
}

function validateOnlyId<T>(value: unknown, key: string): Validated<T> {
  if (!isPlainObject(value)) return fail([`body must be a JSON object, got ${describe(value)}`]);
  const errors: string[] = [];
  checkKeys(value, [key], errors);
  checkId(value[key], key, errors);
  return errors.length > 0 ? fail(errors) : ok(value as unknown as T);
}

export const validateStationSignIn = (value: unknown): Validated<StationSignInRequest> =>
  validateOnlyId<StationSignInRequest>(value, 'studentId');

export const validateFamilyLinkRequest = (value: unknown): Validated<FamilyLinkRequest> =>
  validateOnlyId<FamilyLinkRequest>(value, 'studentId');

export function validateCreateClass(value: unknown): Validated<CreateClassRequest> {
  if (!isPlainObject(value)) return fail([`body must be a JSON object, got ${describe(value)}`]);
  const errors: string[] = [];
  checkKeys(value, ['name'], errors);
  checkString(value.name, 'name', errors, 1, 100);
  return errors.length > 0 ? fail(errors) : ok(value as unknown as CreateClassRequest);
}

/**
 * A status report: each known field a whole number within its limit; unknown fields are dropped, so a newer
 * device's report still counts here (the route bounds the body's size).
 */
export function validateDeviceStatusReport(value: unknown): Validated<DeviceStatusReport> {
  if (!isPlainObject(value)) return fail([`body must be a JSON object, got ${describe(value)}`]);
  const errors: string[] = [];
  // The version itself is checked by the route, from the header, as for every request.
  if (typeof value.protocolVersion !== 'number' || !Number.isInteger(value.protocolVersion)) {
    errors.push('protocolVersion must be an integer');
  }
  const report: Record<string, number> = { protocolVersion: Number(value.protocolVersion) };
  for (const key of DEVICE_STATUS_FIELDS) {
    const field = value[key];
    if (field === undefined) continue;
    const max = key.endsWith('Bytes') ? MAX_REPORTED_BYTES : MAX_REPORTED_COUNT;
    if (typeof field !== 'number' || !Number.isInteger(field) || field < 0 || field > max) {
      errors.push(`${key} must be a whole number from 0 to ${max}, got ${preview(field)}`);
    } else report[key] = field;
  }
  return errors.length > 0 ? fail(errors) : ok(report as unknown as DeviceStatusReport);
}

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
