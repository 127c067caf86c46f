import { afterEach, describe, expect, it } from 'vitest';
import { getSyncReport, listClasses } from '#db';
import type { DeviceSyncController, SyncControllerOptions } from '#sync';
import { lazySyncController } from '#app/lazy-sync.ts';
import type { SyncController } from '#state/sync-controller.ts';
import { setUpSchool, startTestServer, type TestServer } from '#tests/server/helpers/http.ts';
import { testStore } from '#tests/helpers/test-store.ts';
import { fakeSchedulerEnv } from '#tests/sync/fake-scheduler-env.ts';

/** A stand-in engine that records every call it receives (not a thenable: it is what a promise gives). */
function recordingEngine() {
  const calls: string[] = [];
  const engine = new Proxy({} as DeviceSyncController, {
    get: (_, name: string) =>
      name === 'then'
        ? undefined
        : (...args: unknown[]) => {
            calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
            return Promise.resolve(name === 'stationSignIn' ? true : undefined);
          },
  });
  return { calls, engine };
}

describe('the sync engine loaded after the first screen', () => {
  it('a call made before the engine has loaded waits for it; a device connected before resumes once it is in', async () => {
    const { calls, engine } = recordingEngine();
    let loaded: (engine: DeviceSyncController) => void = () => undefined;
    const seen: SyncControllerOptions[] = [];
    const options: SyncControllerOptions = { store: testStore() };
    const controller = lazySyncController(options, (given) => {
      seen.push(given);
      return new Promise((resolve) => (loaded = resolve));
    });
    const signedIn = controller.signIn('https://school.test', 'a@b.test', 'pw');
    const atStation = controller.stationSignIn('child-1');
    await Promise.resolve();
    expect(calls).toEqual([]);
    loaded(engine);
    await signedIn;
    expect(await atStation).toBe(true);
    expect(seen).toEqual([options]);
    expect(calls).toEqual(['resume()', 'signIn("https://school.test", "a@b.test", "pw")', 'stationSignIn("child-1")']);
  });

  it('loads nothing until what it starts after has happened (the first screen painted)', async () => {
    const { calls, engine } = recordingEngine();
    let screenShown: () => void = () => undefined;
    const shown = new Promise<void>((resolve) => (screenShown = resolve));
    let loads = 0;
    const controller = lazySyncController(
      { store: testStore() },
      () => {
        loads++;
        return Promise.resolve(engine);
      },
      shown,
    );
    const synced = controller.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(loads).toBe(0);
    screenShown();
    await synced;
    expect(loads).toBe(1);
    expect(calls).toEqual(['resume()', 'syncNow()']);
  });

  it('hands every call of the controller on with its arguments', async () => {
    const { calls, engine } = recordingEngine();
    const controller = lazySyncController({ store: testStore() }, () => Promise.resolve(engine));
    const asked: Record<keyof SyncController, () => Promise<unknown>> = {
      signIn: () => controller.signIn('u', 'e', 'p'),
      signUp: () => controller.signUp('u', { email: 'e', password: 'p', displayName: 'd', schoolName: 's' }),
      enroll: () => controller.enroll('u', { joinCode: 'J', kind: 'station' }),
      enrollStation: () => controller.enrollStation('u', 'J'),
      listClasses: () => controller.listClasses(),
      listDevices: () => controller.listDevices(),
      newJoinCode: () => controller.newJoinCode('c'),
      revokeDevice: () => controller.revokeDevice('t'),
      changePassword: () => controller.changePassword('old', 'new'),
      stationSignIn: () => controller.stationSignIn('s'),
      stationSignOut: () => controller.stationSignOut(),
      enrollAs: () => controller.enrollAs({ kind: 'station', classId: 'c' }),
      disconnect: () => controller.disconnect(),
      syncNow: () => controller.syncNow(),
      fetchAttachment: () => controller.fetchAttachment('b'),
    };
    for (const ask of Object.values(asked)) await ask();
    expect(calls.slice(1).map((c) => c.slice(0, c.indexOf('(')))).toEqual(Object.keys(asked));
    expect(calls).toContain('enrollAs({"kind":"station","classId":"c"})');
  });

  describe('with the real engine', () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.close();
    });

    it('signs in and syncs through the engine it loads', async () => {
      server = await startTestServer('sqlite');
      const school = await setUpSchool(server);
      const store = testStore();
      const controller = lazySyncController({ store, schedulerEnv: fakeSchedulerEnv().env });
      await controller.signIn(server.base, school.email, school.password);
      expect((await listClasses(store)).map((c) => c.name).sort()).toEqual(['Room A', 'Room B']);
      expect((await getSyncReport(store)).lastSyncedAt).not.toBeNull();
      await controller.disconnect();
    });
  });
});
