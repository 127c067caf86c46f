/** Storage over a SqlDriver: the one implementation behind both SQLite and PostgreSQL. */
import type { DeviceKind, DeviceStatus } from '#protocol';
import type { SqlDriver, SqlExecutor, SqlRow } from './driver.ts';
import { openPostgresDriver } from './postgres-driver.ts';
import { migrate } from './migrations.ts';
import { citedReadable, listRecords, loadRecords, pull, syncTx, toClassRow as toClass } from './sql-sync.ts';
import { openSqliteDriver } from './sqlite-driver.ts';
import { insertBlob, storeBlob, sweepUncitedBlobs } from './sql-uncited-blobs.ts';
import type {
  BlobMetaRow,
  DeviceTokenRow,
  FamilyLinkRow,
  SchoolRow,
  Storage,
  TeacherAccount,
  ThrottleState,
} from './storage.ts';

const s = (row: SqlRow, key: string): string => String(row[key]);
const sn = (row: SqlRow, key: string): string | null =>
  row[key] === null || row[key] === undefined ? null : String(row[key]);

const toSchool = (r: SqlRow): SchoolRow => ({ id: s(r, 'id'), name: s(r, 'name'), createdAt: s(r, 'created_at') });
const toTeacher = (r: SqlRow): TeacherAccount => ({
  id: s(r, 'id'),
  schoolId: s(r, 'school_id'),
  email: s(r, 'email'),
  displayName: s(r, 'display_name'),
  passwordHash: s(r, 'password_hash'),
  createdAt: s(r, 'created_at'),
});
const toToken = (r: SqlRow): DeviceTokenRow => ({
  id: s(r, 'id'),
  tokenHash: s(r, 'token_hash'),
  kind: s(r, 'kind') as DeviceKind,
  schoolId: s(r, 'school_id'),
  classId: sn(r, 'class_id'),
  studentId: sn(r, 'student_id'),
  teacherId: sn(r, 'teacher_id'),
  deviceId: s(r, 'device_id'),
  deviceName: sn(r, 'device_name'),
  createdAt: s(r, 'created_at'),
  expiresAt: sn(r, 'expires_at'),
  revokedAt: sn(r, 'revoked_at'),
});
const toFamilyLink = (r: SqlRow): FamilyLinkRow => ({
  id: s(r, 'id'),
  tokenHash: s(r, 'token_hash'),
  schoolId: s(r, 'school_id'),
  classId: s(r, 'class_id'),
  studentId: s(r, 'student_id'),
  createdBy: s(r, 'created_by'),
  createdAt: s(r, 'created_at'),
  expiresAt: sn(r, 'expires_at'),
  revokedAt: sn(r, 'revoked_at'),
});
const toBlobMeta = (r: SqlRow): BlobMetaRow => ({
  schoolId: s(r, 'school_id'),
  sha256: s(r, 'sha256'),
  size: Number(r.size),
  mime: s(r, 'mime'),
  classId: sn(r, 'class_id'),
  tokenId: sn(r, 'uploader_token'),
  createdAt: s(r, 'created_at'),
});

const toThrottle = (r: SqlRow): ThrottleState => ({ hits: Number(r.hits), lastAt: Number(r.last_at) });

/**
 * Ends a teacher's sign-ins: the tokens email and password gave (kind teacher, no class), not the devices
 * enrolled with them (a class tablet, a station, a child's tablet), which hold tokens of their own.
 */
function endSignIns(tx: SqlExecutor, teacherId: string, at: string, keepTokenId: string | null): Promise<number> {
  return tx.run(
    `UPDATE device_tokens SET revoked_at = ?
      WHERE teacher_id = ? AND kind = 'teacher' AND class_id IS NULL AND revoked_at IS NULL AND id <> ?`,
    [at, teacherId, keepTokenId ?? ''],
  );
}

async function insertToken(db: SqlExecutor, t: DeviceTokenRow): Promise<void> {
  await db.run(
    `INSERT INTO device_tokens (id, token_hash, kind, school_id, class_id, student_id, teacher_id, device_id,
       device_name, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      t.id,
      t.tokenHash,
      t.kind,
      t.schoolId,
      t.classId,
      t.studentId,
      t.teacherId,
      t.deviceId,
      t.deviceName,
      t.createdAt,
      t.expiresAt,
      t.revokedAt,
    ],
  );
}

export function createSqlStorage(db: SqlDriver): Storage {
  let epoch: string | undefined;
  const one = async <T>(sql: string, params: (string | null)[], map: (r: SqlRow) => T): Promise<T | undefined> => {
    const rows = await db.all(sql, params);
    return rows[0] ? map(rows[0]) : undefined;
  };
  return {
    kind: db.kind,
    async migrate(nowMs = Date.now()) {
      await migrate(db, nowMs);
    },
    async schemaVersion() {
      const rows = await db.all('SELECT MAX(version) AS v FROM schema_migrations');
      return Number(rows[0]?.v ?? 0);
    },
    async epoch() {
      if (epoch === undefined) {
        const rows = await db.all("SELECT value FROM server_meta WHERE key = 'epoch'");
        if (!rows[0]) throw new Error('storage not migrated: no epoch');
        epoch = String(rows[0].value);
      }
      return epoch;
    },
    hasAnySchool: async () => (await db.all('SELECT 1 AS one FROM schools LIMIT 1')).length > 0,
    close: () => db.close(),

    syncTransaction: (schoolId, fn) => db.transaction((tx) => fn(syncTx(tx, schoolId)), schoolId),
    pull: (filter, since, limit) => db.transaction((tx) => pull(tx, filter, since, limit), null),
    listRecords: (filter) => db.transaction((tx) => listRecords(tx, filter), null),
    getRecords: (schoolId, keys) => loadRecords(db, schoolId, keys),

    async createSchool(row) {
      await db.run('INSERT INTO schools (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING', [
        row.id,
        row.name,
        row.createdAt,
      ]);
    },
    getSchool: (id) => one('SELECT * FROM schools WHERE id = ?', [id], toSchool),
    listSchools: async () =>
      (
        await db.all(
          `SELECT s.id, s.name, s.created_at, COUNT(t.id) AS teachers FROM schools s
             LEFT JOIN teachers t ON t.school_id = s.id GROUP BY s.id, s.name, s.created_at ORDER BY s.name, s.id`,
        )
      ).map((r) => ({ ...toSchool(r), teachers: Number(r.teachers) })),
    async createTeacher(row) {
      const n = await db.run(
        `INSERT INTO teachers (id, school_id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (email) DO NOTHING`,
        [row.id, row.schoolId, row.email, row.displayName, row.passwordHash, row.createdAt],
      );
      return n === 1;
    },
    findTeacherByEmail: (email) => one('SELECT * FROM teachers WHERE email = ?', [email], toTeacher),
    findTeacherById: (id) => one('SELECT * FROM teachers WHERE id = ?', [id], toTeacher),
    setTeacherPassword: (change) =>
      db.transaction(async (tx) => {
        const guard = change.expectedHash === undefined ? '' : ' AND password_hash = ?';
        const params = change.expectedHash === undefined ? [] : [change.expectedHash];
        const n = await tx.run(`UPDATE teachers SET password_hash = ? WHERE id = ?${guard}`, [
          change.passwordHash,
          change.teacherId,
          ...params,
        ]);
        if (n !== 1) return null;
        return endSignIns(tx, change.teacherId, change.at, change.keepTokenId);
      }, null),
    removeTeacher: (teacherId, at) =>
      db.transaction(async (tx) => {
        if ((await tx.run('DELETE FROM teachers WHERE id = ?', [teacherId])) !== 1) return null;
        return endSignIns(tx, teacherId, at, null);
      }, null),
    async createClass(row) {
      // A repeated id is a no-op (seeding from two processes at once); a repeated join code is an error.
      await db.run(
        'INSERT INTO classes (id, school_id, name, join_code, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
        [row.id, row.schoolId, row.name, row.joinCode, row.createdAt],
      );
    },
    getClass: (id) => one('SELECT * FROM classes WHERE id = ?', [id], toClass),
    findClassByJoinCode: (code) => one('SELECT * FROM classes WHERE join_code = ?', [code], toClass),
    listClasses: async (schoolId) =>
      (await db.all('SELECT * FROM classes WHERE school_id = ? ORDER BY name', [schoolId])).map(toClass),
    async setJoinCode(classId, joinCode) {
      // The guard keeps a taken code from raising; the UNIQUE constraint still settles a race between processes.
      const n = await db.run(
        'UPDATE classes SET join_code = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM classes WHERE join_code = ?)',
        [joinCode, classId, joinCode],
      );
      return n === 1;
    },

    createDeviceToken: (t) => insertToken(db, t),
    createSignIn: (t, passwordHash) =>
      db.transaction(async (tx) => {
        // A write that changes nothing, to lock the teacher's row: a password change or removal holding it
        // commits first (the hash then differs, or the row is gone) or waits for this token and ends it.
        const n = await tx.run('UPDATE teachers SET password_hash = password_hash WHERE id = ? AND password_hash = ?', [
          t.teacherId,
          passwordHash,
        ]);
        if (n !== 1) return false;
        await insertToken(tx, t);
        return true;
      }, null),
    findDeviceTokenByHash: (hash) => one('SELECT * FROM device_tokens WHERE token_hash = ?', [hash], toToken),
    getDeviceToken: (id) => one('SELECT * FROM device_tokens WHERE id = ?', [id], toToken),
    listDeviceTokens: async (schoolId) =>
      (await db.all('SELECT * FROM device_tokens WHERE school_id = ? ORDER BY created_at, id', [schoolId])).map(
        toToken,
      ),
    async revokeDeviceToken(id, at) {
      await db.run('UPDATE device_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id]);
    },
    async setDeviceTokenStudent(id, studentId) {
      await db.run('UPDATE device_tokens SET student_id = ? WHERE id = ?', [studentId, id]);
    },
    async setDeviceStatus(tokenId, status) {
      await db.run(
        `INSERT INTO device_status (token_id, status, reported_at) VALUES (?, ?, ?)
           ON CONFLICT (token_id) DO UPDATE SET status = excluded.status, reported_at = excluded.reported_at`,
        [tokenId, JSON.stringify(status), status.reportedAt],
      );
    },
    async listDeviceStatuses(schoolId) {
      const rows = await db.all(
        `SELECT s.token_id, s.status FROM device_status s JOIN device_tokens t ON t.id = s.token_id
           WHERE t.school_id = ?`,
        [schoolId],
      );
      return new Map(rows.map((r) => [s(r, 'token_id'), JSON.parse(s(r, 'status')) as DeviceStatus]));
    },

    async createFamilyLink(l) {
      await db.run(
        `INSERT INTO family_links (id, token_hash, school_id, class_id, student_id, created_by, created_at, expires_at,
           revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [l.id, l.tokenHash, l.schoolId, l.classId, l.studentId, l.createdBy, l.createdAt, l.expiresAt, l.revokedAt],
      );
    },
    findFamilyLinkByHash: (hash) => one('SELECT * FROM family_links WHERE token_hash = ?', [hash], toFamilyLink),
    getFamilyLink: (id) => one('SELECT * FROM family_links WHERE id = ?', [id], toFamilyLink),
    async revokeFamilyLink(id, at) {
      await db.run('UPDATE family_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id]);
    },

    putBlob: (meta, bytes) => insertBlob(db, meta, bytes),
    storeBlob: (meta, bytes, limits) => storeBlob(db, meta, bytes, limits),
    sweepUncitedBlobs: (before) => sweepUncitedBlobs(db, before),
    getBlobMeta: (schoolId, sha) =>
      one(
        `SELECT school_id, sha256, size, mime, class_id, uploader_token, created_at FROM blobs
          WHERE school_id = ? AND sha256 = ?`,
        [schoolId, sha],
        toBlobMeta,
      ),
    async getBlobBytes(schoolId, sha) {
      const rows = await db.all('SELECT bytes FROM blobs WHERE school_id = ? AND sha256 = ?', [schoolId, sha]);
      const bytes = rows[0]?.bytes;
      return bytes instanceof Uint8Array ? Buffer.from(bytes) : undefined;
    },
    isBlobCited: async (filter, sha) => (await citedReadable(db, filter, [sha])).has(sha),

    async hitThrottle(key, nowMs, windowMs) {
      const rows = await db.all(
        `INSERT INTO throttles (key, hits, last_at) VALUES (?, 1, ?)
         ON CONFLICT (key) DO UPDATE
           SET hits = CASE WHEN throttles.last_at < ? THEN 1 ELSE throttles.hits + 1 END, last_at = excluded.last_at
         RETURNING hits, last_at`,
        [key, nowMs, nowMs - windowMs],
      );
      return toThrottle(rows[0] ?? { hits: 1, last_at: nowMs });
    },
    getThrottle: (key) => one('SELECT hits, last_at FROM throttles WHERE key = ?', [key], toThrottle),
    async clearThrottle(key) {
      await db.run('DELETE FROM throttles WHERE key = ?', [key]);
    },
    async sweepThrottles(beforeMs) {
      await db.run('DELETE FROM throttles WHERE last_at < ?', [beforeMs]);
    },
  };
}

export function openSqliteStorage(file: string): Storage {
  return createSqlStorage(openSqliteDriver(file));
}

export function openPostgresStorage(connectionString: string): Storage {
  return createSqlStorage(openPostgresDriver(connectionString));
}
