/**
 * Pushes of different schools do not wait on each other (PostgreSQL: one advisory lock per school), while a
 * school's puller still never passes one of its changes committed late. Shown with a transaction held
 * open, never with timing: a push that waited on the held lock would hang this test until it fails. And a
 * sign-in's token waits for a password change holding the teacher's row, then is not made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { CURSOR_START, validatePullQuery } from '#protocol';
import type { LogEntry, Storage, VisibilityFilter } from '#server/storage/storage.ts';
import { applyPush } from '#server/sync/push.ts';
import { pullChanges } from '#server/sync/pull.ts';
import type { Principal } from '#server/sync/principal.ts';
import { createTestStorage, storageKinds, type TestStorage } from './helpers/databases.ts';
import { change, hlc, newId, seedSchool, type SchoolFixture } from './helpers/fixtures.ts';

const { kinds, problem } = await storageKinds();
const AT = '2026-01-01T00:00:00.000Z';

async function pullAll(storage: Storage, who: Principal, cursor: string = CURSOR_START) {
  const query = validatePullQuery({ since: cursor, limit: '1000' });
  if (!query.ok) throw new Error(query.errors.join('; '));
  return pullChanges(storage, who, query.value.sinceEpoch, query.value.since, query.value.limit);
}

const everything = (schoolId: string): VisibilityFilter => ({
  schoolId,
  classId: null,
  sharedTables: null,
  studentIds: null,
});

const logEntry = (schoolId: string, changeId: string): LogEntry => ({
  changeId,
  contentHash: changeId,
  deviceId: 'd',
  table: 'targets',
  recordId: changeId,
  fields: { code: changeId },
  hlc: hlc(1),
  scope: { schoolId, classId: null, studentId: null },
  receivedAt: AT,
});

const targetPush = (storage: Storage, school: SchoolFixture, code: string) =>
  applyPush(storage, school.teacher, 'dev', [change('targets', newId('tg'), { code }, hlc(5000))], AT);

/** Holds one school's push transaction open after it wrote a change-log row, until released. */
function holdOpen(storage: Storage, schoolId: string, changeId: string) {
  let release!: () => void;
  let written!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = storage.syncTransaction(schoolId, async (tx) => {
    await tx.appendLog([logEntry(schoolId, changeId)]);
    written();
    await gate;
  });
  return { wrote, release, done };
}

describe.each(kinds.filter((k) => k !== 'postgres' || problem === null))('cursors per school: %s', (kind) => {
  let t: TestStorage;
  beforeAll(async () => void (t = await createTestStorage(kind)));
  afterAll(async () => t?.dispose());

  it('keeps a cursor given while other schools wrote: no reset, nothing skipped, nothing repeated', async () => {
    const storage = t.storage;
    const [a, b] = [await seedSchool(storage), await seedSchool(storage)];
    await targetPush(storage, a, 'a1');
    const first = await pullAll(storage, a.teacher);
    for (let i = 0; i < 5; i++) await targetPush(storage, b, `b${i}`);
    // Before cursors were per school, a puller got the whole log's newest number: still a good cursor.
    const [epoch] = first.cursor.split('-');
    const logTop = (await storage.pull(everything(b.schoolId), 0, 1000)).top;
    for (const cursor of [first.cursor, `${epoch}-${logTop}`]) {
      const page = await pullAll(storage, a.teacher, cursor);
      expect(page.reset).toBeUndefined();
      expect(page.changes).toEqual([]);
    }
    const pushed = await targetPush(storage, a, 'a2');
    const next = await pullAll(storage, a.teacher, `${epoch}-${logTop}`);
    expect(next.reset).toBeUndefined();
    expect(next.changes.map((c) => c.changeId)).toEqual(pushed.accepted);
  });

  it('refuses to write another school’s change in a school’s push transaction', async () => {
    const storage = t.storage;
    const [a, b] = [await seedSchool(storage), await seedSchool(storage)];
    await expect(
      storage.syncTransaction(a.schoolId, (tx) => tx.appendLog([logEntry(b.schoolId, newId('stray'))])),
    ).rejects.toThrow(/another/);
    expect((await storage.pull(everything(b.schoolId), 0, 1000)).changes).toEqual([]);
  });
});

describe.each(kinds.filter((k) => k === 'postgres' && problem === null))('pushes per school: %s', (kind) => {
  let t: TestStorage;
  let watcher: pg.Client;
  beforeAll(async () => {
    t = await createTestStorage(kind);
    watcher = new pg.Client({ connectionString: t.url ?? '' });
    await watcher.connect();
  });
  afterAll(async () => {
    await watcher?.end();
    await t?.dispose();
  });

  /** Resolves once `n` advisory locks are being waited for in this database. */
  const lockWaiters = async (n: number) => {
    for (;;) {
      const { rows } = await watcher.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()",
      );
      if (Number(rows[0]?.n) >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('lets another school push and pull while one school’s push is held open', async () => {
    const storage = t.storage;
    const [a, b] = [await seedSchool(storage), await seedSchool(storage)];
    const startA = (await pullAll(storage, a.teacher)).cursor;
    const startB = (await pullAll(storage, b.teacher)).cursor;
    const held = holdOpen(storage, a.schoolId, newId('slow'));
    await held.wrote;

    // School B is not held up: its push commits (with a larger number than A's open row) and is pulled.
    const pushedB = await targetPush(storage, b, 'b');
    expect(pushedB.accepted).toHaveLength(1);
    expect((await pullAll(storage, b.teacher, startB)).changes.map((c) => c.changeId)).toEqual(pushedB.accepted);

    // School A's next push queues behind A's open one, on A's lock.
    const pushingA = targetPush(storage, a, 'a-fast');
    await lockWaiters(1);

    // A's puller stops short of A's open row although B committed past it.
    const during = await pullAll(storage, a.teacher, startA);
    expect(during.changes).toEqual([]);
    expect(during.cursor).toBe(startA);

    held.release();
    await held.done;
    const pushedA = await pushingA;
    const after = await pullAll(storage, a.teacher, during.cursor);
    expect(after.changes.map((c) => c.changeId.split('-')[0])).toEqual(['slow', 'chg']);
    expect(after.changes[1]?.changeId).toBe(pushedA.accepted[0]);
  });

  it('lets every school push at once, each school’s numbers seen in order by its own puller', async () => {
    const storage = t.storage;
    const schools = await Promise.all(Array.from({ length: 4 }, () => seedSchool(storage)));
    const held = schools.map((s) => holdOpen(storage, s.schoolId, newId('held')));
    // All four transactions are open at once: had they shared one lock, the second would never write.
    await Promise.all(held.map((h) => h.wrote));
    const more = schools.map((s) => targetPush(storage, s, 'next'));
    await lockWaiters(schools.length);
    for (const h of held) h.release();
    await Promise.all([...held.map((h) => h.done), ...more]);
    for (const s of schools) {
      const page = await pullAll(storage, s.teacher);
      const mine = page.changes.filter((c) => c.table === 'targets');
      expect(mine.map((c) => c.changeId.split('-')[0])).toEqual(['held', 'chg']);
      expect(mine[0]!.seq).toBeLessThan(mine[1]!.seq);
    }
  });

  /**
   * The other half of a sign-in racing a password change (change-password.test.ts has the first): the
   * change has updated the teacher's row but not committed when the sign-in makes its token. The sign-in
   * must wait for the row and then find the new hash, or the change's revocation would miss its token.
   */
  it('makes no sign-in token under a password change still holding the teacher’s row', async () => {
    const storage = t.storage;
    const school = await seedSchool(storage);
    const teacherId = newId('t');
    const teacher = { schoolId: school.schoolId, email: `${teacherId}@x.org`, displayName: 'T', createdAt: AT };
    expect(await storage.createTeacher({ ...teacher, id: teacherId, passwordHash: 'old' })).toBe(true);
    const changer = new pg.Client({ connectionString: t.url ?? '' });
    await changer.connect();
    try {
      await changer.query('BEGIN');
      await changer.query("UPDATE teachers SET password_hash = 'new' WHERE id = $1", [teacherId]);
      const tokenHash = newId('hash');
      const signIn = storage.createSignIn(
        {
          id: newId('tok'),
          tokenHash,
          kind: 'teacher',
          schoolId: school.schoolId,
          classId: null,
          studentId: null,
          teacherId,
          deviceId: 'd',
          deviceName: null,
          createdAt: AT,
          expiresAt: null,
          revokedAt: null,
        },
        'old',
      );
      // Wait until the sign-in waits for the row (a lock on the changer's transaction), then commit.
      for (;;) {
        const { rows } = await watcher.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted",
        );
        if (Number(rows[0]?.n) >= 1) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await changer.query('COMMIT');
      expect(await signIn).toBe(false);
      expect(await storage.findDeviceTokenByHash(tokenHash)).toBeUndefined();
    } finally {
      await changer.end();
    }
  });
});
