import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  ClassRecord,
  DecisionRecord,
  EvidenceRecord,
  FrameworkRecord,
  ItemSetRecord,
  OutboxRecord,
  PathRecord,
  SchoolRecord,
  SettingRecord,
  StoredBlobRecord,
  StudentRecord,
  TargetRecord,
  TeacherRecord,
} from './records.ts';
import { COMPACT_STAMPS_VERSION, DB_NAME, SCHEMA_VERSIONS } from './schema.ts';
import { isSyncedTable, SYNCED_TABLES } from '#protocol';
import { stampsMiddleware } from './stamps-middleware.ts';
import { storedFactsMiddleware } from './stored-facts.ts';
import { compareFacts, toFact, type EvidenceFact, type StudentEvidenceRow } from './evidence-facts.ts';
import type { ProgressCacheRow } from './class-progress.ts';
import { STUDENT_EVIDENCE_TABLE, summariesMiddleware } from './summaries-middleware.ts';

export class WaypointDb extends Dexie {
  schools!: EntityTable<SchoolRecord, 'id'>;
  teachers!: EntityTable<TeacherRecord, 'id'>;
  classes!: EntityTable<ClassRecord, 'id'>;
  students!: EntityTable<StudentRecord, 'id'>;
  frameworks!: EntityTable<FrameworkRecord, 'id'>;
  targets!: EntityTable<TargetRecord, 'id'>;
  itemSets!: EntityTable<ItemSetRecord, 'id'>;
  paths!: EntityTable<PathRecord, 'id'>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  decisions!: EntityTable<DecisionRecord, 'id'>;
  blobs!: EntityTable<StoredBlobRecord, 'id'>;
  outbox!: Table<OutboxRecord, number>;
  settings!: EntityTable<SettingRecord, 'key'>;
  studentEvidence!: EntityTable<StudentEvidenceRow, 'studentId'>;
  progressCache!: EntityTable<ProgressCacheRow, 'studentId'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // No query cache: it deep-copies every result a live query reads (a year's targets on each visit) for
    // optimistic updates the app does not use (a screen says "saved" after the commit, then reads again).
    super(name, { cache: 'disabled', ...options });
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (version === 4) declared.upgrade(buildStudentEvidence);
      if (version === COMPACT_STAMPS_VERSION) declared.upgrade(compactStoredStamps);
    }
    this.use(summariesMiddleware);
    this.use(stampsMiddleware);
    this.use(storedFactsMiddleware);
  }
}

/** Schema version 4: the facts of every piece of evidence the device already holds, per student. */
async function buildStudentEvidence(tx: Transaction): Promise<void> {
  const byStudent = new Map<string, EvidenceFact[]>();
  await tx.table<Record<string, unknown>>('evidence').each((row) => {
    const fact = toFact(row);
    const studentId = row['studentId'];
    if (!fact || typeof studentId !== 'string') return;
    const facts = byStudent.get(studentId);
    if (facts) facts.push(fact);
    else byStudent.set(studentId, [fact]);
  });
  const rows = [...byStudent].map(([studentId, facts]): StudentEvidenceRow => ({
    studentId,
    facts: facts.sort(compareFacts),
  }));
  await tx.table(STUDENT_EVIDENCE_TABLE).bulkPut(rows);
}

/**
 * Rewrites every synced row through the stamps middleware, which stores it with compact stamps: the rows
 * read back the same (`_hlc` expanded), and take less space on disk.
 */
async function compactStoredStamps(tx: Transaction): Promise<void> {
  for (const name of SYNCED_TABLES)
    await tx
      .table(name)
      .toCollection()
      .modify(() => undefined);
}

/** The synced tables as Dexie tables, by name. */
export function syncedTable(db: WaypointDb, name: string): Table<Record<string, unknown>, string> | undefined {
  return isSyncedTable(name) ? db.table<Record<string, unknown>, string>(name) : undefined;
}

/** Every row of a synced table, tombstones included (for sync checks and backups). */
export function syncedTableRows(db: WaypointDb, name: string): Promise<Record<string, unknown>[]> {
  return syncedTable(db, name)?.toArray() ?? Promise.resolve([]);
}
