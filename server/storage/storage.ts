/**
 * The Storage interface the sync core and the routes are written against. One SQL implementation
 * (sql-storage.ts) runs over two drivers: SQLite (default) and PostgreSQL (DATABASE_URL). The contract
 * suite in tests/server runs against both.
 */
import type { DeviceKind, SyncedTable } from '#protocol';

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

/** A record's new scope (when created) and the fields that won last-writer-wins. */
export interface RecordWrite extends RecordKey {
  readonly scope: RecordScope;
  readonly isNew: boolean;
  readonly fields: Readonly<Record<string, FieldState>>;
}

export interface LogEntry {
  readonly changeId: string;
  readonly deviceId: string;
  readonly table: SyncedTable;
  readonly recordId: string;
  /** Only the fields that changed the server's state; empty when every field lost or was already there. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly hlc: string;
  readonly scope: RecordScope;
  readonly receivedAt: string;
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
}

export interface PullPage {
  readonly changes: readonly LoggedChange[];
  readonly cursor: number;
  /** The newest sequence number when the page was read. */
  readonly top: number;
  readonly hasMore: boolean;
}

export interface BlobRef {
  readonly schoolId: string;
  readonly sha256: string;
  readonly classId: string | null;
  readonly studentId: string | null;
}

/** Operations inside one push transaction. */
export interface SyncTx {
  findAppliedChangeIds(changeIds: readonly string[]): Promise<Set<string>>;
  loadRecords(schoolId: string, keys: readonly RecordKey[]): Promise<StoredRecord[]>;
  saveRecords(writes: readonly RecordWrite[]): Promise<void>;
  appendLog(entries: readonly LogEntry[]): Promise<void>;
  addBlobRefs(refs: readonly BlobRef[]): Promise<void>;
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

export interface TeacherAccount {
  readonly id: string;
  readonly schoolId: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly createdAt: string;
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

export interface BlobMetaRow {
  readonly schoolId: string;
  readonly sha256: string;
  readonly size: number;
  readonly mime: string;
  /** The uploading device's class, so its class can read the blob before any evidence cites it. */
  readonly classId: string | null;
  readonly createdAt: string;
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates missing tables; safe to call on every start. */
  migrate(): Promise<void>;
  /** A random id made once per database, so cursors from another database are recognised. */
  epoch(): Promise<string>;
  close(): Promise<void>;

  /** Runs `fn` in one transaction, serialized with other pushes so sequence numbers commit in order. */
  syncTransaction<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T>;
  pull(filter: VisibilityFilter, since: number, limit: number): Promise<PullPage>;
  listRecords(filter: VisibilityFilter): Promise<StoredRecord[]>;
  getRecords(schoolId: string, keys: readonly RecordKey[]): Promise<StoredRecord[]>;

  /** Creating an existing id again is a no-op (so seeding is safe from several processes). */
  createSchool(row: SchoolRow): Promise<void>;
  getSchool(id: string): Promise<SchoolRow | undefined>;
  /** False when the email is taken. */
  createTeacher(row: TeacherAccount): Promise<boolean>;
  findTeacherByEmail(email: string): Promise<TeacherAccount | undefined>;
  /** Same id again: no-op. A join code already in use: throws. */
  createClass(row: ClassRow): Promise<void>;
  getClass(id: string): Promise<ClassRow | undefined>;
  findClassByJoinCode(joinCode: string): Promise<ClassRow | undefined>;
  listClasses(schoolId: string): Promise<ClassRow[]>;
  /** Gives a class a new join code; false when another class holds that code (nothing changes). */
  setJoinCode(classId: string, joinCode: string): Promise<boolean>;

  createDeviceToken(row: DeviceTokenRow): Promise<void>;
  findDeviceTokenByHash(tokenHash: string): Promise<DeviceTokenRow | undefined>;
  getDeviceToken(id: string): Promise<DeviceTokenRow | undefined>;
  listDeviceTokens(schoolId: string): Promise<DeviceTokenRow[]>;
  revokeDeviceToken(id: string, at: string): Promise<void>;
  setDeviceTokenStudent(id: string, studentId: string | null): Promise<void>;

  createFamilyLink(row: FamilyLinkRow): Promise<void>;
  findFamilyLinkByHash(tokenHash: string): Promise<FamilyLinkRow | undefined>;
  getFamilyLink(id: string): Promise<FamilyLinkRow | undefined>;
  revokeFamilyLink(id: string, at: string): Promise<void>;

  /** False when these bytes were already stored for the school (an idempotent re-send). */
  putBlob(meta: BlobMetaRow, bytes: Buffer): Promise<boolean>;
  getBlobMeta(schoolId: string, sha256: string): Promise<BlobMetaRow | undefined>;
  getBlobBytes(schoolId: string, sha256: string): Promise<Buffer | undefined>;
  /** Whether an evidence record visible under the filter cites the blob. */
  isBlobCited(filter: VisibilityFilter, sha256: string): Promise<boolean>;
}
