/**
 * Clocks on the device (issue 14, finding 1): it learns the server's time from its answers and stamps its
 * writes from it, never adopts a stamp beyond the bound, never makes a stamp the server cannot parse, stamps
 * a change again when the server finds it too far ahead (losing nothing), and data already carrying a
 * far-future stamp, pulled or in a backup, stops nobody's sync.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatHlc,
  isHlc,
  isTooFarAhead,
  MAX_CLOCK_AHEAD_MS,
  MAX_HLC_WALL_MS,
  parseHlc,
  type PullResponse,
  type PushRequest,
} from '#protocol';
import {
  addStudent,
  createBackup,
  getDeviceId,
  listNotSaved,
  readServerOffset,
  recordEvidence,
  restoreBackup,
  saveConnection,
  updateStudent,
  type Backup,
} from '#db';
import { syncOnce, type SyncTransport } from '#sync';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from '#tests/server/helpers/http.ts';
import { testStore } from '#tests/helpers/test-store.ts';
import { enrolledDevice, serverView, snapshot, teacherDevice } from './devices.ts';

// Each test runs a real server over HTTP: seconds on a busy 2-core machine (the describes' timeouts).
const T0 = Date.parse('2026-10-05T08:00:00Z');
const HOUR = 3_600_000;
const teacher = { kind: 'teacher', id: 't' } as const;

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

/** A server that only answers with its clock: pulls are empty, pushes are all accepted. */
function clockOnlyServer(serverTime: () => number): SyncTransport & { pushed: PushRequest[] } {
  const pushed: PushRequest[] = [];
  return {
    pushed,
    push: async (request) => {
      pushed.push(request);
      return { accepted: request.changes.map((c) => c.changeId), rejected: [], serverTime: serverTime() };
    },
    pull: async (): Promise<PullResponse> => ({ changes: [], cursor: '1', hasMore: false, serverTime: serverTime() }),
    putBlob: async () => undefined,
    getBlob: () => Promise.reject(new Error('no blobs')),
  };
}

describe('a tablet’s clock', { timeout: 30_000 }, () => {
  it('learns how far off the server it is and stamps its writes from the server’s time', async () => {
    const store = testStore();
    store.env.setNow(T0 + 3 * HOUR); // three hours ahead
    await syncOnce({ store, transport: clockOnlyServer(() => T0) });
    expect((await readServerOffset(store.db))?.offsetMs).toBe(-3 * HOUR);

    await addStudent(store, { classId: 'c', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    const [entry] = await store.db.outbox.toArray();
    expect(parseHlc(entry!.hlc).wallMs).toBe(T0);
  });

  it('stamps again what the server finds too far ahead and sends it again, in order, losing nothing', async () => {
    const device = await teacherDevice('ahead', () => server.base, school, T0 + 5 * HOUR, server.clock);
    // Offline, on a clock five hours ahead: a child, her evidence, and a later rename.
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
      level: 3,
      recordedBy: teacher,
    });
    await updateStudent(device.store, ana.id, { displayName: 'Ana María' });
    const before = (await device.store.db.outbox.toArray()).map((e) => e.hlc);
    expect(before.every((stamp) => isTooFarAhead(stamp, T0))).toBe(true);

    const result = await device.sync();

    expect(result.restamped).toBe(3);
    expect(result.refused).toBe(0);
    expect(await device.store.db.outbox.count()).toBe(0);
    expect(await listNotSaved(device.store)).toEqual([]);
    // The row's stamps are the new ones, and the device is exactly what the server holds.
    const row = (await device.store.db.students.get(ana.id))!;
    for (const stamp of Object.values(row._hlc)) expect(isTooFarAhead(stamp, T0)).toBe(false);
    expect(row._hlc['displayName']! > row._hlc['picture']!).toBe(true);
    const view = await serverView(device);
    expect(view[`students/${ana.id}`]).toMatchObject({ displayName: 'Ana María', picture: 'fox' });
    expect(view[`evidence/${evidence.id}`]).toMatchObject({ level: 3 });
    expect(await snapshot(device.store)).toEqual(view);
  });

  it('is not moved by a far-future stamp the server already holds, and keeps syncing', async () => {
    // A record stamped 9999999999999-999999 reached the server before the bound existed (the server's
    // clock is moved there and back to let it in).
    // A class tablet: its token does not expire while the server's clock is moved.
    const poisoner = await enrolledDevice(
      'poisoner',
      () => server.base,
      {
        joinCode: school.joinCode,
        kind: 'teacher',
        teacherToken: school.teacher.token,
      },
      T0,
    );
    const deviceId = await getDeviceId(poisoner.store.db, poisoner.store.env);
    const poison = '9999999999999-999999-poisoner';
    await poisoner.store.db.students.put({
      id: 'poisoned',
      classId: school.classId,
      displayName: 'Zed',
      picture: 'cat',
      familyLanguage: 'en',
      archived: false,
      _hlc: { classId: poison, displayName: poison, picture: poison, familyLanguage: poison, archived: poison },
    });
    const fields = {
      classId: school.classId,
      displayName: 'Zed',
      picture: 'cat',
      familyLanguage: 'en',
      archived: false,
    };
    await poisoner.store.db.outbox.add({
      changeId: `c-${deviceId}`,
      table: 'students',
      recordId: 'poisoned',
      fields,
      hlc: poison,
    });
    server.clock.advance(MAX_HLC_WALL_MS - server.clock.now());
    await poisoner.sync();
    server.clock.advance(T0 - server.clock.now());

    const victim = await enrolledDevice(
      'victim',
      () => server.base,
      {
        joinCode: school.joinCode,
        kind: 'teacher',
        teacherToken: (await teacherDevice('t', () => server.base, school, T0)).connection.token,
      },
      T0,
      server.clock,
    );
    await victim.sync();
    expect((await victim.store.db.students.get('poisoned'))?.displayName).toBe('Zed');
    // Its next stamps are its own time, parseable, and the server takes them (before: a 14-digit wall, and
    // every push after that refused as malformed).
    const ana = await addStudent(victim.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    const stamp = (await victim.store.db.outbox.toArray())[0]!.hlc;
    expect(isHlc(stamp)).toBe(true);
    expect(parseHlc(stamp).wallMs).toBeLessThan(T0 + MAX_CLOCK_AHEAD_MS);
    const result = await victim.sync();
    expect(result.pushed).toBe(1);
    expect((await serverView(victim))[`students/${ana.id}`]).toMatchObject({ displayName: 'Ana' });
  });

  it('sends a restored backup’s far-future changes again under good stamps, and its clock stays sane', async () => {
    // A tablet whose clock was two days ahead saved its work to a backup file, never synced.
    const old = testStore();
    old.env.setNow(T0 + 48 * HOUR);
    const ben = await addStudent(old, {
      classId: school.classId,
      displayName: 'Ben',
      picture: 'owl',
      familyLanguage: 'en',
    });
    const file: Backup = await createBackup(old);
    // And a change in the file stamped at the end of time (a forged file, or a clock gone wrong).
    const poison = '9999999999999-999999-x';
    const { seq: _seq, ...first } = file.outbox[0]!;
    const forged = { ...first, changeId: 'forged', fields: { picture: 'bee' }, hlc: poison };
    const students = file.tables.students.map((row) =>
      row.id === ben.id ? { ...row, picture: 'bee', _hlc: { ...row._hlc, picture: poison } } : row,
    );
    const backup: Backup = { ...file, tables: { ...file.tables, students }, outbox: [...file.outbox, forged] };

    const device = await teacherDevice('restored', () => server.base, school, T0, server.clock);
    await restoreBackup(device.store, backup, { replace: true });
    await saveConnection(device.store, device.connection);
    await addStudent(device.store, {
      classId: school.classId,
      displayName: 'Cy',
      picture: 'cat',
      familyLanguage: 'en',
    });
    const mine = (await device.store.db.outbox.toArray()).at(-1)!.hlc;
    expect(isTooFarAhead(mine, T0)).toBe(false);

    const result = await device.sync();
    expect(result.restamped).toBeGreaterThanOrEqual(2);
    expect(await device.store.db.outbox.count()).toBe(0);
    expect((await serverView(device))[`students/${ben.id}`]).toMatchObject({ displayName: 'Ben', picture: 'bee' });
    expect(await snapshot(device.store)).toEqual(await serverView(device));
  });

  it('never makes a stamp with a 14-digit wall, even from a clock set centuries ahead', async () => {
    const store = testStore();
    store.env.setNow(MAX_HLC_WALL_MS * 3);
    await addStudent(store, { classId: 'c', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    await updateStudent(store, (await store.db.students.toArray())[0]!.id, { displayName: 'Ana B' });
    for (const entry of await store.db.outbox.toArray()) expect(isHlc(entry.hlc), entry.hlc).toBe(true);
    const answered = clockOnlyServer(() => T0);
    await syncOnce({ store, transport: answered });
    expect(answered.pushed.flatMap((p) => p.changes).every((c) => isHlc(c.hlc))).toBe(true);
    expect(formatHlc({ wallMs: MAX_HLC_WALL_MS + 5, counter: 0 }, 'd')).toMatch(/^9999999999999-/);
  });
});
