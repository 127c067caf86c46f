/**
 * Migration 6 on SQLite: `records` and `record_fields` copied into tables clustered on their primary keys
 * (WITHOUT ROWID), rows and keys unchanged, and `records_student` made again over the new table.
 */
import type { MigrationExecutor } from './driver.ts';

export async function clusterRecordsSqlite(tx: MigrationExecutor): Promise<void> {
  await tx.exec(`
CREATE TABLE records_v6 (
  school_id TEXT NOT NULL, tbl TEXT NOT NULL, record_id TEXT NOT NULL, class_id TEXT, student_id TEXT,
  PRIMARY KEY (school_id, tbl, record_id)) WITHOUT ROWID;
INSERT INTO records_v6 (school_id, tbl, record_id, class_id, student_id)
  SELECT school_id, tbl, record_id, class_id, student_id FROM records;
DROP TABLE records;
ALTER TABLE records_v6 RENAME TO records;
CREATE INDEX records_student ON records (school_id, student_id);
CREATE TABLE record_fields_v6 (
  school_id TEXT NOT NULL, tbl TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,
  value TEXT NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (school_id, tbl, record_id, field)) WITHOUT ROWID;
INSERT INTO record_fields_v6 (school_id, tbl, record_id, field, value, hlc)
  SELECT school_id, tbl, record_id, field, value, hlc FROM record_fields;
DROP TABLE record_fields;
ALTER TABLE record_fields_v6 RENAME TO record_fields;`);
}
