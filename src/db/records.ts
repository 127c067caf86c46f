import type {
  ClassGroup,
  Decision,
  Evidence,
  Framework,
  Hlc,
  ItemSet,
  Path,
  School,
  Student,
  Target,
  Teacher,
} from '#protocol';

/**
 * Stored shapes. A synced record is its domain shape plus sync metadata: the HLC stamp of the last
 * write of each field (for last-writer-wins per field) and a tombstone flag.
 */
export interface SyncMeta {
  readonly _hlc: Readonly<Record<string, Hlc>>;
  readonly deleted?: boolean;
}

export type SchoolRecord = School & SyncMeta;
export type TeacherRecord = Teacher & SyncMeta;
export type ClassRecord = ClassGroup & SyncMeta;
/**
 * A child as this device holds them. A device sees only what the server lets it: a station gets the picture
 * grid of its class (name, picture, class), so the family language may be missing; readers fall back (the
 * tablet's language for a child's screens, the class's for content).
 */
export type StudentRecord = Omit<Student, 'familyLanguage'> & { readonly familyLanguage?: string } & SyncMeta;
export type FrameworkRecord = Framework & SyncMeta;
export type TargetRecord = Target & SyncMeta;
export type ItemSetRecord = ItemSet & SyncMeta;
export type PathRecord = Path & SyncMeta;
export type EvidenceRecord = Evidence & SyncMeta;
export type DecisionRecord = Decision & SyncMeta;

/**
 * Photos, drawings and audio, keyed by SHA-256. Bytes are kept as an ArrayBuffer rather than a Blob:
 * Safari has a history of losing Blobs stored in IndexedDB, and ArrayBuffers clone everywhere.
 */
interface BlobMeta {
  readonly id: string;
  readonly mime: string;
  readonly size: number;
  readonly createdAt: string;
  /** Set once the server has confirmed it holds the bytes (or when they were fetched from it). */
  readonly uploadedAt?: string;
  /** Set when the server refused the bytes for good (a type it does not take): never sent again. */
  readonly refusedAt?: string;
  /** When the bytes were fetched from the server (recorded elsewhere, or opened after eviction). */
  readonly fetchedAt?: string;
}

/** A photo, drawing or recording whose bytes are on this tablet. */
export interface BlobRecord extends BlobMeta {
  readonly bytes: ArrayBuffer;
  readonly evictedAt?: undefined;
}

/**
 * A photo or recording the server holds whose bytes were removed from this tablet to free space
 * (media-eviction.ts): the row stays, so a sync round does not fetch it again; opening it online does.
 */
export interface EvictedBlobRecord extends BlobMeta {
  readonly uploadedAt: string;
  readonly evictedAt: string;
  readonly bytes?: undefined;
}

export type StoredBlobRecord = BlobRecord | EvictedBlobRecord;

export const isHeldBlob = (blob: StoredBlobRecord): blob is BlobRecord => blob.bytes !== undefined;

export interface OutboxRecord {
  /** Local auto-increment: the order changes were made in. */
  readonly seq?: number;
  readonly changeId: string;
  readonly table: string;
  readonly recordId: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly hlc: Hlc;
}

export interface SettingRecord {
  readonly key: string;
  readonly value: unknown;
}

/** Strips sync metadata: what screens and rules see. */
export function toDomain<T extends SyncMeta>(record: T): Omit<T, '_hlc' | 'deleted'> {
  const { _hlc: _ignored, deleted: _deleted, ...domain } = record;
  return domain;
}
