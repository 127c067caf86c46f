/** The Storage contract, run against SQLite and PostgreSQL through the storage-agnostic sync core. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURSOR_START, validatePullQuery } from '#protocol';
import type { Storage } from '#server/storage/storage.ts';
import { STATION_STUDENT_FIELDS } from '#server/sync/access.ts';
import { applyPush } from '#server/sync/push.ts';
import { pullChanges } from '#server/sync/pull.ts';
import type { Principal } from '#server/sync/principal.ts';
import { createTestStorage, storageKinds, type TestStorage } from './helpers/databases.ts';
import { change, hlc, newId, seedSchool, teacherEvidence, type SchoolFixture } from './helpers/fixtures.ts';

const { kinds, problem } = await storageKinds();
const AT = '2026-01-01T00:00:00.000Z';

if (problem !== null && kinds.includes('postgres')) {
  it('PostgreSQL is reachable (required under CI=true)', () => {
    throw new Error(problem);
  });
}

/** Pulls as the route does: the cursor goes through the shared validator. */
async function pullAll(storage: Storage, who: Principal, cursor = CURSOR_START, limit = 1000) {
  const query = validatePullQuery({ since: cursor, limit: String(limit) });
  if (!query.ok) throw new Error(query.errors.join('; '));
  return pullChanges(storage, who, query.value.sinceEpoch, query.value.since, query.value.limit);
}

describe.each(kinds.filter((k) => k !== 'postgres' || problem === null))('Storage contract: %s', (kind) => {
  let t: TestStorage;
  let storage: Storage;
  let s: SchoolFixture;

  beforeAll(async () => {
    t = await createTestStorage(kind);
    storage = t.storage;
  });
  afterAll(async () => t?.dispose());

  const student = async (classId = s.classId, stamp = hlc(1000)) => {
    const id = newId('stu');
    const r = await applyPush(
      storage,
      s.teacher,
      'dev-a',
      [
        change(
          'students',
          id,
          { classId, displayName: 'Ana', picture: 'cat', familyLanguage: 'es', birthDate: '2020-03-04' },
          stamp,
        ),
      ],
      AT,
    );
    expect(r.rejected).toEqual([]);
    return id;
  };

  it('pushes, then pulls with a cursor that moves forward', async () => {
    s = await seedSchool(storage);
    const id = await student();
    const first = await pullAll(storage, s.teacher);
    expect(first.changes.map((c) => c.recordId)).toContain(id);
    expect(first.hasMore).toBe(false);
    const again = await pullAll(storage, s.teacher, first.cursor);
    expect(again.changes).toEqual([]);
    expect(again.cursor).toBe(first.cursor);
  });

  it('is idempotent by changeId: a batch sent twice changes nothing the second time', async () => {
    s = await seedSchool(storage);
    const id = newId('stu');
    const batch = [change('students', id, { classId: s.classId, displayName: 'Bo' }, hlc(2000))];
    const one = await applyPush(storage, s.teacher, 'dev-a', batch, AT);
    const before = await pullAll(storage, s.teacher);
    const two = await applyPush(storage, s.teacher, 'dev-a', batch, AT);
    const after = await pullAll(storage, s.teacher);
    expect(two.accepted).toEqual(one.accepted);
    expect(two.cursor).toBe(one.cursor);
    expect(after).toEqual(before);
  });

  it('merges last writer wins per field by HLC, whatever order changes arrive in', async () => {
    s = await seedSchool(storage);
    const id = await student(s.classId, hlc(1000));
    const newer = change('students', id, { displayName: 'Newer name' }, hlc(3000, 'dev-b'));
    const older = change('students', id, { displayName: 'Older name', picture: 'dog' }, hlc(2000, 'dev-a'));
    await applyPush(storage, s.teacher, 'dev-b', [newer], AT);
    const r = await applyPush(storage, s.teacher, 'dev-a', [older], AT);
    expect(r.accepted).toEqual([older.changeId]);
    const [record] = await storage.getRecords(s.schoolId, [{ table: 'students', recordId: id }]);
    expect(record?.fields.displayName?.value).toBe('Newer name');
    expect(record?.fields.picture?.value).toBe('dog');
    const pulled = (await pullAll(storage, s.teacher)).changes.find((c) => c.changeId === older.changeId);
    expect(pulled?.fields).toEqual({ picture: 'dog' });
  });

  it('stores and pulls field values exactly as pushed, new records and changed ones alike', async () => {
    s = await seedSchool(storage);
    const id = await student();
    const tricky = [
      'quote " backslash \\ and \\" both',
      '{"json":"as text","n":[1,2]}',
      'ünï ✓ 🦊 line\u2028sep\ttab\nnewline',
      "it's NULL",
    ];
    const note = tricky.join(' | ');
    const evidenceId = newId('ev');
    const created = change('evidence', evidenceId, teacherEvidence(id, { note, level: 3 }), hlc(2000));
    const renamed = change('students', id, { displayName: tricky[2] }, hlc(2000));
    const r = await applyPush(storage, s.teacher, 'dev-a', [created, renamed], AT);
    expect(r.rejected).toEqual([]);
    const records = await storage.getRecords(s.schoolId, [
      { table: 'evidence', recordId: evidenceId },
      { table: 'students', recordId: id },
    ]);
    const byTable = new Map(records.map((rec) => [rec.table, rec]));
    expect(byTable.get('evidence')?.fields.note).toEqual({ value: note, hlc: hlc(2000) });
    expect(byTable.get('evidence')?.fields.recordedBy?.value).toEqual({ kind: 'teacher', id: 'teacher-1' });
    expect(byTable.get('students')?.fields.displayName).toEqual({ value: tricky[2], hlc: hlc(2000) });
    expect(byTable.get('students')?.fields.picture?.value).toBe('cat');
    const pulled = new Map((await pullAll(storage, s.teacher)).changes.map((c) => [c.changeId, c]));
    expect(pulled.get(created.changeId)?.fields).toEqual(created.fields);
    expect(pulled.get(renamed.changeId)?.fields).toEqual(renamed.fields);
  });

  it('keeps evidence immutable except its APPEND_ONLY fields, and applies the rest of the batch', async () => {
    s = await seedSchool(storage);
    const stu = await student();
    const ev = newId('ev');
    await applyPush(
      storage,
      s.classDevice,
      'dev-a',
      [change('evidence', ev, teacherEvidence(stu, { kind: 'observation', note: 'read 5 words' }), hlc(5000))],
      AT,
    );
    const rewrite = change('evidence', ev, { note: 'read 50 words' }, hlc(6000));
    const voiding = change(
      'evidence',
      ev,
      { voided: { reason: 'wrong child', at: AT, by: { kind: 'teacher', id: 't' } } },
      hlc(6001),
    );
    const resend = change('evidence', ev, teacherEvidence(stu, { note: 'read 5 words' }), hlc(6002));
    const r = await applyPush(storage, s.classDevice, 'dev-a', [rewrite, voiding, resend], AT);
    expect(r.rejected.map((x) => x.changeId)).toEqual([rewrite.changeId]);
    expect(r.rejected[0]?.reason).toMatch(/evidence\.note is immutable/);
    expect(r.accepted).toEqual([voiding.changeId, resend.changeId]);
    const [record] = await storage.getRecords(s.schoolId, [{ table: 'evidence', recordId: ev }]);
    expect(record?.fields.note?.value).toBe('read 5 words');
    expect(record?.fields.voided?.value).toMatchObject({ reason: 'wrong child' });
  });

  it('keeps tombstones and pulls them', async () => {
    s = await seedSchool(storage);
    const id = await student();
    await applyPush(storage, s.teacher, 'dev-a', [change('students', id, { deleted: true }, hlc(9000))], AT);
    await applyPush(
      storage,
      s.teacher,
      'dev-b',
      [change('students', id, { displayName: 'late edit' }, hlc(8000, 'dev-b'))],
      AT,
    );
    const [record] = await storage.getRecords(s.schoolId, [{ table: 'students', recordId: id }]);
    expect(record?.fields.deleted?.value).toBe(true);
    const pulled = await pullAll(storage, s.teacher);
    expect(pulled.changes.some((c) => c.recordId === id && c.fields.deleted === true)).toBe(true);
  });

  it('pages pulls and never repeats or skips a change', async () => {
    s = await seedSchool(storage);
    const batch = Array.from({ length: 25 }, (_, i) =>
      change('targets', newId('tg'), { code: `T${i}` }, hlc(1000 + i)),
    );
    await applyPush(storage, s.teacher, 'dev-a', batch, AT);
    const seen: string[] = [];
    let cursor: string = CURSOR_START;
    let pages = 0;
    for (;;) {
      const page = await pullAll(storage, s.teacher, cursor, 10);
      seen.push(...page.changes.map((c) => c.changeId));
      cursor = page.cursor;
      pages += 1;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(batch.map((c) => c.changeId));
  });

  it('restarts from the beginning, saying so, when a cursor comes from another database or the future', async () => {
    s = await seedSchool(storage);
    const id = await student();
    const current = await pullAll(storage, s.teacher);
    expect(current.reset).toBeUndefined();
    expect(current.cursor).toMatch(/^[a-z0-9]+-\d+$/);
    const seq = Number(current.cursor.split('-')[1]);
    for (const stale of [`zzzz9999-${seq}`, `${current.cursor.split('-')[0]}-${seq + 1000}`, String(seq + 1000)]) {
      const page = await pullAll(storage, s.teacher, stale);
      expect(page.reset).toBe(true);
      expect(page.changes.map((c) => c.recordId)).toContain(id);
    }
    expect(await storage.epoch()).toBe(await storage.epoch());
  });

  it('never lets a puller pass a change still being committed by a slower push', async () => {
    s = await seedSchool(storage);
    const filter = { schoolId: s.schoolId, classId: null, sharedTables: null, studentIds: null };
    const entry = (changeId: string) => ({
      changeId,
      contentHash: changeId,
      deviceId: 'd',
      table: 'targets' as const,
      recordId: changeId,
      fields: { code: changeId },
      hlc: hlc(1),
      scope: { schoolId: s.schoolId, classId: null, studentId: null },
      receivedAt: AT,
    });
    const start = (await storage.pull(filter, 0, 1000)).cursor;
    let release!: () => void;
    let appended!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const firstAppended = new Promise<void>((resolve) => (appended = resolve));
    const slow = storage.syncTransaction(s.schoolId, async (tx) => {
      await tx.appendLog([entry(newId('slow'))]);
      appended();
      await gate;
    });
    await firstAppended;
    const fast = storage.syncTransaction(s.schoolId, async (tx) => tx.appendLog([entry(newId('fast'))]));
    // Give the fast push time to commit if nothing holds it back (the bug this test guards against).
    await Promise.race([fast, new Promise((resolve) => setTimeout(resolve, 150))]);
    // PostgreSQL answers this pull while the slow push is open; SQLite queues it behind both pushes.
    const duringPull = storage.pull(filter, start, 1000);
    await Promise.race([duringPull, new Promise((resolve) => setTimeout(resolve, 150))]);
    release();
    const during = await duringPull;
    await Promise.all([slow, fast]);
    const after = await storage.pull(filter, during.cursor, 1000);
    const seen = [...during.changes, ...after.changes].map((c) => c.changeId.split('-')[0]);
    expect(seen).toEqual(['slow', 'fast']);
  });

  it('assigns sequence numbers that pullers see in order under concurrent pushes', async () => {
    s = await seedSchool(storage);
    const pushes = Array.from({ length: 8 }, (_, p) =>
      applyPush(
        storage,
        s.teacher,
        `dev-${p}`,
        Array.from({ length: 20 }, (_, i) =>
          change('targets', newId('tg'), { code: `${p}.${i}` }, hlc(1000 + i, `dev-${p}`)),
        ),
        AT,
      ),
    );
    await Promise.all(pushes);
    const all = await pullAll(storage, s.teacher);
    expect(all.changes).toHaveLength(160);
    const seqs = all.changes.map((c) => c.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('rejects changes that name an unknown student, another class, or move a record between scopes', async () => {
    s = await seedSchool(storage);
    const stu = await student();
    const orphan = change('evidence', newId('ev'), { studentId: 'nobody', kind: 'observation' }, hlc(1));
    const move = change('students', stu, { classId: s.otherClassId }, hlc(99999));
    const foreign = change('students', newId('stu'), { classId: 'class-of-another-school' }, hlc(2));
    const elsewhere = change('students', newId('stu'), { classId: s.otherClassId }, hlc(3));
    const r = await applyPush(storage, s.classDevice, 'dev-a', [orphan, move, foreign, elsewhere], AT);
    expect(r.accepted).toEqual([]);
    expect(r.rejected.map((x) => x.reason)).toEqual([
      expect.stringMatching(/unknown student/),
      expect.stringMatching(/cannot change after creation/),
      expect.stringMatching(/must name a class of this school/),
      expect.stringMatching(/another class/),
    ]);
  });

  it('filters pulls to the caller: class, station grid, signed-in child, other school', async () => {
    s = await seedSchool(storage);
    const mine = await student(s.classId);
    const theirs = await student(s.otherClassId);
    const sibling = await student(s.classId);
    for (const stu of [mine, theirs, sibling]) {
      await applyPush(
        storage,
        s.teacher,
        'dev-a',
        [change('evidence', newId('ev'), teacherEvidence(stu, { kind: 'observation' }), hlc(7000))],
        AT,
      );
    }
    const ids = async (who: Principal) =>
      new Set((await pullAll(storage, who)).changes.map((c) => c.fields.studentId ?? c.recordId));
    expect(await ids(s.teacher)).toEqual(new Set([mine, theirs, sibling]));
    expect(await ids(s.classDevice)).toEqual(new Set([mine, sibling]));

    const station: Principal = { ...s.classDevice, kind: 'station' };
    const grid = (await pullAll(storage, station)).changes;
    expect(grid.every((c) => c.table === 'students')).toBe(true);
    expect(new Set(grid.flatMap((c) => Object.keys(c.fields)))).toEqual(
      new Set(STATION_STUDENT_FIELDS.filter((f) => !['archived', 'deleted'].includes(f))),
    );
    const signedIn = (await pullAll(storage, { ...station, studentId: mine })).changes.filter(
      (c) => c.table === 'evidence',
    );
    expect(signedIn.map((c) => c.fields.studentId)).toEqual([mine]);

    const other = await seedSchool(storage);
    expect((await pullAll(storage, other.teacher)).changes).toEqual([]);
  });

  it('stores accounts, classes, revocable tokens and family links', async () => {
    s = await seedSchool(storage);
    const teacher = {
      id: newId('t'),
      schoolId: s.schoolId,
      email: `${newId('e')}@x.org`,
      displayName: 'T',
      passwordHash: 'h',
      createdAt: AT,
    };
    expect(await storage.createTeacher(teacher)).toBe(true);
    expect(await storage.createTeacher({ ...teacher, id: newId('t') })).toBe(false);
    expect(await storage.findTeacherByEmail(teacher.email)).toEqual(teacher);
    // Schools for the admin commands: each with its number of teachers (a school with none counts 0).
    const listed = await storage.listSchools();
    expect(listed.find((school) => school.id === s.schoolId)).toEqual({
      id: s.schoolId,
      name: 'Test school',
      createdAt: new Date(0).toISOString(),
      teachers: 1,
    });
    const empty = newId('school');
    await storage.createSchool({ id: empty, name: 'Empty', createdAt: AT });
    expect((await storage.listSchools()).find((school) => school.id === empty)?.teachers).toBe(0);
    const cls = await storage.getClass(s.classId);
    expect(await storage.findClassByJoinCode(cls!.joinCode)).toEqual(cls);
    const token = {
      id: newId('tok'),
      tokenHash: newId('hash'),
      kind: 'station' as const,
      schoolId: s.schoolId,
      classId: s.classId,
      studentId: null,
      teacherId: null,
      deviceId: 'd',
      deviceName: null,
      createdAt: AT,
      expiresAt: null,
      revokedAt: null,
    };
    await storage.createDeviceToken(token);
    expect(await storage.listDeviceTokens(s.schoolId)).toEqual([token]);
    expect(await storage.listDeviceTokens('another-school')).toEqual([]);
    await storage.setDeviceTokenStudent(token.id, 'stu-1');
    await storage.revokeDeviceToken(token.id, AT);
    expect(await storage.findDeviceTokenByHash(token.tokenHash)).toEqual({
      ...token,
      studentId: 'stu-1',
      revokedAt: AT,
    });
    const link = {
      id: newId('fl'),
      tokenHash: newId('hash'),
      schoolId: s.schoolId,
      classId: s.classId,
      studentId: 'stu-1',
      createdBy: 't',
      createdAt: AT,
      expiresAt: null,
      revokedAt: null,
    };
    await storage.createFamilyLink(link);
    await storage.revokeFamilyLink(link.id, AT);
    expect(await storage.findFamilyLinkByHash(link.tokenHash)).toEqual({ ...link, revokedAt: AT });
  });

  it('sets a teacher’s password from the hash it expects, ending their sign-ins but one, never a device’s', async () => {
    const school = await seedSchool(storage);
    const teacher = {
      id: newId('t'),
      schoolId: school.schoolId,
      email: `${newId('e')}@x.org`,
      displayName: 'T',
      passwordHash: 'old',
      createdAt: AT,
    };
    expect(await storage.createTeacher(teacher)).toBe(true);
    const token = (
      id: string,
      kind: 'teacher' | 'station' | 'student',
      classId: string | null,
      teacherId: string | null,
    ) => ({
      id,
      tokenHash: newId('hash'),
      kind,
      schoolId: school.schoolId,
      classId,
      studentId: kind === 'student' ? 'stu-1' : null,
      teacherId,
      deviceId: id,
      deviceName: null,
      createdAt: AT,
      expiresAt: null,
      revokedAt: null,
    });
    const [kept, other, colleague, classTablet, childTablet, station] = [
      token(newId('kept'), 'teacher', null, teacher.id),
      token(newId('other'), 'teacher', null, teacher.id),
      token(newId('colleague'), 'teacher', null, newId('t')),
      token(newId('class'), 'teacher', school.classId, teacher.id),
      token(newId('child'), 'student', school.classId, teacher.id),
      token(newId('station'), 'station', school.classId, null),
    ] as const;
    for (const t of [kept, other, colleague, classTablet, childTablet, station]) await storage.createDeviceToken(t);
    const revoked = async () =>
      (await storage.listDeviceTokens(school.schoolId)).filter((t) => t.revokedAt !== null).map((t) => t.id);

    const change = { teacherId: teacher.id, passwordHash: 'new', at: AT, keepTokenId: kept.id };
    expect(await storage.setTeacherPassword({ ...change, expectedHash: 'not the stored one' })).toBeNull();
    expect((await storage.findTeacherById(teacher.id))?.passwordHash).toBe('old');
    expect(await revoked()).toEqual([]);
    expect(await storage.setTeacherPassword({ ...change, expectedHash: 'old' })).toBe(1);
    expect(await storage.findTeacherById(teacher.id)).toEqual({ ...teacher, passwordHash: 'new' });
    expect(await revoked()).toEqual([other.id]);
    expect(await storage.setTeacherPassword({ ...change, teacherId: newId('nobody') })).toBeNull();

    // An administrator's reset keeps none; removal ends the account and its sign-ins, never the devices.
    expect(await storage.setTeacherPassword({ ...change, passwordHash: 'reset', keepTokenId: null })).toBe(1);
    expect((await revoked()).sort()).toEqual([kept.id, other.id].sort());
    // A sign-in's token is made only under the hash the sign-in checked (not the old one, nor once removed).
    const again = token(newId('again'), 'teacher', null, teacher.id);
    expect(await storage.createSignIn(token(newId('late'), 'teacher', null, teacher.id), 'new')).toBe(false);
    expect(await storage.createSignIn(again, 'reset')).toBe(true);
    expect(await storage.findDeviceTokenByHash(again.tokenHash)).toEqual(again);
    expect(await storage.removeTeacher(teacher.id, AT)).toBe(1);
    expect(await storage.createSignIn(token(newId('gone'), 'teacher', null, teacher.id), 'reset')).toBe(false);
    expect(await storage.findTeacherById(teacher.id)).toBeUndefined();
    expect(await storage.findTeacherByEmail(teacher.email)).toBeUndefined();
    expect((await revoked()).sort()).toEqual([kept.id, other.id, again.id].sort());
    expect(await storage.removeTeacher(teacher.id, AT)).toBeNull();
  });

  it('stores blobs once per school and knows which evidence cites them', async () => {
    s = await seedSchool(storage);
    const sha = 'a'.repeat(64);
    const meta = {
      schoolId: s.schoolId,
      sha256: sha,
      size: 3,
      mime: 'image/png',
      classId: s.classId,
      tokenId: 'tok-1',
      createdAt: AT,
    };
    expect(await storage.putBlob(meta, Buffer.from([1, 2, 3]))).toBe(true);
    expect(await storage.putBlob(meta, Buffer.from([1, 2, 3]))).toBe(false);
    expect(await storage.getBlobMeta(s.schoolId, sha)).toEqual(meta);
    expect([...(await storage.getBlobBytes(s.schoolId, sha))!]).toEqual([1, 2, 3]);
    const stu = await student();
    const filter = { schoolId: s.schoolId, classId: s.classId, sharedTables: [], studentIds: [stu] };
    expect(await storage.isBlobCited(filter, sha)).toBe(false);
    await applyPush(
      storage,
      s.teacher,
      'dev-a',
      [change('evidence', newId('ev'), teacherEvidence(stu, { blobIds: [sha] }), hlc(1))],
      AT,
    );
    expect(await storage.isBlobCited(filter, sha)).toBe(true);
    expect(await storage.isBlobCited({ ...filter, studentIds: ['someone-else'] }, sha)).toBe(false);
  });
});
