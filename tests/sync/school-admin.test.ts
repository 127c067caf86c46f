/**
 * The teacher's side of the school server through the device's sync controller, against a real server:
 * sign-up, a roster class reaching the server with a join code, enrolling a station and a teacher tablet,
 * listing and revoking devices, a new join code, the account's password; and clear failures offline or without a teacher connection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewOneRoster } from '#protocol/oneroster.ts';
import {
  getActiveClass,
  getConnection,
  getDemoRetired,
  hasDemoData,
  importRoster,
  listClasses,
  listStudents,
  readSyncStatus,
  rosterId,
  saveConnection,
  seedFirstRun,
  type Connection,
} from '#db';
import { DEMO_CLASS_ID, DEMO_EMAIL, DEMO_PASSWORD, seedDemoSchool } from '#server/seed.ts';
import { createSyncController, type SchedulerEnv } from '#sync';
import { isUnreachable } from '#state/sync-controller.ts';
import { startTestServer, type TestServer } from '#tests/server/helpers/http.ts';
import { testStore } from '#tests/helpers/test-store.ts';

/** Syncs only when asked (syncNow, or right after connecting): no timers left running. */
const manualEnv: SchedulerEnv = {
  setTimeout: () => null,
  clearTimeout: () => undefined,
  isOnline: () => true,
  onOnline: () => () => undefined,
  withLock: async (fn) => {
    await fn();
    return true;
  },
  random: () => 0.5,
};

function device() {
  const store = testStore();
  return { store, sync: createSyncController({ store, schedulerEnv: manualEnv }) };
}

function roster(): Record<string, string> {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'oneroster', 'v1p1');
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

const account = {
  email: 'ms.rivera@riverside.test',
  password: 'a long enough password',
  displayName: 'Ms Rivera',
  schoolName: 'Riverside Elementary',
};

let server: TestServer;
const controllers: ReturnType<typeof device>['sync'][] = [];
const track = (d: ReturnType<typeof device>) => (controllers.push(d.sync), d);

beforeEach(async () => {
  server = await startTestServer('sqlite');
});
afterEach(async () => {
  for (const c of controllers.splice(0)) await c.disconnect();
  await server.close();
});

describe('the teacher’s side of the school server', () => {
  it('signs up, gets a join code for a roster class, enrolls a station and a teacher tablet, and manages them', async () => {
    const teacher = track(device());
    await teacher.sync.signUp(server.base, account);
    const own = (await getConnection(teacher.store))!;
    expect(own).toMatchObject({ kind: 'teacher', scope: { schoolId: expect.any(String) } });
    expect(own.scope.classId).toBeUndefined();

    await importRoster(teacher.store, previewOneRoster(roster()), {
      classSourcedIds: ['cls-k-a'],
      pictures: ['fox', 'owl'],
      familyLanguage: 'es',
    });
    await teacher.sync.syncNow();
    const classId = rosterId('cls-k-a');
    const [listed] = (await teacher.sync.listClasses()).filter((c) => c.classId === classId);
    expect(listed).toEqual({ classId, name: 'Kindergarten A', joinCode: expect.stringMatching(/^[A-Z2-9]{8}$/) });

    const station = track(device());
    await station.sync.enroll(server.base, {
      joinCode: `${listed!.joinCode.slice(0, 4)} ${listed!.joinCode.slice(4)}`.toLowerCase(),
      kind: 'station',
      deviceName: 'Reading corner',
    });
    expect((await getConnection(station.store))?.scope.classId).toBe(classId);
    expect((await listStudents(station.store, classId)).map((s) => s.displayName).sort()).toEqual(['Ana', 'Ben']);

    const tablet = track(device());
    await tablet.sync.enroll(server.base, {
      joinCode: listed!.joinCode,
      kind: 'teacher',
      deviceName: 'Ms Rivera’s tablet',
      teacher: { email: account.email, password: account.password },
    });
    const tabletConnection = (await getConnection(tablet.store))!;
    expect(tabletConnection).toMatchObject({ kind: 'teacher', scope: { classId } });
    expect((await tablet.sync.listClasses()).map((c) => c.classId)).toEqual([classId]);

    const devices = await teacher.sync.listDevices();
    const stationConnection = (await getConnection(station.store))!;
    expect(devices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          deviceTokenId: stationConnection.deviceTokenId,
          kind: 'station',
          classId,
          deviceName: 'Reading corner',
          revokedAt: null,
        }),
        expect.objectContaining({
          deviceTokenId: tabletConnection.deviceTokenId,
          kind: 'teacher',
          classId,
          deviceName: 'Ms Rivera’s tablet',
          revokedAt: null,
        }),
      ]),
    );
    // The tablet's school-wide sign-in only proved a teacher was there: it is revoked at once.
    const proof = devices.filter(
      (d) => d.classId === null && d.deviceTokenId !== own.deviceTokenId && d.kind === 'teacher',
    );
    expect(proof.map((d) => d.revokedAt)).toEqual([expect.any(String)]);

    await teacher.sync.revokeDevice(stationConnection.deviceTokenId);
    const session = await server.call('GET', '/api/v1/session', { token: stationConnection.token });
    expect(session.status).toBe(401);
    await expect(teacher.sync.revokeDevice(own.deviceTokenId)).rejects.toMatchObject({ code: 'ownDevice' });
    expect((await server.call('GET', '/api/v1/session', { token: own.token })).status).toBe(200);

    const fresh = await teacher.sync.newJoinCode(classId);
    expect(fresh).not.toBe(listed!.joinCode);
    expect((await teacher.sync.listClasses()).find((c) => c.classId === classId)?.joinCode).toBe(fresh);
    await expect(
      track(device()).sync.enroll(server.base, { joinCode: listed!.joinCode, kind: 'station' }),
    ).rejects.toThrow(/No class has this join code/);
  });

  it('refuses a teacher tablet without the right password, and leaves the device unconnected', async () => {
    const teacher = track(device());
    await teacher.sync.signUp(server.base, account);
    const tablet = track(device());
    const code = 'ABCD2345';
    await expect(
      tablet.sync.enroll(server.base, {
        joinCode: code,
        kind: 'teacher',
        teacher: { email: account.email, password: 'not the password' },
      }),
    ).rejects.toThrow(/Email or password is wrong/);
    expect(await getConnection(tablet.store)).toBeNull();
    await expect(tablet.sync.enroll(server.base, { joinCode: code, kind: 'teacher' })).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it('changes the account’s password: this tablet stays connected, the account’s other tablet must sign in again', async () => {
    const teacher = track(device());
    await teacher.sync.signUp(server.base, account);
    const laptop = track(device());
    await laptop.sync.signIn(server.base, account.email, account.password);

    await expect(teacher.sync.changePassword('not the password', 'lantern orchard kettle')).rejects.toMatchObject({
      code: 'wrongPassword',
    });
    await expect(teacher.sync.changePassword(account.password, 'Ms Rivera reads 42')).rejects.toMatchObject({
      code: 'weakPassword',
      details: ['containsName'],
    });
    await teacher.sync.changePassword(account.password, 'lantern orchard kettle');

    await teacher.sync.syncNow();
    expect((await readSyncStatus(teacher.store)).lastError).toBeNull();
    await expect(teacher.sync.listDevices()).resolves.toBeDefined();
    await expect(laptop.sync.listDevices()).rejects.toMatchObject({ code: 'unauthorized' });
    const again = track(device());
    await expect(again.sync.signIn(server.base, account.email, account.password)).rejects.toThrow(
      /Email or password is wrong/,
    );
    await again.sync.signIn(server.base, account.email, 'lantern orchard kettle');
    expect(await getConnection(again.store)).toMatchObject({ kind: 'teacher' });
  });

  it('says when the server cannot be reached, or when this device is not a connected teacher', async () => {
    const store = testStore();
    const offline = createSyncController({
      store,
      schedulerEnv: manualEnv,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(offline.listDevices()).rejects.toMatchObject({ code: 'notConnected' });
    const connection: Connection = {
      baseUrl: server.base,
      token: 'x'.repeat(43),
      deviceTokenId: 'me',
      kind: 'teacher',
      scope: { schoolId: 's' },
    };
    await saveConnection(store, connection);
    const error = await offline.listDevices().catch((e: unknown) => e);
    expect(isUnreachable(error)).toBe(true);
    expect(isUnreachable(await offline.listClasses().catch((e: unknown) => e))).toBe(true);

    await saveConnection(store, { ...connection, kind: 'station', scope: { schoolId: 's', classId: 'c' } });
    const refused = await offline.listClasses().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect(isUnreachable(refused)).toBe(false);
  });
});

describe('the first minute with a school server', () => {
  it('the tablet’s own demo class steps aside for the school’s classes when the teacher signs in', async () => {
    await seedDemoSchool({ storage: server.storage, clock: server.clock });
    const tablet = track(device());
    await seedFirstRun(tablet.store);
    expect((await getActiveClass(tablet.store))?.name).toBe('Kindergarten, Room 4 (demo)');

    await tablet.sync.signIn(server.base, DEMO_EMAIL, DEMO_PASSWORD);
    // One class, the server's, and it is the one shown; the local demo is gone, and the tablet says so.
    expect((await listClasses(tablet.store)).map((c) => c.name)).toEqual(['Room 4 (demo)']);
    expect((await getActiveClass(tablet.store))?.id).toBe(DEMO_CLASS_ID);
    expect(await hasDemoData(tablet.store)).toBe(false);
    expect(await getDemoRetired(tablet.store)).toMatchObject({ className: 'Kindergarten, Room 4 (demo)' });
    // The starter frameworks stay.
    expect(await tablet.store.db.frameworks.get('kindergarten-literacy')).toBeDefined();
  });
});
