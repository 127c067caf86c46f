/**
 * Refused changes on the device (issue 14, finding 8): a refusal puts the record back to the server's
 * state (from the answer's `current`, or, from a server that sends none, by reading again), lists what was
 * not saved, never pushes what the device's role may not write, and a normal station join refuses nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatHlc,
  type Change,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type RejectedChange,
} from '#protocol';
import {
  addStudent,
  getBlob,
  getCursor,
  putBlob,
  listNotSaved,
  readSyncStatus,
  recordEvidence,
  saveConnection,
  saveCursor,
  seedFirstRun,
  updateStudent,
  writeFields,
  ForbiddenWriteError,
  type Connection,
} from '#db';
import { readClock, saveClock } from '#db/device-clock.ts';
import { syncOnce, SyncError, type SyncTransport } from '#sync';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from '#tests/server/helpers/http.ts';
import { testStore } from '#tests/helpers/test-store.ts';
import { enrolledDevice, serverView, snapshot, teacherDevice } from './devices.ts';

// Each test runs a real server over HTTP: seconds on a busy 2-core machine (the describes' timeouts).
const T0 = Date.parse('2026-10-05T08:00:00Z');
const teacher = { kind: 'teacher', id: 't' } as const;

/** A server that refuses chosen changes with a given answer and accepts the rest; pulls are empty. */
function refusingServer(refuse: (change: Change) => Omit<RejectedChange, 'changeId'> | null) {
  const pushed: PushRequest[] = [];
  const transport: SyncTransport = {
    push: async (request): Promise<PushResponse> => {
      pushed.push(request);
      const rejected: RejectedChange[] = [];
      const accepted: string[] = [];
      for (const change of request.changes) {
        const refusal = refuse(change);
        if (refusal) rejected.push({ changeId: change.changeId, ...refusal });
        else accepted.push(change.changeId);
      }
      return { accepted, rejected, serverTime: T0 };
    },
    pull: async (): Promise<PullResponse> => ({ changes: [], cursor: 'c1', hasMore: false, serverTime: T0 }),
    putBlob: async () => undefined,
    getBlob: () => Promise.reject(new Error('no blobs')),
  };
  return { transport, pushed };
}

describe('a change the server refuses', { timeout: 30_000 }, () => {
  it('puts the record back to the server’s state from `current`, and lists it', async () => {
    const store = testStore();
    store.env.setNow(T0);
    const ana = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    await store.db.outbox.clear(); // as if the child had synced long ago
    await updateStudent(store, ana.id, { displayName: 'Ana (renamed)', picture: 'owl' });
    const serverStamp = formatHlc({ wallMs: T0 - 60_000, counter: 0 }, 'server');
    const server = refusingServer((change) =>
      change.recordId === ana.id
        ? {
            code: 'forbidden',
            reason: 'a class device cannot change students',
            current: {
              fields: { classId: 'c1', displayName: 'Ana', picture: 'fox' },
              stamps: { classId: serverStamp, displayName: serverStamp, picture: serverStamp },
            },
          }
        : null,
    );
    await saveCursor(store, 'c0');

    const result = await syncOnce({ store, transport: server.transport });

    expect(result.refused).toBe(1);
    const row = (await store.db.students.get(ana.id))!;
    expect(row).toMatchObject({ displayName: 'Ana', picture: 'fox' });
    expect(row._hlc['displayName']).toBe(serverStamp);
    expect(await store.db.outbox.count()).toBe(0);
    // `current` was enough: no need to read everything again.
    expect(await getCursor(store)).toBe('c1');
    const [listed] = await listNotSaved(store);
    expect(listed).toMatchObject({
      code: 'forbidden',
      table: 'students',
      recordId: ana.id,
      subject: { studentName: 'Ana (renamed)' },
      fields: { displayName: 'Ana (renamed)', picture: 'owl' },
    });
  });

  it('takes away a record the server holds none of (`current: null`), keeping its values in the list', async () => {
    const store = testStore();
    store.env.setNow(T0);
    const ana = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    await store.db.outbox.clear();
    const evidence = await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['lt-names-upper'],
      kind: 'observation',
      level: 3,
      note: 'Named all 26',
      recordedBy: teacher,
    });
    const server = refusingServer((change) =>
      change.table === 'evidence' ? { code: 'scope', reason: 'unknown student', current: null } : null,
    );
    await syncOnce({ store, transport: server.transport });
    expect(await store.db.evidence.get(evidence.id)).toBeUndefined();
    const [listed] = await listNotSaved(store);
    expect(listed).toMatchObject({
      code: 'scope',
      subject: { studentName: 'Ana', kind: 'observation', date: evidence.observedAt },
      fields: { note: 'Named all 26', level: 3 },
    });
  });

  it('puts back what a server that sends no record state refused, by reading everything again', async () => {
    const server = await startTestServer('sqlite');
    try {
      server.clock.advance(T0 - server.clock.now());
      const school = await setUpSchool(server);
      const device = await teacherDevice('t', () => server.base, school, T0, server.clock);
      const ana = await addStudent(device.store, {
        classId: school.classId,
        displayName: 'Ana',
        picture: 'fox',
        familyLanguage: 'es',
      });
      const evidence = await recordEvidence(device.store, {
        studentId: ana.id,
        targetIds: ['lt-names-upper'],
        kind: 'observation',
        level: 2,
        recordedBy: teacher,
      });
      await device.sync();
      // An older app rewrote the recorded level; the server refuses it (immutable).
      await device.store.db.transaction(
        'rw',
        [device.store.db.evidence, device.store.db.outbox, device.store.db.settings],
        async () => {
          const clock = await readClock(device.store.db);
          const next = { wallMs: clock.wallMs, counter: clock.counter + 1 };
          const hlc = formatHlc(next, 'old-app');
          const row = (await device.store.db.evidence.get(evidence.id))!;
          await device.store.db.evidence.put({ ...row, level: 4, _hlc: { ...row._hlc, level: hlc } });
          await device.store.db.outbox.add({
            changeId: 'rewrite',
            table: 'evidence',
            recordId: evidence.id,
            fields: { level: 4 },
            hlc,
          });
          await saveClock(device.store.db, next);
        },
      );

      // As a server from before refusals carried the record's state answers.
      const real = device.transport();
      const older: SyncTransport = {
        ...real,
        push: async (request) => {
          const answer = await real.push(request);
          return { ...answer, rejected: answer.rejected.map(({ current: _current, ...rest }) => rest) };
        },
      };
      const result = await device.sync(older);

      expect(result.refused).toBe(1);
      expect((await device.store.db.evidence.get(evidence.id))?.level).toBe(2);
      expect(await snapshot(device.store)).toEqual(await serverView(device));
      expect((await listNotSaved(device.store))[0]).toMatchObject({ code: 'immutable', table: 'evidence' });
    } finally {
      await server.close();
    }
  });
});

describe('an attachment the server will not take', { timeout: 30_000 }, () => {
  it('is kept, listed and never sent again, and does not hold up the others', async () => {
    const store = testStore();
    store.env.setNow(T0);
    const ana = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    const odd = await putBlob(store, new TextEncoder().encode('<svg/>').buffer, 'image/svg+xml');
    const photo = await putBlob(store, new Uint8Array([1, 2, 3]).buffer, 'image/webp');
    await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['lt-names-upper'],
      kind: 'workSample',
      blobIds: [odd, photo],
      recordedBy: teacher,
    });
    const sent: string[] = [];
    const server = refusingServer(() => null);
    const transport: SyncTransport = {
      ...server.transport,
      putBlob: async (id, _bytes, mime) => {
        sent.push(id);
        if (mime === 'image/svg+xml') throw new SyncError('Not a type the app records', 'unsupportedMediaType', false);
      },
    };
    const first = await syncOnce({ store, transport });
    expect(first.uploaded).toBe(1);
    expect(sent.sort()).toEqual([odd, photo].sort());
    expect((await getBlob(store, odd))?.refusedAt).toBeDefined();
    expect((await listNotSaved(store))[0]).toMatchObject({ attachment: true, subject: { studentName: 'Ana' } });
    expect((await readSyncStatus(store)).pendingUploads).toBe(0);
    await syncOnce({ store, transport });
    expect(sent).toHaveLength(2);
  });
});

describe('what a device’s role may not write', { timeout: 30_000 }, () => {
  let server: TestServer;
  let school: SchoolSetup;

  beforeEach(async () => {
    server = await startTestServer('sqlite');
    server.clock.advance(T0 - server.clock.now());
    school = await setUpSchool(server);
  });

  afterEach(async () => {
    await server.close();
  });

  it('a normal station join refuses nothing: no starter content pushed, nothing waiting, nothing listed', async () => {
    const station = await enrolledDevice(
      'station',
      () => server.base,
      { joinCode: school.joinCode, kind: 'station' },
      T0,
    );
    const result = await station.sync();
    expect(result).toMatchObject({ pushed: 0, refused: 0, held: 0 });
    const status = await readSyncStatus(station.store);
    expect(status).toMatchObject({ pendingChanges: 0, heldChanges: 0, notSaved: [] });
  });

  it('a station refuses, before saving anything, a teacher’s judgment or a change to the targets', async () => {
    const account = await teacherDevice('t', () => server.base, school, T0, server.clock);
    const ana = await addStudent(account.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    await account.sync();
    const station = await enrolledDevice(
      'station',
      () => server.base,
      { joinCode: school.joinCode, kind: 'station' },
      T0,
    );
    await station.sync();
    const before = await snapshot(station.store);
    await expect(
      recordEvidence(station.store, {
        studentId: ana.id,
        targetIds: ['lt-names-upper'],
        kind: 'observation',
        level: 4,
        recordedBy: teacher,
      }),
    ).rejects.toBeInstanceOf(ForbiddenWriteError);
    await expect(
      writeFields(station.store.db, station.store.env, 'targets', 'lt-names-upper', { code: 'X' }),
    ).rejects.toThrow(/station cannot change/);
    expect(await snapshot(station.store)).toEqual(before);
    // A child's own work, waiting for review, is the station's to save and send.
    await recordEvidence(station.store, {
      studentId: ana.id,
      targetIds: ['lt-names-upper'],
      kind: 'selfAssessment',
      feeling: 3,
      recordedBy: { kind: 'student', id: ana.id },
      needsReview: true,
    });
    expect(await station.sync()).toMatchObject({ pushed: 1, refused: 0 });
  });

  it('never pushes changes made before joining that the new role may not send: they stay, counted apart', async () => {
    const store = testStore();
    store.env.setNow(T0);
    await seedFirstRun(store);
    // Used on its own first: a target edited and a child added to a class of its own.
    await writeFields(store.db, store.env, 'targets', 'lt-names-upper', { teacherStatement: 'Mine' });
    await addStudent(store, { classId: 'my-own-class', displayName: 'Bo', picture: 'owl', familyLanguage: 'en' });
    const station = await enrolledDevice(
      'station',
      () => server.base,
      { joinCode: school.joinCode, kind: 'station' },
      T0,
    );
    await saveConnection(store, station.connection as Connection);
    const pushed: PushRequest[] = [];
    const watching: SyncTransport = {
      ...station.transport(),
      push: (request) => {
        pushed.push(request);
        return station.transport().push(request);
      },
    };
    const result = await syncOnce({ store, transport: watching });
    expect(pushed).toEqual([]);
    expect(result).toMatchObject({ held: 2, refused: 0 });
    expect(await readSyncStatus(store)).toMatchObject({ pendingChanges: 0, heldChanges: 2, notSaved: [] });
    expect(await store.db.outbox.count()).toBe(2);
  });
});
