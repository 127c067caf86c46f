/**
 * A tablet joined to a class as a station through a real school server. The server lets a station see only
 * the picture-grid fields of the class's students (no family language), so every screen must do without
 * them: this is where the whole app once turned white.
 */
import { screen } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { previewOneRoster } from '#protocol/oneroster.ts';
import { enterStationMode, getConnection, importRoster, rosterId, seedFirstRun } from '#db';
import StationPage from '#features/station/StationPage.tsx';
import { createSyncController, type SchedulerEnv } from '#sync';
import { startTestServer, type TestServer } from '#tests/server/helpers/http.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

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

let server: TestServer;
const controllers: ReturnType<typeof device>['sync'][] = [];

beforeEach(async () => {
  server = await startTestServer('sqlite');
  // A browser with speech synthesis and an English voice, as Chromium on a tablet.
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => [{ lang: 'en-US' }],
    cancel: () => undefined,
    speak: () => undefined,
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const c of controllers.splice(0)) await c.disconnect();
  await server.close();
});

/** A teacher puts a Spanish-speaking class on the server; a fresh tablet joins it as a station. */
async function joinedStation() {
  const teacher = device();
  controllers.push(teacher.sync);
  await teacher.sync.signUp(server.base, {
    email: 'ms.rivera@riverside.test',
    password: 'a long enough password',
    displayName: 'Ms Rivera',
    schoolName: 'Riverside Elementary',
  });
  await importRoster(teacher.store, previewOneRoster(roster()), {
    classSourcedIds: ['cls-k-a'],
    pictures: ['fox', 'owl'],
    familyLanguage: 'es',
  });
  await teacher.sync.syncNow();
  const classId = rosterId('cls-k-a');
  const joinCode = (await teacher.sync.listClasses()).find((c) => c.classId === classId)!.joinCode;

  const station = device();
  controllers.push(station.sync);
  await seedFirstRun(station.store);
  await station.sync.enroll(server.base, { joinCode, kind: 'station', deviceName: 'Reading corner' });
  expect((await getConnection(station.store))?.scope.classId).toBe(classId);
  return { station, classId };
}

describe('a station joined through the school server', () => {
  it('shows its set-up, read-aloud clips included, for children whose family language it cannot see', async () => {
    const { station, classId } = await joinedStation();
    // What the station's set-up reads: the joined class, its children as the server let the station see them.
    await station.store.db.settings.put({
      key: 'station',
      value: { classId, isOn: false, showNames: true, pin: null },
    });
    renderWithStore(<StationPage />, station.store, { route: '/station' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Station mode' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: /Read-aloud/i })).toBeInTheDocument();
    void enterStationMode;
  });
});
