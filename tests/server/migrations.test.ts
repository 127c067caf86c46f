/**
 * Numbered schema migrations: a database made before migrations existed (SQLite file and PostgreSQL),
 * with data in it, is upgraded in place and keeps everything; each migration is applied once, also when
 * several server processes start at once; a database newer than the code is refused, untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CURSOR_START, formatHlc, validatePullQuery } from '#protocol';
import { MIGRATIONS, SCHEMA_VERSION } from '#server/storage/migrations.ts';
import type { SqlDriver } from '#server/storage/driver.ts';
import type { Storage } from '#server/storage/storage.ts';
import type { Principal } from '#server/sync/principal.ts';
import { pullChanges } from '#server/sync/pull.ts';
import { applyPush } from '#server/sync/push.ts';
import { emptyDatabase, storageKinds, type EmptyDatabase } from './helpers/databases.ts';
import { schemaBeforeMigrations } from './helpers/schema-before-migrations.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);

const UPGRADE_AT = Date.parse('2026-04-01T08:00:00Z');
const AT = '2026-03-01T09:00:00.000Z';
const SCHOOL = 'school-old';
const CLASS = 'class-old';
const teacher: Principal = {
  kind: 'teacher',
  tokenId: 'tok-old',
  schoolId: SCHOOL,
  classId: null,
  studentId: null,
  teacherId: 't-old',
};
const stamp = (wallMs: number, device = 'tablet-1') => formatHlc({ wallMs, counter: 3 }, device);
const FAR_FUTURE = stamp(9_999_999_999_999, 'poisoned');
const GOOD = stamp(Date.parse(AT));

/** What main's server wrote: accounts, a change log with one far-future stamp, records, a blob and its citation. */
async function buildOldDatabase(db: SqlDriver): Promise<void> {
  await db.migrationTransaction(async (tx) => {
    await tx.exec(schemaBeforeMigrations(db.kind));
    await tx.run("INSERT INTO server_meta (key, value) VALUES ('epoch', 'abc123')");
    await tx.run('INSERT INTO schools (id, name, created_at) VALUES (?, ?, ?)', [SCHOOL, 'Old school', AT]);
    await tx.run(
      'INSERT INTO teachers (id, school_id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ['t-old', SCHOOL, 'old@school.test', 'Ms Old', 'scrypt$hash', AT],
    );
    await tx.run('INSERT INTO classes (id, school_id, name, join_code, created_at) VALUES (?, ?, ?, ?, ?)', [
      CLASS,
      SCHOOL,
      'Room 1',
      'ABCDEFGH',
      AT,
    ]);
    await tx.run(
      `INSERT INTO device_tokens (id, token_hash, kind, school_id, class_id, student_id, teacher_id, device_id,
         device_name, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['tok-old', 'hash-old', 'station', SCHOOL, CLASS, null, null, 'dev', null, AT, null, null],
    );
    const log = [
      ['chg-1', 'students', 'stu-1', JSON.stringify({ classId: CLASS, displayName: 'Ana' }), 2, GOOD, CLASS, null],
      [
        'chg-2',
        'evidence',
        'ev-1',
        JSON.stringify({ studentId: 'stu-1', kind: 'workSample' }),
        2,
        GOOD,
        CLASS,
        'stu-1',
      ],
      ['chg-3', 'students', 'stu-1', JSON.stringify({ displayName: 'Poisoned' }), 1, FAR_FUTURE, CLASS, null],
    ] as const;
    for (const [changeId, tbl, recordId, fields, n, hlc, classId, studentId] of log) {
      await tx.run(
        `INSERT INTO change_log (change_id, device_id, tbl, record_id, fields, n_fields, hlc, school_id, class_id,
           student_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [changeId, 'tablet-1', tbl, recordId, fields, n, hlc, SCHOOL, classId, studentId, AT],
      );
    }
    await tx.run('INSERT INTO records (school_id, tbl, record_id, class_id, student_id) VALUES (?, ?, ?, ?, ?)', [
      SCHOOL,
      'students',
      'stu-1',
      CLASS,
      null,
    ]);
    await tx.run('INSERT INTO records (school_id, tbl, record_id, class_id, student_id) VALUES (?, ?, ?, ?, ?)', [
      SCHOOL,
      'evidence',
      'ev-1',
      CLASS,
      'stu-1',
    ]);
    const fields = [
      ['students', 'stu-1', 'classId', CLASS, GOOD],
      ['students', 'stu-1', 'displayName', 'Poisoned', FAR_FUTURE],
      ['evidence', 'ev-1', 'studentId', 'stu-1', GOOD],
      ['evidence', 'ev-1', 'kind', 'workSample', GOOD],
    ] as const;
    for (const [tbl, recordId, field, value, hlc] of fields) {
      await tx.run(
        'INSERT INTO record_fields (school_id, tbl, record_id, field, value, hlc) VALUES (?, ?, ?, ?, ?, ?)',
        [SCHOOL, tbl, recordId, field, JSON.stringify(value), hlc],
      );
    }
    await tx.run(
      'INSERT INTO blobs (school_id, sha256, size, mime, class_id, created_at, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [SCHOOL, 'a'.repeat(64), 3, 'image/png', CLASS, AT, Buffer.from([1, 2, 3])],
    );
    await tx.run('INSERT INTO blob_refs (school_id, sha256, class_id, student_id) VALUES (?, ?, ?, ?)', [
      SCHOOL,
      'a'.repeat(64),
      CLASS,
      'stu-1',
    ]);
  });
}

async function pullAll(storage: Storage, who: Principal, cursor: string = CURSOR_START) {
  const query = validatePullQuery({ since: cursor, limit: '1000' });
  if (!query.ok) throw new Error(query.errors.join('; '));
  return pullChanges(storage, who, query.value.sinceEpoch, query.value.since, query.value.limit);
}

describe.each(available)('schema migrations on %s', (kind) => {
  let database: EmptyDatabase | undefined;
  const open: (Storage | SqlDriver)[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await database?.dispose();
    database = undefined;
  });

  it('upgrades a database made before migrations and keeps its data', async () => {
    database = await emptyDatabase(kind);
    const old = database.driver();
    open.push(old);
    await buildOldDatabase(old);
    const oldCursor = (await old.all('SELECT MAX(seq) AS m FROM change_log'))[0]?.m;

    const storage = database.open();
    open.push(storage);
    await storage.migrate(UPGRADE_AT);
    expect(await storage.schemaVersion()).toBe(SCHEMA_VERSION);
    const applied = await old.all('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(applied.map((r) => [Number(r.version), r.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));

    // Accounts, tokens, blobs and citations are all still there.
    expect(await storage.findTeacherByEmail('old@school.test')).toMatchObject({ id: 't-old', schoolId: SCHOOL });
    expect(await storage.findClassByJoinCode('ABCDEFGH')).toMatchObject({ id: CLASS });
    expect(await storage.findDeviceTokenByHash('hash-old')).toMatchObject({ kind: 'station', classId: CLASS });
    expect([...((await storage.getBlobBytes(SCHOOL, 'a'.repeat(64))) ?? [])]).toEqual([1, 2, 3]);
    expect(await storage.epoch()).toBe('abc123');

    // The change log keeps its sequence numbers, so devices' cursors stay valid and nothing is pulled twice.
    const page = await pullAll(storage, teacher);
    expect(page.changes.map((c) => [c.seq, c.changeId])).toEqual([
      [1, 'chg-1'],
      [2, 'chg-2'],
      [3, 'chg-3'],
    ]);
    expect(page.cursor).toBe(`abc123-${oldCursor}`);
    expect((await pullAll(storage, teacher, page.cursor)).changes).toEqual([]);

    // The far-future stamp was brought down to the upgrade time, in the log and in the record.
    const repaired = formatHlc({ wallMs: UPGRADE_AT, counter: 3 }, 'poisoned');
    expect(page.changes.find((c) => c.changeId === 'chg-3')?.hlc).toBe(repaired);
    const [student] = await storage.getRecords(SCHOOL, [{ table: 'students', recordId: 'stu-1' }]);
    expect(student?.fields.displayName).toEqual({ value: 'Poisoned', hlc: repaired });
    expect(student?.fields.classId).toEqual({ value: CLASS, hlc: GOOD });
    // …so a teacher's later rename wins again.
    const later = stamp(UPGRADE_AT + 60_000, 'teacher-tablet');
    const rename = {
      changeId: 'chg-4',
      table: 'students' as const,
      recordId: 'stu-1',
      fields: { displayName: 'Ana' },
      hlc: later,
    };
    const r = await applyPush(
      storage,
      teacher,
      'teacher-tablet',
      [rename],
      new Date(UPGRADE_AT + 60_000).toISOString(),
    );
    expect(r.accepted).toEqual(['chg-4']);
    const [renamed] = await storage.getRecords(SCHOOL, [{ table: 'students', recordId: 'stu-1' }]);
    expect(renamed?.fields.displayName?.value).toBe('Ana');
    // New changes continue the sequence.
    expect((await pullAll(storage, teacher, page.cursor)).changes.map((c) => c.seq)).toEqual([4]);

    // An old change re-sent is accepted again; its id with other content is refused.
    const resend = {
      changeId: 'chg-2',
      table: 'evidence' as const,
      recordId: 'ev-1',
      fields: { studentId: 'stu-1', kind: 'workSample' },
      hlc: GOOD,
    };
    const again = await applyPush(storage, teacher, 'tablet-1', [resend, { ...resend, changeId: 'chg-1' }], AT);
    expect(again.accepted).toEqual(['chg-2']);
    expect(again.rejected.map((x) => [x.changeId, x.code])).toEqual([['chg-1', 'conflict']]);
    // A citation from before keeps working (the uploader's class is the citing record's class).
    expect(
      await storage.isBlobCited(
        { schoolId: SCHOOL, classId: CLASS, sharedTables: [], studentIds: ['stu-1'] },
        'a'.repeat(64),
      ),
    ).toBe(true);

    // Each record's fields are one JSON document on its row (migration 8), every value and stamp copied;
    // the per-field table is gone. SQLite keeps the records clustered on their keys (migration 6).
    const documents = await old.all('SELECT tbl, record_id, fields FROM records ORDER BY tbl, record_id');
    expect(documents.map((r) => [r.tbl, r.record_id, JSON.parse(String(r.fields))])).toEqual([
      ['evidence', 'ev-1', { studentId: { value: 'stu-1', hlc: GOOD }, kind: { value: 'workSample', hlc: GOOD } }],
      ['students', 'stu-1', { classId: { value: CLASS, hlc: GOOD }, displayName: { value: 'Ana', hlc: later } }],
    ]);
    const [evidence] = await storage.getRecords(SCHOOL, [{ table: 'evidence', recordId: 'ev-1' }]);
    expect(evidence).toMatchObject({ scope: { schoolId: SCHOOL, classId: CLASS, studentId: 'stu-1' } });
    if (kind === 'sqlite') {
      const tables = await old.all(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('records', 'record_fields') ORDER BY name",
      );
      expect(tables.map((t) => [t.name, /WITHOUT ROWID/.test(String(t.sql))])).toEqual([['records', true]]);
      expect(await old.all("SELECT name FROM sqlite_master WHERE name = 'records_student'")).toHaveLength(1);
    } else {
      expect(await old.all("SELECT to_regclass('record_fields') AS t")).toEqual([{ t: null }]);
    }

    // Migrating again changes nothing.
    await storage.migrate(UPGRADE_AT + 3600_000);
    expect((await old.all('SELECT COUNT(*) AS n FROM schema_migrations'))[0]?.n).toBe(MIGRATIONS.length);
  });

  it('lets another school use a change id this school used', async () => {
    database = await emptyDatabase(kind);
    const old = database.driver();
    open.push(old);
    await buildOldDatabase(old);
    const storage = database.open();
    open.push(storage);
    await storage.migrate(UPGRADE_AT);
    await storage.createSchool({ id: 'school-new', name: 'New', createdAt: AT });
    const other: Principal = { ...teacher, schoolId: 'school-new' };
    const r = await applyPush(
      storage,
      other,
      'd',
      [{ changeId: 'chg-1', table: 'targets', recordId: 'tg', fields: { code: 'X' }, hlc: GOOD }],
      AT,
    );
    expect(r).toMatchObject({ accepted: ['chg-1'], rejected: [] });
    expect((await pullAll(storage, other)).changes.map((c) => c.recordId)).toEqual(['tg']);
  });

  it('refuses a database a newer server migrated, and changes nothing', async () => {
    database = await emptyDatabase(kind);
    const storage = database.open();
    open.push(storage);
    await storage.migrate(UPGRADE_AT);
    const raw = database.driver();
    open.push(raw);
    await raw.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
      SCHEMA_VERSION + 1,
      'from the future',
      AT,
    ]);
    const again = database.open();
    open.push(again);
    await expect(again.migrate(UPGRADE_AT)).rejects.toThrow(
      new RegExp(`schema is version ${SCHEMA_VERSION + 1}, but this server knows only up to version ${SCHEMA_VERSION}`),
    );
    expect((await raw.all('SELECT COUNT(*) AS n FROM schema_migrations'))[0]?.n).toBe(SCHEMA_VERSION + 1);
  });

  it('applies each migration once when several servers start at once', async () => {
    database = await emptyDatabase(kind);
    const old = database.driver();
    open.push(old);
    await buildOldDatabase(old);
    // SQLite: several connections in one process would block each other's event loop; one suffices there.
    const servers = Array.from({ length: kind === 'postgres' ? 4 : 1 }, () => database!.open());
    open.push(...servers);
    await Promise.all(servers.map((s) => s.migrate(UPGRADE_AT)));
    const rows = await old.all('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });
});
