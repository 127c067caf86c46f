/**
 * Schema versions, append-only. Never edit a published version: add a new one with its upgrade, and a
 * migration test that opens a database written by the version before (see README.md).
 */
export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      schools: 'id',
      teachers: 'id, schoolId',
      classes: 'id, schoolId',
      students: 'id, classId',
      frameworks: 'id',
      targets: 'id, frameworkId',
      itemSets: 'id, frameworkId',
      paths: 'id, studentId',
      evidence: 'id, studentId, *targetIds, observedAt, [studentId+observedAt]',
      decisions: 'id, studentId',
      blobs: 'id, uploadedAt',
      outbox: '++seq, &changeId',
      settings: 'key',
    },
  },
  {
    // Local only, never synced: half-done work (a paused one-on-one check) that must survive a reload.
    version: 2,
    stores: { drafts: 'key' },
  },
  {
    // Which attachments the evidence cites, read from keys alone: a sync round no longer walks every
    // evidence record to find photos it still has to download.
    version: 3,
    stores: { evidence: 'id, studentId, *targetIds, observedAt, [studentId+observedAt], *blobIds' },
  },
  {
    // Summaries kept on the device only, so a screen never reads a whole year of records: each student's
    // evidence facts (kept by summaries-middleware.ts with every write) and each student's cached rules
    // summary for the class views (class-progress.ts). The upgrade makes the facts of the evidence held.
    version: 4,
    stores: { studentEvidence: 'studentId', progressCache: 'studentId' },
  },
  {
    // A year of records in less space: synced rows keep one clock stamp per row on disk, plus the fields
    // whose stamp differs (stored-stamps.ts), and evidence keeps only the indexes reads use. `*targetIds`
    // and `observedAt` had no reader; `studentId` is the first part of `[studentId+observedAt]`, which
    // Dexie reads `where('studentId')` from (bulk-read.ts reads it by prefix). The upgrade rewrites the
    // rows older versions stored with a stamp per field.
    version: 5,
    stores: { evidence: 'id, [studentId+observedAt], *blobIds' },
  },
];

/** The schema version whose upgrade compacts stored stamps (database.ts). */
export const COMPACT_STAMPS_VERSION = 5;

export const DB_NAME = 'waypoint';
