import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addStudent,
  getBlob,
  listEvidenceForStudent,
  putBlob,
  recordEvidence,
  tombstone,
  updateStudent,
  voidEvidence,
} from '#db';
import type { SyncTransport } from '#sync';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from '#tests/server/helpers/http.ts';
import { teacherDevice, snapshot, type Device } from './devices.ts';

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
  // Device B's clock runs 40 minutes slow: the HLC, not the wall clock, must decide.
  b = await teacherDevice('b', () => server.base, school, T0 - 40 * 60_000, server.clock);
});

afterEach(async () => {
  await server.close();
});

async function syncAll(order: Device[]) {
  for (const device of order) await device.sync();
  for (const device of order) await device.sync();
}

describe('two devices over HTTP on a real SQLite file', () => {
  it.each([
    ['A then B', () => [a, b]],
    ['B then A', () => [b, a]],
  ])('converge after offline edits on both, syncing %s', async (_label, order) => {
    const ana = await addStudent(a.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    await a.sync();
    await b.sync();

    // Offline on both: different fields of the same student, evidence on each, a void on one.
    await updateStudent(a.store, ana.id, { displayName: 'Ana María' });
    b.store.env.advance(60_000);
    await updateStudent(b.store, ana.id, { picture: 'owl' });
    const fromA = await recordEvidence(a.store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'observation',
      level: 2,
      recordedBy: teacher,
    });
    const fromB = await recordEvidence(b.store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'observation',
      level: 3,
      recordedBy: teacher,
    });
    await voidEvidence(b.store, fromB.id, 'Wrong target', teacher);

    await syncAll(order());

    const snapA = await snapshot(a.store);
    expect(snapA).toEqual(await snapshot(b.store));
    expect(snapA[`students/${ana.id}`]).toMatchObject({ displayName: 'Ana María', picture: 'owl' });
    const evidence = await listEvidenceForStudent(a.store, ana.id);
    expect(evidence.map((e) => e.id).sort()).toEqual([fromA.id, fromB.id].sort());
    expect(evidence.find((e) => e.id === fromB.id)?.voided?.reason).toBe('Wrong target');
    expect(await a.store.db.outbox.count()).toBe(0);
    expect(await b.store.db.outbox.count()).toBe(0);
  });

  it('lets the later write of the same field win, by clock stamp, even from the slow tablet', async () => {
    const ana = await addStudent(a.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    await a.sync();
    await b.sync();
    await updateStudent(a.store, ana.id, { displayName: 'From A' });
    await b.sync(); // B sees nothing new yet
    await a.sync();
    await b.sync(); // B pulls A's name; its clock moves past A's stamp
    await updateStudent(b.store, ana.id, { displayName: 'From B, later' });
    await syncAll([b, a]);
    expect((await a.store.db.students.get(ana.id))?.displayName).toBe('From B, later');
    expect(await snapshot(a.store)).toEqual(await snapshot(b.store));
  });

  it('retries a push whose answer was lost after the server committed, without duplicates', async () => {
    const ana = await addStudent(a.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    await recordEvidence(a.store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'observation',
      level: 2,
      recordedBy: teacher,
    });
    const real = a.transport();
    const losesAnswers: SyncTransport = {
      ...real,
      push: async (request) => {
        await real.push(request);
        throw new Error('connection reset');
      },
    };
    await expect(a.sync(losesAnswers)).rejects.toThrow('connection reset');
    expect(await a.store.db.outbox.count()).toBe(2);

    await a.sync();
    await b.sync();
    expect(await a.store.db.outbox.count()).toBe(0);
    expect(await b.store.db.evidence.count()).toBe(1);
    const pulled = await server.call<{ changes: { table: string }[] }>('GET', '/api/v1/sync/pull?since=0', {
      token: school.teacher.token,
    });
    expect(pulled.body.changes.filter((c) => c.table === 'evidence' || c.table === 'students')).toHaveLength(2);
  });

  it('loses nothing when the server restarts between push and pull', async () => {
    const ana = await addStudent(a.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    await recordEvidence(a.store, { studentId: ana.id, targetIds: ['t1'], kind: 'check', recordedBy: teacher });
    const real = a.transport();
    const restartsBeforePull: SyncTransport = {
      ...real,
      pull: async () => {
        await server.restart();
        throw new Error('socket hang up');
      },
    };
    await expect(a.sync(restartsBeforePull)).rejects.toThrow('socket hang up');
    await a.sync();
    await b.sync();
    expect(await snapshot(b.store)).toEqual(await snapshot(a.store));
    expect(await b.store.db.evidence.count()).toBe(1);
  });

  it('carries photos and audio to the other tablet by hash, byte for byte', async () => {
    const ana = await addStudent(a.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    // A WebP's first bytes (RIFF….WEBP), as the server checks the bytes against the type.
    const bytes = new Uint8Array(50_000).map((_, i) =>
      i < 12 ? 'RIFF\0\0\0\0WEBP'.charCodeAt(i) : (i * 7) % 251,
    ).buffer;
    const blobId = await putBlob(a.store, bytes, 'image/webp');
    await recordEvidence(a.store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'workSample',
      blobIds: [blobId],
      recordedBy: teacher,
    });

    expect((await a.sync()).uploaded).toBe(1);
    expect((await b.sync()).downloaded).toBe(1);
    const copy = await getBlob(b.store, blobId);
    expect(copy?.mime).toBe('image/webp');
    expect(new Uint8Array(copy!.bytes!)).toEqual(new Uint8Array(bytes));
    expect((await b.sync()).downloaded).toBe(0);
  });

  it('syncs deletes as tombstones', async () => {
    const ana = await addStudent(a.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    await syncAll([a, b]);
    await tombstone(b.store.db, b.store.env, 'students', ana.id);
    await syncAll([b, a]);
    expect((await a.store.db.students.get(ana.id))?.deleted).toBe(true);
  });
});
