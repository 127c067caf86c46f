// @vitest-environment node
// Runs a real sync server in-process; Node's crypto.subtle also refuses jsdom's ArrayBuffers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '#protocol';
import {
  addStudent,
  createBackup,
  mergeBackup,
  parseBackup,
  putBlob,
  recordDecision,
  recordEvidence,
  restoreBackup,
  serializeBackup,
  syncedTableRows,
  tombstone,
  updateStudent,
  voidEvidence,
  markReviewed,
  type Backup,
  type Store,
} from '#db';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from '#tests/server/helpers/http.ts';
import { snapshot, teacherDevice, type Device } from '#tests/sync/devices.ts';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't' } as const;
const T0 = Date.parse('2026-10-05T08:00:00Z');

let server: TestServer;
let school: SchoolSetup;
let a: Device;
let b: Device;

beforeEach(async () => {
  server = await startTestServer('sqlite');
  // The school server's clock reads T0; the tablets learn it from its answers.
  server.clock.advance(T0 - server.clock.now());
  school = await setUpSchool(server);
  a = await teacherDevice('a', () => server.base, school, T0, server.clock);
  // Device B's clock runs 40 minutes slow: the stamps, not the wall clocks, must decide.
  b = await teacherDevice('b', () => server.base, school, T0 - 40 * 60_000, server.clock);
});

afterEach(async () => {
  await server.close();
});

const backupOf = async (store: Store): Promise<Backup> =>
  parseBackup(serializeBackup(await createBackup(store)).join(''));

/** Every synced row with its clock stamps: equal stamps as well as equal values. */
async function stampedSnapshot(store: Store) {
  const out: Record<string, unknown> = {};
  for (const table of SYNCED_TABLES) {
    for (const row of await syncedTableRows(store.db, table)) out[`${table}/${String(row['id'])}`] = row;
  }
  return out;
}

/** Both tablets share a student, then work apart: conflicting edits, evidence, voids, a delete. */
async function workOfflineOnBoth() {
  const ana = await addStudent(a.store, {
    classId: school.classId,
    displayName: 'Ana',
    picture: 'fox',
    familyLanguage: 'es',
  });
  const ben = await addStudent(a.store, {
    classId: school.classId,
    displayName: 'Ben',
    picture: 'owl',
    familyLanguage: 'en',
  });
  const shared = await recordEvidence(a.store, {
    studentId: ana.id,
    targetIds: ['t1'],
    kind: 'selfAssessment',
    feeling: 2,
    needsReview: true,
    recordedBy: { kind: 'student', id: ana.id },
  });
  await a.sync();
  await b.sync();

  await updateStudent(a.store, ana.id, { displayName: 'Ana María' });
  b.store.env.advance(60_000);
  await updateStudent(b.store, ana.id, { picture: 'cat', displayName: 'Anita' });
  a.store.env.advance(120_000);
  await updateStudent(a.store, ana.id, { picture: 'bear' });
  await recordEvidence(a.store, {
    studentId: ana.id,
    targetIds: ['t1'],
    kind: 'observation',
    level: 2,
    recordedBy: teacher,
  });
  // A WebP's first bytes: the server stores a blob only when the bytes are what the type says.
  const photo = await putBlob(b.store, new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 12345').buffer, 'image/webp');
  const fromB = await recordEvidence(b.store, {
    studentId: ana.id,
    targetIds: ['t1'],
    kind: 'workSample',
    level: 3,
    blobIds: [photo],
    recordedBy: teacher,
  });
  await voidEvidence(b.store, fromB.id, 'Wrong target', teacher);
  await markReviewed(b.store, shared.id);
  await recordDecision(a.store, { studentId: ana.id, targetId: 't1', kind: 'setCurrent', decidedBy: teacher });
  await tombstone(b.store.db, b.store.env, 'students', ben.id);
}

describe('merging another device’s backup', () => {
  it('gives the same records as syncing through the server, merged in either order', async () => {
    await workOfflineOnBoth();
    const [backupA, backupB] = [await backupOf(a.store), await backupOf(b.store)];

    const aThenB = testStore();
    await restoreBackup(aThenB, backupA);
    await mergeBackup(aThenB, backupB);
    const bThenA = testStore();
    await restoreBackup(bThenA, backupB);
    await mergeBackup(bThenA, backupA);

    for (const device of [a, b, a, b]) await device.sync();
    const synced = await stampedSnapshot(a.store);
    expect(await stampedSnapshot(b.store)).toEqual(synced);
    expect(await stampedSnapshot(aThenB)).toEqual(synced);
    expect(await stampedSnapshot(bThenA)).toEqual(synced);
    expect(await snapshot(aThenB)).toEqual(await snapshot(a.store));
    expect(await aThenB.db.blobs.count()).toBe(1);
  });

  it('queues what it merged under the original stamps, so a later push carries the gathered evidence', async () => {
    await workOfflineOnBoth();
    const gatherer = await teacherDevice('gatherer', () => server.base, school, T0 + 3_600_000);
    const [backupA, backupB] = [await backupOf(a.store), await backupOf(b.store)];
    await mergeBackup(gatherer.store, backupA);
    const report = await mergeBackup(gatherer.store, backupB);
    expect(report.queuedForPush).toBeGreaterThan(0);
    const queued = await gatherer.store.db.outbox.toArray();
    const backupStamps = new Set(
      [backupA, backupB].flatMap((file) =>
        SYNCED_TABLES.flatMap((t) => file.tables[t].flatMap((row) => Object.values(row._hlc))),
      ),
    );
    expect(queued.every((entry) => backupStamps.has(entry.hlc))).toBe(true);

    // Neither tablet ever syncs; the gatherer alone brings their work to the server.
    await gatherer.sync();
    const reader = await teacherDevice('reader', () => server.base, school, T0 + 7_200_000);
    await reader.sync();
    const gathered = await snapshot(gatherer.store);
    const fromServer = await snapshot(reader.store);
    for (const [key, value] of Object.entries(gathered)) expect(fromServer[key]).toEqual(value);
  });

  it('is idempotent: merging the same backup twice changes and queues nothing the second time', async () => {
    await workOfflineOnBoth();
    const target = testStore();
    const file = await backupOf(b.store);
    const first = await mergeBackup(target, file);
    expect(first.newRecords).toBeGreaterThan(0);
    const outbox = await target.db.outbox.count();
    const again = await mergeBackup(target, file);
    expect(again).toMatchObject({ newRecords: 0, updatedRecords: 0, queuedForPush: 0, newAttachments: 0 });
    expect(await target.db.outbox.count()).toBe(outbox);
  });

  it('never rewrites recorded evidence: a backup that differs in an immutable field is refused for that record', async () => {
    const ana = await addStudent(a.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    const seen = await recordEvidence(a.store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'observation',
      level: 2,
      recordedBy: teacher,
    });
    const file = await backupOf(a.store);
    const tampered: Backup = {
      ...file,
      tables: {
        ...file.tables,
        evidence: file.tables.evidence.map((row) => ({
          ...row,
          level: 4,
          _hlc: { ...row._hlc, level: '9999999999999-000000-x' },
        })),
      },
    };
    const report = await mergeBackup(a.store, tampered);
    expect(report.refused).toEqual([expect.objectContaining({ table: 'evidence', recordId: seen.id })]);
    expect((await a.store.db.evidence.get(seen.id))?.level).toBe(2);
  });
});
