import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStudent, countOutbox, getSyncReport, listClasses, recordDecision } from '#db';
import { createSyncController, httpTransport, type SyncTransport } from '#sync';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from '#tests/server/helpers/http.ts';
import { testEnv, testStore } from '#tests/helpers/test-store.ts';
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

describe('a station between children', () => {
  it('sends the signed-in child’s work before the next child signs in or they sign out', async () => {
    const f = fakeSchedulerEnv();
    const teacherStore = testStore();
    const teacher = createSyncController({ store: teacherStore, schedulerEnv: f.env });
    await teacher.signIn(server.base, school.email, school.password);
    const [ana, ben] = [
      await addStudent(teacherStore, {
        classId: school.classId,
        displayName: 'Ana',
        picture: 'owl',
        familyLanguage: 'en',
      }),
      await addStudent(teacherStore, {
        classId: school.classId,
        displayName: 'Ben',
        picture: 'cat',
        familyLanguage: 'en',
      }),
    ];
    await teacher.syncNow();

    // A clock a minute on from the teacher's tablet's, so the two tablets' ids differ.
    const store = testStore(testEnv(Date.UTC(2026, 8, 1, 9, 1)));
    const station = createSyncController({ store, schedulerEnv: f.env });
    await station.enrollStation(server.base, school.joinCode);
    const chooses = async (child: { id: string }) =>
      (
        await recordDecision(store, {
          studentId: child.id,
          targetId: 'lt-names-upper',
          kind: 'chooseNext',
          decidedBy: { kind: 'student', id: child.id },
        })
      ).id;
    const onServer = async (id: string) =>
      (await server.storage.getRecords(school.teacher.scope.schoolId, [{ table: 'decisions', recordId: id }])).length;

    // Each child chooses and is gone before the sync that follows a write (2 s later): the choice must not
    // wait, held, for that child to come back (the station may send only its signed-in child's choices).
    expect(await station.stationSignIn(ana.id)).toBe(true);
    const anasChoice = await chooses(ana);
    expect(await station.stationSignIn(ben.id)).toBe(true);
    expect(await onServer(anasChoice)).toBe(1);
    const bensChoice = await chooses(ben);
    await station.stationSignOut();
    expect(await onServer(bensChoice)).toBe(1);
    expect(await countOutbox(store)).toBe(0);

    await station.disconnect();
    await teacher.disconnect();
  });
});
