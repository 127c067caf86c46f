/**
 * The server's schema as main created it before migrations were numbered (server/storage/schema.ts at
 * commit 8fb4163), copied here so the migration test builds a database exactly as that code did, whatever
 * later edits do to the code.
 */
export function schemaBeforeMigrations(kind: 'sqlite' | 'postgres'): string {
  const serial = kind === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
  const bytes = kind === 'sqlite' ? 'BLOB' : 'BYTEA';
  return `
CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS schools (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS teachers (
  id TEXT PRIMARY KEY, school_id TEXT NOT NULL REFERENCES schools(id), email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS classes (
  id TEXT PRIMARY KEY, school_id TEXT NOT NULL REFERENCES schools(id), name TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS device_tokens (
  id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
  school_id TEXT NOT NULL REFERENCES schools(id), class_id TEXT, student_id TEXT, teacher_id TEXT,
  device_id TEXT NOT NULL, device_name TEXT, created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS family_links (
  id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, school_id TEXT NOT NULL REFERENCES schools(id),
  class_id TEXT NOT NULL, student_id TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
  expires_at TEXT, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS change_log (
  seq ${serial}, change_id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL, tbl TEXT NOT NULL,
  record_id TEXT NOT NULL, fields TEXT NOT NULL, n_fields INTEGER NOT NULL, hlc TEXT NOT NULL,
  school_id TEXT NOT NULL, class_id TEXT, student_id TEXT, received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS change_log_school_seq ON change_log (school_id, seq);
CREATE TABLE IF NOT EXISTS records (
  school_id TEXT NOT NULL, tbl TEXT NOT NULL, record_id TEXT NOT NULL, class_id TEXT, student_id TEXT,
  PRIMARY KEY (school_id, tbl, record_id));
CREATE INDEX IF NOT EXISTS records_student ON records (school_id, student_id);
CREATE TABLE IF NOT EXISTS record_fields (
  school_id TEXT NOT NULL, tbl TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,
  value TEXT NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (school_id, tbl, record_id, field));
CREATE TABLE IF NOT EXISTS blobs (
  school_id TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, mime TEXT NOT NULL,
  class_id TEXT, created_at TEXT NOT NULL, bytes ${bytes} NOT NULL, PRIMARY KEY (school_id, sha256));
CREATE TABLE IF NOT EXISTS blob_refs (
  school_id TEXT NOT NULL, sha256 TEXT NOT NULL, class_id TEXT NOT NULL, student_id TEXT NOT NULL,
  tbl TEXT NOT NULL DEFAULT 'evidence',
  PRIMARY KEY (school_id, sha256, student_id));
`;
}
