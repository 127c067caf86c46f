/**
 * The wire format between a device and the sync server (all routes under /api/v1). Shared by the server
 * and the client sync engine; `validate.ts` checks untrusted values against these shapes.
 */
import type { Change } from './change.ts';
import type { Hlc } from './hlc.ts';

/** Header carrying PROTOCOL_VERSION on every request. */
export const PROTOCOL_HEADER = 'x-waypoint-protocol';
export const API_PREFIX = '/api/v1';

// Limits on what one push may cost the server. Each is a few times the app's largest legitimate write
// (measured on the starter content: a target has 13 fields and ~1 KB of JSON, a 26-letter check ~1.7 KB, a
// class path ~1.4 KB; a whole-device requeue sends at most MAX_PUSH_CHANGES records of ≤ 17 fields), so a
// real tablet never meets them, while the most expensive legal push stays cheap enough that another class's
// pull waits well under half a second (`sync.server.maxPushStallMs` in `npm run bench`).
export const MAX_PUSH_CHANGES = 500;
/** Fields one change may set (the app's largest record has 17). */
export const MAX_CHANGE_FIELDS = 64;
/** Fields one record may hold in all, however many changes set them (so loading a record stays cheap). */
export const MAX_RECORD_FIELDS = 96;
/** Longest field name (the app's longest is 17 characters). */
export const MAX_FIELD_NAME_LENGTH = 64;
/** Fields set by all the changes of one push together (500 of the app's largest records is ~8 500). */
export const MAX_PUSH_FIELDS = 16_000;
/** Largest push body in bytes (500 changes of the app's are ~1 MB). */
export const MAX_PUSH_BYTES = 6 * 1024 * 1024;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;
/** Largest accepted blob (photos are compressed on the device first). */
export const MAX_BLOB_BYTES = 10 * 1024 * 1024;
/** Largest JSON encoding (UTF-8 bytes) of one change's fields. */
export const MAX_CHANGE_FIELDS_BYTES = 64 * 1024;

/**
 * The media types the app records, and the only ones the server stores: photos (WebP where the browser
 * encodes it, else JPEG), drawings (PNG), and voice as MediaRecorder makes it (WebM/Opus in Chromium and
 * Firefox, MP4/AAC in Safari, Ogg/Opus in older Firefox). The server checks the bytes against the type.
 */
export const BLOB_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'audio/webm',
  'audio/mp4',
  'audio/ogg',
  'audio/wav',
] as const;
export type BlobMediaType = (typeof BLOB_MEDIA_TYPES)[number];

/**
 * Opaque to the client: store it and send it back as `since`. Today `<database epoch>-<sequence number>`;
 * the epoch lets the server notice a cursor from another (e.g. re-created) database.
 */
export type Cursor = string;
export const CURSOR_START: Cursor = '0';

// ---- errors ----

export const ERROR_CODES = [
  'badRequest',
  'validation',
  'unauthorized',
  'forbidden',
  'notFound',
  'conflict',
  'tooLarge',
  'unsupportedMediaType',
  'tooManyRequests',
  'updateApp',
  'updateServer',
  'hashMismatch',
  'familyLinkRevoked',
  'familyLinkExpired',
  /** POST /auth/password: the current password given is not the account's (403). */
  'wrongPassword',
  /** A new password the shared rules refuse (400); `details[0]` is the PasswordWeakness. */
  'weakPassword',
  /**
   * PUT /blobs (429): the uploader's bytes that no record cites yet are at their bound; nothing was stored.
   * Not final: the device keeps the blob and sends it again after its records (docs/sync-protocol.md, Blobs).
   */
  'uploadQuotaExceeded',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: readonly string[] };
}

// ---- push ----

export interface PushRequest {
  readonly protocolVersion: number;
  readonly deviceId: string;
  readonly changes: readonly Change[];
}

/**
 * Why the server refused a change. The device acts on the code and shows the reason in plain words:
 * - `clockAhead`: the stamp is more than MAX_CLOCK_AHEAD_MS ahead of the server's clock. Not final: the
 *   device stamps the change again from its corrected clock and sends it again.
 * - `forbidden`: the caller's role may not write this (the role table in docs/sync-protocol.md).
 * - `immutable`: an append-only field would change.
 * - `scope`: the record is outside the caller's school, class or child, or names one that does not exist.
 * - `conflict`: the change id was used before with other content.
 * - `invalid`: the fields break a limit or a rule of their table.
 * - `invalidField`: a field's value is not of its type or range, or a new record lacks a required field
 *   (record-shapes.ts); the reason names the field. An older device reads it as `invalid`.
 */
export const REFUSAL_CODES = [
  'clockAhead',
  'forbidden',
  'immutable',
  'scope',
  'conflict',
  'invalid',
  'invalidField',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** A record as the server holds it and the caller may see it: each field's value and stamp. */
export interface RecordState {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly stamps: Readonly<Record<string, Hlc>>;
}

export interface RejectedChange {
  readonly changeId: string;
  readonly code: RefusalCode;
  /** For a developer or a log; the app words its own message from `code`. */
  readonly reason: string;
  /**
   * The record as the server holds it for this caller, so the device can put its copy back (final
   * refusals only): null when the server holds no such record the caller may see; absent for `clockAhead`.
   */
  readonly current?: RecordState | null;
}

export interface PushResponse {
  /** Applied now or earlier (a re-sent change is accepted again and changes nothing). */
  readonly accepted: readonly string[];
  /** Refused for good: the device should drop them from its outbox and surface the reason. */
  readonly rejected: readonly RejectedChange[];
  /** The server's newest position after this push. Informational: never use it as a pull cursor. */
  readonly cursor?: Cursor;
  /** The server's clock (ms since the epoch) when it answered, so a device can tell how far off its own is. */
  readonly serverTime: number;
  /**
   * Attachments that evidence accepted in this push names and the server does not hold (absent when none):
   * usually not uploaded yet; one this device thought uploaded was removed uncited past its grace period,
   * and the device sends it again.
   */
  readonly missingBlobIds?: readonly string[];
}

// ---- pull ----

export interface PulledChange extends Change {
  /** Server sequence number; increases with every change the server commits. */
  readonly seq: number;
}

export interface PullResponse {
  readonly changes: readonly PulledChange[];
  /** Pass as `since` next time. */
  readonly cursor: Cursor;
  /**
   * The cursor came from another server database (re-created or restored): this page starts again from
   * the beginning. The device should keep pulling, and re-push its local records, which the server may lack.
   */
  readonly reset?: true;
  /** More changes wait: pull again at once with the new cursor. */
  readonly hasMore: boolean;
  /** The server's clock (ms since the epoch) when it answered. */
  readonly serverTime: number;
}

// ---- accounts and devices ----

export type DeviceKind = 'teacher' | 'station' | 'student';

export interface Scope {
  readonly schoolId: string;
  /** Absent for a teacher signed in with email and password (school-wide). */
  readonly classId?: string;
  /** A station's signed-in child, or a student device's own child. */
  readonly studentId?: string;
}

export interface SignUpRequest {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  /** Creates a new school with this name; the teacher is its first member. */
  readonly schoolName: string;
}

/**
 * A device that signed in before should send the token it holds (even an expired one) as
 * `Authorization: Bearer <token>`: a device known to the account is not slowed by other people's failed
 * sign-ins (see the throttles in docs/sync-protocol.md).
 */
export interface SignInRequest {
  readonly email: string;
  readonly password: string;
  readonly deviceId?: string;
}

/**
 * A signed-in teacher account changes its own password (`POST /auth/password`). The answer (200) keeps this
 * token and ends every other sign-in of the account.
 */
export interface ChangePasswordRequest {
  readonly currentPassword: string;
  readonly newPassword: string;
}

export interface ChangePasswordResponse {
  readonly changed: true;
  /** How many other sign-ins of the account were ended. */
  readonly signedOut: number;
}

/**
 * Answer to sign-up (202): the same whether the email is new or already has an account, so the answer never
 * tells which emails have accounts. The device then signs in with the same email and password.
 */
export interface SignUpAccepted {
  readonly accepted: true;
  readonly message: string;
}

/** Answer to sign-in and enrollment. The token goes in `Authorization: Bearer <token>`. */
export interface SessionResponse {
  /** The token's id, for `DELETE /devices/:id`. */
  readonly deviceTokenId: string;
  readonly token: string;
  readonly kind: DeviceKind;
  readonly scope: Scope;
  readonly teacherId?: string;
  readonly expiresAt?: string;
}

export interface EnrollRequest {
  readonly joinCode: string;
  /** `teacher` and `student` also need a teacher's bearer token: a join code alone only makes a station. */
  readonly kind: 'teacher' | 'station' | 'student';
  readonly deviceId: string;
  readonly deviceName?: string;
  /** kind `student`: the child of the class whose own tablet this becomes. */
  readonly studentId?: string;
}

export interface CreateClassRequest {
  readonly name: string;
}

export interface CreateClassResponse {
  readonly classId: string;
  readonly joinCode: string;
}

/** A class in `GET /classes`: its name as last synced, and the code stations type to enroll in it. */
export interface ClassSummary {
  readonly classId: string;
  readonly name: string;
  readonly joinCode: string;
}

export interface ClassListResponse {
  readonly classes: readonly ClassSummary[];
}

/** Answer to `POST /classes/:id/join-code`: the old code no longer enrolls; enrolled devices stay. */
export type JoinCodeResponse = CreateClassResponse;

/** A device token in `GET /devices`, for a teacher to see and revoke. */
export interface DeviceSummary {
  readonly deviceTokenId: string;
  readonly kind: DeviceKind;
  /** Null: a teacher signed in with the account (whole school). */
  readonly classId: string | null;
  readonly deviceId: string;
  readonly deviceName: string | null;
  /** The child signed in at a station right now, if any. */
  readonly signedInStudentId: string | null;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  /** What the device last reported with its sync (`POST /sync/status`); absent from older servers. */
  readonly status?: DeviceStatus | null;
}

/**
 * A device's storage and what still waits on it, sent after each sync round (`POST /sync/status`). Every
 * field is optional (a browser may not tell its storage); fields this server does not know are ignored.
 */
export interface DeviceStatusReport {
  readonly protocolVersion: number;
  /** Bytes the app uses on the device. */
  readonly usedBytes?: number;
  /** Bytes it may still store (its quota as the device plans with it, less what it uses). */
  readonly freeBytes?: number;
  /** Changes not yet pushed. */
  readonly pendingChanges?: number;
  /** Photos and recordings not yet uploaded, and their bytes. */
  readonly pendingUploads?: number;
  readonly pendingUploadBytes?: number;
}

/** A device's last report as the server keeps it, with when it came. */
export interface DeviceStatus {
  readonly usedBytes: number | null;
  readonly freeBytes: number | null;
  readonly pendingChanges: number | null;
  readonly pendingUploads: number | null;
  readonly pendingUploadBytes: number | null;
  readonly reportedAt: string;
}

export const DEVICE_STATUS_FIELDS = [
  'usedBytes',
  'freeBytes',
  'pendingChanges',
  'pendingUploads',
  'pendingUploadBytes',
] as const;

/** Limits of a status report: bytes up to a petabyte, counts up to a billion. */
export const MAX_REPORTED_BYTES = 2 ** 50;
export const MAX_REPORTED_COUNT = 1_000_000_000;

export interface DeviceListResponse {
  readonly devices: readonly DeviceSummary[];
}

export interface StationSignInRequest {
  readonly studentId: string;
}

export interface StationSignInResponse {
  readonly scope: Scope;
  /** The token now also sees this child's records: pull again from CURSOR_START to fetch them. */
  readonly pullFrom: Cursor;
}

// ---- family links ----

export interface FamilyLinkRequest {
  readonly studentId: string;
}

export interface FamilyLinkResponse {
  readonly id: string;
  readonly token: string;
  /** Path of the read-only view: GET /api/v1/family/<token>. */
  readonly path: string;
}

/** A record as currently stored on the server (last writer wins per field already applied). */
export interface RecordSnapshot {
  readonly table: string;
  readonly recordId: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface FamilyViewResponse {
  readonly studentId: string;
  readonly records: readonly RecordSnapshot[];
}

// ---- blobs ----

export interface BlobPutResponse {
  readonly sha256: string;
  readonly size: number;
  /** False when the server already held these bytes (a re-send). */
  readonly created: boolean;
}
