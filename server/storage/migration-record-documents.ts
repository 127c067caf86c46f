/**
 * Migration 8: a record's fields move from one `record_fields` row per field into one JSON document on the
 * record's own row, `{ "<field>": { "value": …, "hlc": "…" } }`. A push of 500 new evidence records then
 * writes 500 rows instead of 4,500, and reading a record back is one row. Values and stamps are copied
 * unchanged; `record_fields` is dropped.
 */
import type { MigrationExecutor } from './driver.ts';

export async function recordDocumentsSqlite(tx: MigrationExecutor): Promise<void> {
  await tx.exec(`
CREATE TABLE records_v8 (
  school_id TEXT NOT NULL, tbl TEXT NOT NULL, record_id TEXT NOT NULL, class_id TEXT, student_id TEXT,
  fields TEXT NOT NULL, PRIMARY KEY (school_id, tbl, record_id)) WITHOUT ROWID;
INSERT INTO records_v8 (school_id, tbl, record_id, class_id, student_id, fields)
  SELECT r.school_id, r.tbl, r.record_id, r.class_id, r.student_id,
    COALESCE((SELECT json_group_object(f.field, json_object('value', json(f.value), 'hlc', f.hlc))
      FROM record_fields f WHERE f.school_id = r.school_id AND f.tbl = r.tbl AND f.record_id = r.record_id), '{}')
  FROM records r;
DROP TABLE records;
DROP TABLE record_fields;
ALTER TABLE records_v8 RENAME TO records;
CREATE INDEX records_student ON records (school_id, student_id);`);
}

export async function recordDocumentsPostgres(tx: MigrationExecutor): Promise<void> {
  await tx.exec(`
ALTER TABLE records ADD COLUMN fields TEXT;
UPDATE records r SET fields = COALESCE(
  (SELECT json_object_agg(f.field, json_build_object('value', f.value::json, 'hlc', f.hlc))::text
     FROM record_fields f WHERE f.school_id = r.school_id AND f.tbl = r.tbl AND f.record_id = r.record_id), '{}');
ALTER TABLE records ALTER COLUMN fields SET NOT NULL;
DROP TABLE record_fields;`);
}
