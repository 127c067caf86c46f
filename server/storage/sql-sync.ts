/** The change log and current-state queries of sql-storage.ts, shared by SQLite and PostgreSQL. */
import type { SyncedTable } from '#protocol';
import type { SqlExecutor, SqlRow, SqlValue } from './driver.ts';
import { readSlicePostgres, writeSlicePostgres } from './postgres-slice.ts';
import type {
  AppliedChange,
  BlobRef,
  BlobUploader,
  ClassRow,
  FieldState,
  LogEntry,
  LoggedChange,
  PullPage,
  RecordKey,
  RecordWrite,
  StoredRecord,
  SyncTx,
  VisibilityFilter,
} from './storage.ts';

const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * SQL condition (on unqualified columns) and parameters for a VisibilityFilter. `hasRecordIds`: the rows
 * have tbl and record_id columns (records, the change log), so `studentRecordIds` can apply.
 */
export function visibilitySql(filter: VisibilityFilter, hasRecordIds = true): { sql: string; params: SqlValue[] } {
  const parts = ['school_id = ?'];
  const params: SqlValue[] = [filter.schoolId];
  if (filter.classId !== null) {
    parts.push('(class_id IS NULL OR class_id = ?)');
    params.push(filter.classId);
  }
  let shared = 'student_id IS NULL';
  if (filter.sharedTables !== null) {
    shared =
      filter.sharedTables.length === 0
        ? '1 = 0'
        : `(student_id IS NULL AND tbl IN (${marks(filter.sharedTables.length)}))`;
    params.push(...filter.sharedTables);
  }
  let students = 'student_id IS NOT NULL';
  if (filter.studentIds !== null) {
    students = filter.studentIds.length === 0 ? '1 = 0' : `student_id IN (${marks(filter.studentIds.length)})`;
    params.push(...filter.studentIds);
  }
  const own = hasRecordIds ? (filter.studentRecordIds ?? []) : [];
  const ownRecords = own.length === 0 ? '' : ` OR (tbl = 'students' AND record_id IN (${marks(own.length)}))`;
  params.push(...own);
  parts.push(`(${shared} OR ${students}${ownRecords})`);
  return { sql: parts.join(' AND '), params };
}

/**
 * Citations that let their readers read the blob: granted when made, or made before the blob arrived and
 * uploaded by a teacher account (no class) or a device of the citing record's class.
 */
const READABLE_CITATIONS = `(SELECT r.school_id, r.sha256, r.class_id, r.student_id, r.tbl FROM blob_refs r
  JOIN blobs b ON b.school_id = r.school_id AND b.sha256 = r.sha256
  WHERE r.granted = 1 OR (r.granted IS NULL AND (b.class_id IS NULL OR b.class_id = r.class_id))) c`;

export async function citedReadable(
  db: SqlExecutor,
  filter: VisibilityFilter,
  sha256s: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const { sql, params } = visibilitySql(filter, false);
  for (const part of chunks([...new Set(sha256s)])) {
    const rows = await db.all(
      `SELECT DISTINCT sha256 FROM ${READABLE_CITATIONS} WHERE sha256 IN (${marks(part.length)}) AND ${sql}`,
      [...part, ...params],
    );
    for (const row of rows) found.add(str(row, 'sha256'));
  }
  return found;
}

function str(row: SqlRow, key: string): string {
  return String(row[key]);
}

function strOrNull(row: SqlRow, key: string): string | null {
  const v = row[key];
  return v === null || v === undefined ? null : String(v);
}

/** A record row, its fields parsed from the row's JSON document (migration 8). */
function toRecord(row: SqlRow): StoredRecord {
  return {
    table: str(row, 'tbl') as SyncedTable,
    recordId: str(row, 'record_id'),
    scope: {
      schoolId: str(row, 'school_id'),
      classId: strOrNull(row, 'class_id'),
      studentId: strOrNull(row, 'student_id'),
    },
    fields: JSON.parse(str(row, 'fields')) as Record<string, FieldState>,
  };
}

export async function loadRecords(
  db: SqlExecutor,
  schoolId: string,
  keys: readonly RecordKey[],
): Promise<StoredRecord[]> {
  const byTable = new Map<string, Set<string>>();
  for (const key of keys) {
    let ids = byTable.get(key.table);
    if (!ids) byTable.set(key.table, (ids = new Set()));
    ids.add(key.recordId);
  }
  const out: StoredRecord[] = [];
  for (const [table, ids] of byTable) {
    for (const part of chunks([...ids])) {
      const rows = await db.all(
        `SELECT * FROM records WHERE school_id = ? AND tbl = ? AND record_id IN (${marks(part.length)})`,
        [schoolId, table, ...part],
      );
      for (const row of rows) out.push(toRecord(row));
    }
  }
  return out;
}

export async function listRecords(db: SqlExecutor, filter: VisibilityFilter): Promise<StoredRecord[]> {
  const { sql, params } = visibilitySql(filter);
  return (await db.all(`SELECT * FROM records WHERE ${sql} ORDER BY tbl, record_id`, params)).map(toRecord);
}

async function schoolMaxSeq(db: SqlExecutor, schoolId: string): Promise<number> {
  const rows = await db.all('SELECT MAX(seq) AS m FROM change_log WHERE school_id = ?', [schoolId]);
  return Number(rows[0]?.m ?? 0);
}

/**
 * Sequence numbers come from one counter for the whole log, but only pushes of the same school are
 * serialized (driver.ts): while school A's push is still open with number 10, school B's may commit 11.
 * So a page is bounded by the school's own high-water mark, read first: every row of the school not yet
 * committed then got its number after the school's last commit, above that mark, and a cursor never passes
 * it. The whole log's mark only tells a cursor from another database (one beyond it) from a good one.
 */
export async function pull(db: SqlExecutor, filter: VisibilityFilter, since: number, limit: number): Promise<PullPage> {
  const marks = await db.all(
    'SELECT (SELECT MAX(seq) FROM change_log WHERE school_id = ?) AS school, (SELECT MAX(seq) FROM change_log) AS log',
    [filter.schoolId],
  );
  const schoolTop = Number(marks[0]?.school ?? 0);
  const top = Number(marks[0]?.log ?? 0);
  const { sql, params } = visibilitySql(filter);
  const rows = await db.all(
    `SELECT seq, change_id, tbl, record_id, fields, hlc FROM change_log
      WHERE seq > ? AND seq <= ? AND n_fields > 0 AND ${sql} ORDER BY seq LIMIT ?`,
    [since, schoolTop, ...params, limit + 1],
  );
  const hasMore = rows.length > limit;
  const changes: LoggedChange[] = rows.slice(0, limit).map((row) => ({
    seq: Number(row.seq),
    changeId: str(row, 'change_id'),
    table: str(row, 'tbl') as SyncedTable,
    recordId: str(row, 'record_id'),
    fields: JSON.parse(str(row, 'fields')) as Record<string, unknown>,
    hlc: str(row, 'hlc'),
  }));
  const last = changes[changes.length - 1];
  return { changes, hasMore, top, cursor: hasMore && last ? last.seq : Math.max(schoolTop, since) };
}

/** One row per (school, blob, child), a granting citation first: one INSERT may not touch a row twice. */
function dedupeRefs(refs: readonly BlobRef[]): BlobRef[] {
  const byKey = new Map<string, BlobRef>();
  for (const r of refs) {
    if (r.classId === null || r.studentId === null) continue;
    const key = `${r.schoolId}\u0000${r.sha256}\u0000${r.studentId}`;
    const seen = byKey.get(key);
    if (!seen || (seen.granted !== true && r.granted === true)) byKey.set(key, r);
  }
  return [...byKey.values()];
}

/** The per-school lock is what keeps this school's pullers from skipping a row: never write past it. */
function checkSchool(entries: readonly LogEntry[], schoolId: string): void {
  const stray = entries.find((e) => e.scope.schoolId !== schoolId);
  if (stray) throw new Error(`a push transaction of one school wrote a change of another (${stray.changeId})`);
}

/**
 * The operations of one push transaction, which writes for `schoolId` only (see pull above). A slice's
 * reads and writes are one statement each on PostgreSQL (postgres-slice.ts); SQLite, with no round trips
 * to save, runs the separate operations.
 */
export function syncTx(db: SqlExecutor, schoolId: string): SyncTx {
  const prepared = db.prepared;
  const tx: SyncTx = {
    async readSlice(changeIds, keys) {
      if (prepared) return readSlicePostgres(prepared, schoolId, changeIds, keys);
      return {
        applied: await tx.findAppliedChanges(schoolId, changeIds),
        records: await tx.loadRecords(schoolId, keys),
      };
    },
    async writeSlice(write) {
      checkSchool(write.log, schoolId);
      if (prepared) return writeSlicePostgres(prepared, schoolId, write, dedupeRefs(write.blobRefs));
      await tx.saveRecords(write.records);
      await tx.appendLog(write.log);
      await tx.addBlobRefs(write.blobRefs);
      return tx.maxSeq();
    },
    async findAppliedChanges(schoolId, changeIds) {
      const found = new Map<string, AppliedChange>();
      for (const part of chunks(changeIds)) {
        const rows = await db.all(
          `SELECT change_id, tbl, record_id, hlc, content_hash FROM change_log
            WHERE school_id = ? AND change_id IN (${marks(part.length)})`,
          [schoolId, ...part],
        );
        for (const row of rows) {
          found.set(str(row, 'change_id'), {
            table: str(row, 'tbl') as SyncedTable,
            recordId: str(row, 'record_id'),
            hlc: str(row, 'hlc'),
            contentHash: strOrNull(row, 'content_hash'),
          });
        }
      }
      return found;
    },
    loadRecords: (schoolId, keys) => loadRecords(db, schoolId, keys),
    async saveRecords(writes: readonly RecordWrite[]) {
      // A new record is a plain INSERT: one that exists already (it cannot, under the school's lock) fails
      // the transaction instead of being overwritten.
      const row = (w: RecordWrite): SqlValue[] => [
        w.scope.schoolId,
        w.table,
        w.recordId,
        w.scope.classId,
        w.scope.studentId,
        w.document ?? JSON.stringify(w.fields),
      ];
      const head = 'INSERT INTO records (school_id, tbl, record_id, class_id, student_id, fields)';
      await db.runMany(head, 6, writes.filter((w) => w.isNew).map(row));
      await db.runMany(
        head,
        6,
        writes.filter((w) => !w.isNew).map(row),
        'ON CONFLICT (school_id, tbl, record_id) DO UPDATE SET fields = excluded.fields',
      );
    },
    async appendLog(entries: readonly LogEntry[]) {
      checkSchool(entries, schoolId);
      await db.runMany(
        `INSERT INTO change_log (change_id, content_hash, device_id, tbl, record_id, fields, n_fields, hlc, school_id,
           class_id, student_id, received_at)`,
        12,
        entries.map((e) => [
          e.changeId,
          e.contentHash,
          e.deviceId,
          e.table,
          e.recordId,
          e.fieldsJson ?? JSON.stringify(e.fields),
          Object.keys(e.fields).length,
          e.hlc,
          e.scope.schoolId,
          e.scope.classId,
          e.scope.studentId,
          e.receivedAt,
        ]),
      );
    },
    async addBlobRefs(refs: readonly BlobRef[]) {
      // A citation that grants reading upgrades an earlier one of the same child; nothing downgrades one.
      await db.runMany(
        'INSERT INTO blob_refs (school_id, sha256, class_id, student_id, granted)',
        5,
        dedupeRefs(refs).map((r) => [
          r.schoolId,
          r.sha256,
          r.classId,
          r.studentId,
          r.granted === null ? null : r.granted ? 1 : 0,
        ]),
        `ON CONFLICT (school_id, sha256, student_id) DO UPDATE
           SET granted = CASE WHEN excluded.granted = 1 THEN 1 ELSE blob_refs.granted END`,
      );
    },
    async blobUploaders(schoolId, sha256s) {
      const found = new Map<string, BlobUploader>();
      for (const part of chunks([...new Set(sha256s)])) {
        const rows = await db.all(
          `SELECT sha256, class_id, uploader_token FROM blobs WHERE school_id = ? AND sha256 IN (${marks(part.length)})`,
          [schoolId, ...part],
        );
        for (const row of rows) {
          found.set(str(row, 'sha256'), {
            classId: strOrNull(row, 'class_id'),
            tokenId: strOrNull(row, 'uploader_token'),
          });
        }
      }
      return found;
    },
    citedReadable: (filter, sha256s) => citedReadable(db, filter, sha256s),
    maxSeq: () => schoolMaxSeq(db, schoolId),
    async insertClass(row: ClassRow) {
      // No conflict target: a taken id or a taken join code both skip the row, without aborting the transaction.
      await db.run(
        'INSERT INTO classes (id, school_id, name, join_code, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [row.id, row.schoolId, row.name, row.joinCode, row.createdAt],
      );
      const rows = await db.all('SELECT * FROM classes WHERE id = ?', [row.id]);
      return rows[0] ? toClassRow(rows[0]) : undefined;
    },
  };
  return tx;
}

export const toClassRow = (r: SqlRow): ClassRow => ({
  id: str(r, 'id'),
  schoolId: str(r, 'school_id'),
  name: str(r, 'name'),
  joinCode: str(r, 'join_code'),
  createdAt: str(r, 'created_at'),
});
