/**
 * Migration 2 on SQLite: a UNIQUE constraint cannot be dropped there, so the change log is copied into a
 * new table whose change ids are unique per school, with the same sequence numbers (cursors stay valid),
 * and the AUTOINCREMENT high-water mark carried over, so no number is ever handed out twice.
 */
import type { MigrationExecutor } from './driver.ts';

const COLUMNS =
  'seq, change_id, device_id, tbl, record_id, fields, n_fields, hlc, school_id, class_id, student_id, received_at';

export async function rebuildChangeLogPerSchoolSqlite(tx: MigrationExecutor): Promise<void> {
  const high = await tx.all("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'");
  await tx.exec(`
CREATE TABLE change_log_v2 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, change_id TEXT NOT NULL, device_id TEXT NOT NULL, tbl TEXT NOT NULL,
  record_id TEXT NOT NULL, fields TEXT NOT NULL, n_fields INTEGER NOT NULL, hlc TEXT NOT NULL,
  school_id TEXT NOT NULL, class_id TEXT, student_id TEXT, received_at TEXT NOT NULL, content_hash TEXT);
INSERT INTO change_log_v2 (${COLUMNS}) SELECT ${COLUMNS} FROM change_log ORDER BY seq;
DROP TABLE change_log;
ALTER TABLE change_log_v2 RENAME TO change_log;
CREATE UNIQUE INDEX change_log_school_change ON change_log (school_id, change_id);
CREATE INDEX change_log_school_seq ON change_log (school_id, seq);`);
  const seq = Number(high[0]?.seq ?? 0);
  if (seq > 0) {
    await tx.run("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'change_log'", [seq]);
    await tx.run(
      "INSERT INTO sqlite_sequence (name, seq) SELECT 'change_log', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'change_log')",
      [seq],
    );
  }
}
