/** The change log and current-state queries of sql-storage.ts, shared by SQLite and PostgreSQL. */
import type { SyncedTable } from '#protocol';
import type { SqlExecutor, SqlRow, SqlValue } from './driver.ts';
import type {
  BlobRef,
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

/** Inserts rows in multi-row statements: far fewer round trips to PostgreSQL. */
async function insertMany(
  db: SqlExecutor,
  head: string,
  width: number,
  rows: readonly SqlValue[][],
  tail = '',
): Promise<void> {
  // 400 rows × at most 11 columns stays far below SQLite's and PostgreSQL's parameter limits.
  for (const part of chunks(rows, 400)) {
    const values = part.map(() => `(${marks(width)})`).join(', ');
    await db.run(`${head} VALUES ${values} ${tail}`, part.flat());
  }
}

/** SQL condition (on unqualified columns) and parameters for a VisibilityFilter. */
export function visibilitySql(filter: VisibilityFilter): { sql: string; params: SqlValue[] } {
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
  parts.push(`(${shared} OR ${students})`);
  return { sql: parts.join(' AND '), params };
}

function str(row: SqlRow, key: string): string {
  return String(row[key]);
}

function strOrNull(row: SqlRow, key: string): string | null {
  const v = row[key];
  return v === null || v === undefined ? null : String(v);
}

/** Groups records and their field rows. */
function assemble(recordRows: SqlRow[], fieldRows: SqlRow[]): StoredRecord[] {
  const fieldsByKey = new Map<string, Record<string, FieldState>>();
  for (const row of fieldRows) {
    const key = `${str(row, 'tbl')}\u0000${str(row, 'record_id')}`;
    let fields = fieldsByKey.get(key);
    if (!fields) fieldsByKey.set(key, (fields = {}));
    fields[str(row, 'field')] = { value: JSON.parse(str(row, 'value')) as unknown, hlc: str(row, 'hlc') };
  }
  return recordRows.map((row) => ({
    table: str(row, 'tbl') as SyncedTable,
    recordId: str(row, 'record_id'),
    scope: {
      schoolId: str(row, 'school_id'),
      classId: strOrNull(row, 'class_id'),
      studentId: strOrNull(row, 'student_id'),
    },
    fields: fieldsByKey.get(`${str(row, 'tbl')}\u0000${str(row, 'record_id')}`) ?? {},
  }));
}

export async function loadRecords(
  db: SqlExecutor,
  schoolId: string,
  keys: readonly RecordKey[],
): Promise<StoredRecord[]> {
  const byTable = new Map<string, string[]>();
  for (const key of keys) byTable.set(key.table, [...(byTable.get(key.table) ?? []), key.recordId]);
  const out: StoredRecord[] = [];
  for (const [table, ids] of byTable) {
    for (const part of chunks([...new Set(ids)])) {
      const where = `school_id = ? AND tbl = ? AND record_id IN (${marks(part.length)})`;
      const params = [schoolId, table, ...part];
      const recordRows = await db.all(`SELECT * FROM records WHERE ${where}`, params);
      const fieldRows = await db.all(`SELECT * FROM record_fields WHERE ${where}`, params);
      out.push(...assemble(recordRows, fieldRows));
    }
  }
  return out;
}

export async function listRecords(db: SqlExecutor, filter: VisibilityFilter): Promise<StoredRecord[]> {
  const { sql, params } = visibilitySql(filter);
  const recordRows = await db.all(`SELECT * FROM records WHERE ${sql} ORDER BY tbl, record_id`, params);
  const fieldRows = await db.all(
    `SELECT f.* FROM record_fields f JOIN (SELECT school_id, tbl, record_id FROM records WHERE ${sql}) r
       ON f.school_id = r.school_id AND f.tbl = r.tbl AND f.record_id = r.record_id`,
    params,
  );
  return assemble(recordRows, fieldRows);
}

async function maxSeq(db: SqlExecutor): Promise<number> {
  const rows = await db.all('SELECT MAX(seq) AS m FROM change_log');
  return Number(rows[0]?.m ?? 0);
}

export async function pull(db: SqlExecutor, filter: VisibilityFilter, since: number, limit: number): Promise<PullPage> {
  // Read the high-water mark first, then only rows at or below it: a cursor never passes a row not yet read.
  const top = await maxSeq(db);
  const { sql, params } = visibilitySql(filter);
  const rows = await db.all(
    `SELECT seq, change_id, tbl, record_id, fields, hlc FROM change_log
      WHERE seq > ? AND seq <= ? AND n_fields > 0 AND ${sql} ORDER BY seq LIMIT ?`,
    [since, top, ...params, limit + 1],
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
  return { changes, hasMore, top, cursor: hasMore && last ? last.seq : Math.max(top, since) };
}

export function syncTx(db: SqlExecutor): SyncTx {
  return {
    async findAppliedChangeIds(changeIds) {
      const found = new Set<string>();
      for (const part of chunks(changeIds)) {
        const rows = await db.all(`SELECT change_id FROM change_log WHERE change_id IN (${marks(part.length)})`, part);
        for (const row of rows) found.add(str(row, 'change_id'));
      }
      return found;
    },
    loadRecords: (schoolId, keys) => loadRecords(db, schoolId, keys),
    async saveRecords(writes: readonly RecordWrite[]) {
      const created = writes.filter((w) => w.isNew);
      await insertMany(
        db,
        'INSERT INTO records (school_id, tbl, record_id, class_id, student_id)',
        5,
        created.map((w) => [w.scope.schoolId, w.table, w.recordId, w.scope.classId, w.scope.studentId]),
      );
      const fieldRows = writes.flatMap((w) =>
        Object.entries(w.fields).map(([field, state]) => [
          w.scope.schoolId,
          w.table,
          w.recordId,
          field,
          JSON.stringify(state.value),
          state.hlc,
        ]),
      );
      await insertMany(
        db,
        'INSERT INTO record_fields (school_id, tbl, record_id, field, value, hlc)',
        6,
        fieldRows,
        'ON CONFLICT (school_id, tbl, record_id, field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc',
      );
    },
    async appendLog(entries: readonly LogEntry[]) {
      await insertMany(
        db,
        `INSERT INTO change_log (change_id, device_id, tbl, record_id, fields, n_fields, hlc, school_id, class_id,
           student_id, received_at)`,
        11,
        entries.map((e) => [
          e.changeId,
          e.deviceId,
          e.table,
          e.recordId,
          JSON.stringify(e.fields),
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
      await insertMany(
        db,
        'INSERT INTO blob_refs (school_id, sha256, class_id, student_id)',
        4,
        refs
          .filter((r) => r.classId !== null && r.studentId !== null)
          .map((r) => [r.schoolId, r.sha256, r.classId, r.studentId]),
        'ON CONFLICT DO NOTHING',
      );
    },
    maxSeq: () => maxSeq(db),
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
}

export const toClassRow = (r: SqlRow): ClassRow => ({
  id: str(r, 'id'),
  schoolId: str(r, 'school_id'),
  name: str(r, 'name'),
  joinCode: str(r, 'join_code'),
  createdAt: str(r, 'created_at'),
});
