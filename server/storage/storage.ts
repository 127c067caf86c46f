/**
 * The Storage interface the sync core and the routes are written against. One SQL implementation
 * (sql-storage.ts) runs over two drivers: SQLite (default) and PostgreSQL (DATABASE_URL). The contract
 * suite in tests/server runs against both.
 */
import type { DeviceKind, DeviceStatus, SyncedTable } from '#protocol';

/** Where a record belongs; derived once, when the record is created (see server/sync/scope.ts). */
export interface RecordScope {
  readonly schoolId: string;
  /** Null for school-wide records (frameworks, targets, item sets, teachers, the school). */
  readonly classId: string | null;
  /** Set for records about one child (paths, evidence, decisions). */
  readonly studentId: string | null;
}

export interface FieldState {
  readonly value: unknown;
  readonly hlc: string;
}

export interface RecordKey {
  readonly table: SyncedTable;
  readonly recordId: string;
}

export interface StoredRecord extends RecordKey {
  readonly scope: RecordScope;
  readonly fields: Readonly<Record<string, FieldState>>;
}

/** A record deleted (a tombstone: `deleted` set true, which an undo sets false again). */
export const isDeletedRecord = (record: StoredRecord): boolean => record.fields.deleted?.value === true;

/** A record's scope (kept from its creation) and all its fields after last-writer-wins, written whole. */
export interface RecordWrite extends RecordKey {
  readonly scope: RecordScope;
  readonly isNew: boolean;
  readonly fields: Readonly<Record<string, FieldState>>;
  /** `fields` as JSON, when the push already made it (a new record: see newDocument in push.ts). */
  readonly document?: string;
}

export interface LogEntry {
  readonly changeId: string;
  /** SHA-256 of the change as sent (table, record, stamp, fields), to tell a re-send from a reused id. */
  readonly contentHash: string;
  readonly deviceId: string;
  readonly table: SyncedTable;
  readonly recordId: string;
  /** Only the fields that changed the server's state; empty when every field lost or was already there. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** `fields` as JSON, when the push already made it (then it is stored as is). */
  readonly fieldsJson?: string;
  readonly hlc: string;
  readonly scope: RecordScope;
  readonly receivedAt: string;
}

/** A change id this school already holds, and what it was. */
export interface AppliedChange {
  readonly table: SyncedTable;
  readonly recordId: string;
  readonly hlc: string;
  /** Null for changes logged before content hashes were kept (migration 2). */
  readonly contentHash: string | null;
}

export interface LoggedChange {
  readonly seq: number;
  readonly changeId: string;
  readonly table: SyncedTable;
  readonly recordId: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly hlc: string;
}

/**
 * What a caller may see. A row is visible when it is in the school, in the class (if any) or school-wide,
 * and either a shared record of an allowed table or a record of an allowed student.
 */
export interface VisibilityFilter {
  readonly schoolId: string;
  /** Null: every class of the school. */
  readonly classId: string | null;
  /** Tables of records not about one child that are visible; null: all. */
  readonly sharedTables: readonly SyncedTable[] | null;
  /** Children whose records are visible; null: every child in scope. */
  readonly studentIds: readonly string[] | null;
  /** `students` records visible by id though the table is not shared (a student device's own child). */
  readonly studentRecordIds?: readonly string[];
}

export interface PullPage {
  readonly changes: readonly LoggedChange[];
  readonly cursor: number;
  /** The newest sequence number of the whole log when the page was read: a cursor beyond it is stale. */
  readonly top: number;
  readonly hasMore: boolean;
}

export interface BlobRef {
  readonly schoolId: string;
  readonly sha256: string;
  readonly classId: string | null;
  readonly studentId: string | null;
  /**
   * Whether this citation lets the readers of the citing evidence read the blob: true when the citing
   * caller could read it, false when it could not, null when the blob is not on the server yet (then it
   * counts only if the blob's uploader is a teacher account or a device of the citing record's class).
   */
  readonly granted: boolean | null;
}

/** What a slice of a push reads first: which of its change ids the school holds, and the records it touches. */
export interface SliceRead {
  readonly applied: Map<string, AppliedChange>;
  /** The stored records among the keys asked for (those not stored yet are absent). */
  readonly records: StoredRecord[];
}

/** All a slice of a push writes, at its end. */
export interface SliceWrite {
  readonly records: readonly RecordWrite[];
  readonly log: readonly LogEntry[];
  readonly blobRefs: readonly BlobRef[];
}

/** Operations inside one push transaction. */
export interface SyncTx {
  /**
   * findAppliedChanges and loadRecords at once (PostgreSQL: one statement, one round trip); the push
   * calls this, the two separate ones stay for the storage contract.
   */
  readSlice(changeIds: readonly string[], keys: readonly RecordKey[]): Promise<SliceRead>;
  /**
   * saveRecords, appendLog and addBlobRefs at once, then maxSeq (PostgreSQL: one statement): answers the
   * school's newest sequence number after the slice's rows.
   */
  writeSlice(write: SliceWrite): Promise<number>;
  /** The given change ids this school already holds. */
  findAppliedChanges(schoolId: string, changeIds: readonly string[]): Promise<Map<string, AppliedChange>>;
  loadRecords(schoolId: string, keys: readonly RecordKey[]): Promise<StoredRecord[]>;
  saveRecords(writes: readonly RecordWrite[]): Promise<void>;
  appendLog(entries: readonly LogEntry[]): Promise<void>;
  addBlobRefs(refs: readonly BlobRef[]): Promise<void>;
  /** Who uploaded each of these blobs the school holds. */
  blobUploaders(schoolId: string, sha256s: readonly string[]): Promise<Map<string, BlobUploader>>;
  /** Which of these blobs a citation visible under the filter lets its readers read. */
  citedReadable(filter: VisibilityFilter, sha256s: readonly string[]): Promise<Set<string>>;
  /** The school's newest sequence number (the one this transaction writes for). */
  maxSeq(): Promise<number>;
  /**
   * Adds a class (a `classes` record first pushed by a device) unless its id or join code is taken, and
   * answers the class now stored under that id: undefined means only the join code was taken (try another);
   * a row of another school means the id is taken.
   */
  insertClass(row: ClassRow): Promise<ClassRow | undefined>;
}

export interface SchoolRow {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

/** A school as the admin commands list it (`npm run school:list`). */
export interface SchoolSummary extends SchoolRow {
  /** How many teacher accounts it has. */
  readonly teachers: number;
}

export interface TeacherAccount {
  readonly id: string;
  readonly schoolId: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly createdAt: string;
}

export interface TeacherPasswordChange {
  readonly teacherId: string;
  readonly passwordHash: string;
  /** When the other sign-ins end (their revokedAt). */
  readonly at: string;
  /** The sign-in that made the change, kept; null ends them all (an administrator's reset). */
  readonly keepTokenId: string | null;
  readonly expectedHash?: string;
}

export interface ClassRow {
  readonly id: string;
  readonly schoolId: string;
  readonly name: string;
  readonly joinCode: string;
  readonly createdAt: string;
}

export interface DeviceTokenRow {
  readonly id: string;
  readonly tokenHash: string;
  readonly kind: DeviceKind;
  readonly schoolId: string;
  readonly classId: string | null;
  readonly studentId: string | null;
  readonly teacherId: string | null;
  readonly deviceId: string;
  readonly deviceName: string | null;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export interface FamilyLinkRow {
  readonly id: string;
  readonly tokenHash: string;
  readonly schoolId: string;
  readonly classId: string;
  readonly studentId: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export interface BlobUploader {
  /** The uploading device's class; null for a teacher account (school-wide). */
  readonly classId: string | null;
  /** The uploading token's id; null for blobs stored before it was kept (migration 4). */
  readonly tokenId: string | null;
}

export interface BlobMetaRow extends BlobUploader {
  readonly schoolId: string;
  readonly sha256: string;
  readonly size: number;
  readonly mime: string;
  readonly createdAt: string;
}

/** What the uploader may keep uncited (server/sync/uncited-blobs.ts). */
export interface UncitedBlobLimits {
  readonly tokenBytes: number;
  /** Null: the uploader belongs to no class (a teacher's sign-in). */
  readonly classBytes: number | null;
}

export type StoreBlobOutcome =
  | { readonly kind: 'created' }
  | { readonly kind: 'exists' }
  /** Nothing stored: `heldBytes` uncited already, this blob would pass `limitBytes` of `scope`. */
  | {
      readonly kind: 'overQuota';
      readonly scope: 'token' | 'class';
      readonly heldBytes: number;
      readonly limitBytes: number;
    };

/** Failures (or attempts) counted under one key, shared by every server process. */
export interface ThrottleState {
  readonly hits: number;
  /** When the last one was counted (ms since the epoch). */
  readonly lastAt: number;
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Applies the numbered migrations the database lacks (server/storage/migrations.ts); safe to call on
   * every start and from several processes at once. `nowMs` dates them (and the clock repair).
   */
  migrate(nowMs?: number): Promise<void>;
  /** The newest migration applied. */
  schemaVersion(): Promise<number>;
  /** A random id made once per database, so cursors from another database are recognised. */
  epoch(): Promise<string>;
  /** Whether any school exists yet (a school server's first run lets its first teacher sign up). */
  hasAnySchool(): Promise<boolean>;
  close(): Promise<void>;

  /**
   * Runs `fn` in one transaction that writes for one school, serialized with that school's other pushes
   * (every server process) so its sequence numbers commit in order; other schools' pushes run beside it.
   * Writing a change-log row of another school in it throws.
   */
  syncTransaction<T>(schoolId: string, fn: (tx: SyncTx) => Promise<T>): Promise<T>;
  pull(filter: VisibilityFilter, since: number, limit: number): Promise<PullPage>;
  listRecords(filter: VisibilityFilter): Promise<StoredRecord[]>;
  getRecords(schoolId: string, keys: readonly RecordKey[]): Promise<StoredRecord[]>;

  /** Creating an existing id again is a no-op (so seeding is safe from several processes). */
  createSchool(row: SchoolRow): Promise<void>;
  getSchool(id: string): Promise<SchoolRow | undefined>;
  /** Every school, by name, with its number of teacher accounts. */
  listSchools(): Promise<SchoolSummary[]>;
  /** False when the email is taken. */
  createTeacher(row: TeacherAccount): Promise<boolean>;
  findTeacherByEmail(email: string): Promise<TeacherAccount | undefined>;
  findTeacherById(id: string): Promise<TeacherAccount | undefined>;
  /**
   * In one transaction: the teacher's new password hash, and every sign-in of theirs ended (teacher tokens
   * without a class) but `keepTokenId`'s. Devices enrolled with their token (class tablets, a child's tablet)
   * keep working. With `expectedHash`, nothing changes unless the stored hash is still that one (two changes
   * at once: the second finds the first's). The number of sign-ins ended; null when nothing changed.
   */
  setTeacherPassword(change: TeacherPasswordChange): Promise<number | null>;
  /**
   * Removes the teacher's account (email and password) and ends their sign-ins, in one transaction; their
   * synced records, classes and enrolled devices stay. The number of sign-ins ended; null when no such teacher.
   */
  removeTeacher(teacherId: string, at: string): Promise<number | null>;
  /** Same id again: no-op. A join code already in use: throws. */
  createClass(row: ClassRow): Promise<void>;
  getClass(id: string): Promise<ClassRow | undefined>;
  findClassByJoinCode(joinCode: string): Promise<ClassRow | undefined>;
  listClasses(schoolId: string): Promise<ClassRow[]>;
  /** Gives a class a new join code; false when another class holds that code (nothing changes). */
  setJoinCode(classId: string, joinCode: string): Promise<boolean>;

  createDeviceToken(row: DeviceTokenRow): Promise<void>;
  /**
   * A teacher's sign-in token, made only if the account still has `passwordHash` (the one the sign-in
   * checked), in one transaction that a password change or removal (setTeacherPassword, removeTeacher)
   * either ends or finds already done: a sign-in with the old password in flight meanwhile gets no token.
   * False when nothing was made.
   */
  createSignIn(row: DeviceTokenRow, passwordHash: string): Promise<boolean>;
  findDeviceTokenByHash(tokenHash: string): Promise<DeviceTokenRow | undefined>;
  getDeviceToken(id: string): Promise<DeviceTokenRow | undefined>;
  listDeviceTokens(schoolId: string): Promise<DeviceTokenRow[]>;
  revokeDeviceToken(id: string, at: string): Promise<void>;
  setDeviceTokenStudent(id: string, studentId: string | null): Promise<void>;
  /** Keeps a device token's latest status report, replacing the one before. */
  setDeviceStatus(tokenId: string, status: DeviceStatus): Promise<void>;
  /** The latest status report of each of the school's device tokens that sent one. */
  listDeviceStatuses(schoolId: string): Promise<Map<string, DeviceStatus>>;

  createFamilyLink(row: FamilyLinkRow): Promise<void>;
  findFamilyLinkByHash(tokenHash: string): Promise<FamilyLinkRow | undefined>;
  getFamilyLink(id: string): Promise<FamilyLinkRow | undefined>;
  revokeFamilyLink(id: string, at: string): Promise<void>;

  /** False when these bytes were already stored for the school (an idempotent re-send). No bound applies. */
  putBlob(meta: BlobMetaRow, bytes: Buffer): Promise<boolean>;
  /**
   * Stores a blob unless it would take its uploader's uncited bytes (blobs no evidence cites, counted per
   * token and per class) past `limits`; a blob already cited is stored whatever the count. Checked and
   * stored under a lock per class (per token for a teacher's sign-in) that every server process takes, so
   * concurrent uploads cannot pass the bound together. A re-send of an uncited blob dates it anew, so a sweep
   * racing with it never removes what the re-send confirmed.
   */
  storeBlob(meta: BlobMetaRow, bytes: Buffer, limits: UncitedBlobLimits): Promise<StoreBlobOutcome>;
  /**
   * Removes blobs (row and bytes) that no evidence cites and that were stored (or last re-sent) before
   * `before`; each school's under that school's push lock, so a citation committing meanwhile keeps its
   * blob. Answers how many were removed.
   */
  sweepUncitedBlobs(before: string): Promise<number>;
  getBlobMeta(schoolId: string, sha256: string): Promise<BlobMetaRow | undefined>;
  getBlobBytes(schoolId: string, sha256: string): Promise<Buffer | undefined>;
  /** Whether evidence visible under the filter cites the blob in a way that lets its readers read it. */
  isBlobCited(filter: VisibilityFilter, sha256: string): Promise<boolean>;

  /** Counts one more under `key`, starting again at 1 when the last was longer ago than `windowMs`. */
  hitThrottle(key: string, nowMs: number, windowMs: number): Promise<ThrottleState>;
  getThrottle(key: string): Promise<ThrottleState | undefined>;
  clearThrottle(key: string): Promise<void>;
  /** Forgets keys last counted before `beforeMs`. */
  sweepThrottles(beforeMs: number): Promise<void>;
}
