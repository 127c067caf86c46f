import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSyncReport, listClasses } from '#db';
import { createSyncController, httpTransport, type SyncTransport } from '#sync';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from '#tests/server/helpers/http.ts';
import { testStore } from '#tests/helpers/test-store.ts';
import { fakeSchedulerEnv } from './fake-scheduler-env.ts';

let server: TestServer;
let school: SchoolSetup;

beforeEach(async () => {
  server = await startTestServer('sqlite');
  school = await setUpSchool(server);
});

afterEach(async () => {
  await server.close();
});

describe('sync controller', () => {
  it('signing in syncs once, and is done when the promise resolves', async () => {
    const store = testStore();
    const f = fakeSchedulerEnv();
    let pulls = 0;
    const controller = createSyncController({
      store,
      schedulerEnv: f.env,
      makeTransport: (connection): SyncTransport => {
        const http = httpTransport(connection);
        return { ...http, pull: (since, limit) => (pulls++, http.pull(since, limit)) };
      },
    });

    await controller.signIn(server.base, school.email, school.password);
    expect((await listClasses(store)).map((c) => c.name).sort()).toEqual(['Room A', 'Room B']);
    expect((await getSyncReport(store)).lastSyncedAt).not.toBeNull();
    expect(pulls).toBe(1);

    // No second round queued behind the first: the next one is the periodic sync.
    expect(f.nextTimerIn()).toBe(60_000);
    await f.advance(0);
    expect(pulls).toBe(1);
    await controller.disconnect();
  });
});
