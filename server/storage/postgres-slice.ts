/**
 * A push slice's reads and writes on PostgreSQL, in one statement each: with BEGIN (and the school's lock)
 * and COMMIT, a slice is four round trips instead of one per query (applied change ids, records per table,
 * records, log, blob citations, the high-water mark). Both statements have fixed text, prepared once per
 * connection, and take their rows as JSON arrays, one per column (see `zipped`), so neither their text nor
 * their plan depends on how many rows a slice has.
 *
 * Plans: every lookup is one probe of a unique index per id (`records` by its key, `change_log` by
 * (school_id, change_id), the mark by (school_id, seq)) and every write is an INSERT whose ON CONFLICT goes
 * through its arbiter index, so a planner with stale statistics (a young table, never analyzed) has no
 * worse plan to pick; checked with EXPLAIN on a fresh database, custom and generic plans alike.
 */
import type { SyncedTable } from '#protocol';
import type { SqlExecutor, SqlRow, SqlValue } from './driver.ts';
import type { AppliedChange, BlobRef, RecordKey, SliceRead, SliceWrite, StoredRecord } from './storage.ts';

/**
 * The applied change ids and the stored records of a slice, as rows of one shape: `kind` 0 a change id
 * (`doc` its content hash), 1 a record (`doc` its fields). Each id is looked up on its own through a
 * unique index (LIMIT 1 keeps each LATERAL subquery a probe per id instead of a join the planner may turn
 * into a scan of the whole school: on a young table without statistics it takes `school_id = $1` to match
 * a handful of rows, and a plain `change_id = ANY ($2)` was read as all the school's rows, filtered).
 */
export const READ_SQL = `
SELECT 0 AS kind, c.tbl, c.record_id, c.change_id, c.hlc, c.content_hash AS doc, NULL AS class_id, NULL AS student_id
  FROM json_array_elements_text($2::json) AS k(change_id)
  CROSS JOIN LATERAL (SELECT tbl, record_id, change_id, hlc, content_hash FROM change_log
    WHERE school_id = $1 AND change_id = k.change_id LIMIT 1) c
UNION ALL
SELECT 1, r.tbl, r.record_id, NULL, NULL, r.fields, r.class_id, r.student_id
  FROM ROWS FROM (json_array_elements_text($3::json), json_array_elements_text($4::json)) AS k(tbl, record_id)
  CROSS JOIN LATERAL (SELECT tbl, record_id, fields, class_id, student_id FROM records
    WHERE school_id = $1 AND tbl = k.tbl AND record_id = k.record_id LIMIT 1) r`;

/**
 * `ROWS FROM` over the JSON arrays in parameters $first…: one column per array, zipped in order. A column
 * travels as one JSON text (JSON.stringify of the column, native; pg's own text[] parameters escape every
 * element in JavaScript, which for the fields' JSON cost more than the rest of the push) and arrives as
 * text or NULL; the column at `json` (the fields) is an array of JSON documents as they are, not of
 * strings, so nothing escapes them on the way, and arrives as json, its text verbatim.
 */
const zipped = (first: number, count: number, json: number): string =>
  `ROWS FROM (${Array.from({ length: count }, (_, i) =>
    i === json ? `json_array_elements($${first + i}::json)` : `json_array_elements_text($${first + i}::json)`,
  ).join(', ')})`;

/**
 * Every row a slice writes, then the school's newest sequence number. New records are a plain INSERT (one
 * that exists already, which the school's lock rules out, fails the transaction instead of being
 * overwritten); changed ones replace their document. Log rows take their numbers in the arrays' order. The
 * outer SELECT sees the table as it was before the statement, so the mark is the larger of that and the
 * rows just logged.
 */
const WRITE_SQL = `
WITH created AS (
  INSERT INTO records (school_id, tbl, record_id, class_id, student_id, fields)
  SELECT school_id, tbl, record_id, class_id, student_id, fields::text
    FROM ${zipped(2, 6, 5)} AS r(school_id, tbl, record_id, class_id, student_id, fields)
), changed AS (
  INSERT INTO records (school_id, tbl, record_id, class_id, student_id, fields)
  SELECT school_id, tbl, record_id, class_id, student_id, fields::text
    FROM ${zipped(8, 6, 5)} AS r(school_id, tbl, record_id, class_id, student_id, fields)
  ON CONFLICT (school_id, tbl, record_id) DO UPDATE SET fields = excluded.fields
), logged AS (
  INSERT INTO change_log (change_id, content_hash, tbl, record_id, fields, n_fields, hlc, class_id, student_id,
    device_id, received_at, school_id)
  SELECT l.change_id, l.content_hash, l.tbl, l.record_id, l.fields::text, l.n_fields::int, l.hlc, l.class_id,
    l.student_id, l.device_id, l.received_at, $1
    FROM ${zipped(14, 11, 4)} WITH ORDINALITY
      AS l(change_id, content_hash, tbl, record_id, fields, n_fields, hlc, class_id, student_id, device_id,
        received_at, n)
    ORDER BY l.n
  RETURNING seq
), cited AS (
  INSERT INTO blob_refs (school_id, sha256, class_id, student_id, granted)
  SELECT school_id, sha256, class_id, student_id, granted::int
    FROM ${zipped(25, 5, -1)} AS r(school_id, sha256, class_id, student_id, granted)
  ON CONFLICT (school_id, sha256, student_id) DO UPDATE
    SET granted = CASE WHEN excluded.granted = 1 THEN 1 ELSE blob_refs.granted END
)
SELECT GREATEST((SELECT MAX(seq) FROM logged), (SELECT MAX(seq) FROM change_log WHERE school_id = $1)) AS top`;

const keyOf = (table: string, recordId: string): string => `${table}\u0000${recordId}`;

const text = (row: SqlRow, key: string): string => String(row[key]);
const textOrNull = (row: SqlRow, key: string): string | null =>
  row[key] === null || row[key] === undefined ? null : String(row[key]);

type Prepared = NonNullable<SqlExecutor['prepared']>;

export async function readSlicePostgres(
  prepared: Prepared,
  schoolId: string,
  changeIds: readonly string[],
  keys: readonly RecordKey[],
): Promise<SliceRead> {
  const byKey = new Map(keys.map((k) => [keyOf(k.table, k.recordId), k]));
  const tables: string[] = [];
  const ids: string[] = [];
  for (const k of byKey.values()) {
    tables.push(k.table);
    ids.push(k.recordId);
  }
  const rows = await prepared('wp_read_slice', READ_SQL, [
    schoolId,
    JSON.stringify([...new Set(changeIds)]),
    JSON.stringify(tables),
    JSON.stringify(ids),
  ]);
  const applied = new Map<string, AppliedChange>();
  const records: StoredRecord[] = [];
  for (const row of rows) {
    const table = text(row, 'tbl') as SyncedTable;
    const recordId = text(row, 'record_id');
    if (Number(row.kind) === 0) {
      applied.set(text(row, 'change_id'), {
        table,
        recordId,
        hlc: text(row, 'hlc'),
        contentHash: textOrNull(row, 'doc'),
      });
    } else {
      records.push({
        table,
        recordId,
        scope: { schoolId, classId: textOrNull(row, 'class_id'), studentId: textOrNull(row, 'student_id') },
        fields: JSON.parse(text(row, 'doc')) as StoredRecord['fields'],
      });
    }
  }
  return { applied, records };
}

/**
 * One JSON array per column of `rows` (see `zipped`); the column at `json` holds JSON texts, which go into
 * the array as they are.
 */
function columns<T>(rows: readonly T[], width: number, json: number, values: (row: T) => SqlValue[]): string[] {
  const out: SqlValue[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    const v = values(row);
    for (let i = 0; i < width; i++) out[i]!.push(v[i]!);
  }
  return out.map((column, i) => (i === json ? `[${column.join(',')}]` : JSON.stringify(column)));
}

export async function writeSlicePostgres(
  prepared: Prepared,
  schoolId: string,
  write: SliceWrite,
  refs: readonly BlobRef[],
): Promise<number> {
  const record = (w: SliceWrite['records'][number]): SqlValue[] => [
    w.scope.schoolId,
    w.table,
    w.recordId,
    w.scope.classId,
    w.scope.studentId,
    w.document ?? JSON.stringify(w.fields),
  ];
  const log = columns(write.log, 11, 4, (e) => [
    e.changeId,
    e.contentHash,
    e.table,
    e.recordId,
    e.fieldsJson ?? JSON.stringify(e.fields),
    Object.keys(e.fields).length,
    e.hlc,
    e.scope.classId,
    e.scope.studentId,
    e.deviceId,
    e.receivedAt,
  ]);
  const cited = columns(refs, 5, -1, (r) => [
    r.schoolId,
    r.sha256,
    r.classId,
    r.studentId,
    r.granted === null ? null : r.granted ? 1 : 0,
  ]);
  const rows = await prepared('wp_write_slice', WRITE_SQL, [
    schoolId,
    ...columns(
      write.records.filter((w) => w.isNew),
      6,
      5,
      record,
    ),
    ...columns(
      write.records.filter((w) => !w.isNew),
      6,
      5,
      record,
    ),
    ...log,
    ...cited,
  ]);
  return Number(rows[0]?.top ?? 0);
}
