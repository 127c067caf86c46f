/**
 * A tablet joined to a class as a station through a real school server. The server lets a station see only
 * the picture-grid fields of the class's students (no family language), so every screen must do without
 * them: this is where the whole app once turned white.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { previewOneRoster } from '#protocol/oneroster.ts';
import { getConnection, getDeviceRole, importRoster, rosterId, seedFirstRun, StoreProvider } from '#db';
import { translate } from '#i18n';
import StationPage from '#features/station/StationPage.tsx';
import { useLanguageStore } from '#state/language-store.ts';
import { SyncControllerContext } from '#state/sync-controller.ts';
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

// The service worker is the built app's (vite-plugin-pwa), not what this test is about.
vi.mock('#app/register-service-worker.ts', () => ({ registerServiceWorker: () => async () => undefined }));
const { App } = await import('#app/App.tsx');

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

/** A teacher puts a Spanish-speaking class on the server and gives out its join code. */
async function classOnServer() {
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
  return { classId, joinCode };
}

/** A fresh tablet (its own demo class loaded) joins that class as a station. */
async function joinedStation() {
  const { classId, joinCode } = await classOnServer();
  const station = device();
  controllers.push(station.sync);
  await seedFirstRun(station.store);
  await station.sync.enroll(server.base, { joinCode, kind: 'station', deviceName: 'Reading corner' });
  expect((await getConnection(station.store))?.scope.classId).toBe(classId);
  return { station, classId };
}

describe('a station joined through the school server', () => {
  it('shows its set-up, read-aloud clips in the language of the children’s families, which the grid carries', async () => {
    const { station, classId } = await joinedStation();
    // What the station's set-up reads: the joined class, its children as the server let the station see them.
    await station.store.db.settings.put({
      key: 'station',
      value: { classId, isOn: false, showNames: true, pin: null },
    });
    renderWithStore(<StationPage />, station.store, { route: '/station' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Station mode' })).toBeInTheDocument();
    const clips = (await screen.findByRole('heading', { level: 2, name: /Read-aloud/i })).closest('section')!;
    // The picture grid carries each child's family language (a child is asked "Is it you?" in it), so the
    // clip is offered in the class's language; the class has no class path, so every target can get a clip.
    expect(within(clips).getByLabelText('Language of the clip')).toHaveDisplayValue('Spanish');
    const targets = within(clips).getByLabelText('Learning target') as HTMLSelectElement;
    expect(targets.options.length).toBeGreaterThan(0);
  });

  it('is joined from Settings, leads straight to the class’s set-up, and a child signs in', async () => {
    const { classId, joinCode } = await classOnServer();
    const station = device();
    controllers.push(station.sync);
    await seedFirstRun(station.store);
    useLanguageStore.setState({ language: 'es' });
    await act(async () => {
      render(
        <StoreProvider store={station.store}>
          <SyncControllerContext.Provider value={station.sync}>
            <MemoryRouter initialEntries={['/settings']}>
              <Suspense fallback={null}>
                <App />
              </Suspense>
            </MemoryRouter>
          </SyncControllerContext.Provider>
        </StoreProvider>,
      );
    });
    const user = userEvent.setup();
    const server_ = await screen.findByLabelText('Dirección del servidor', undefined, { timeout: 10_000 });
    await user.clear(server_);
    await user.type(server_, server.base);
    const join = screen.getByRole('form', { name: 'O únete a una clase con su código' });
    await user.type(within(join).getByLabelText('Código de la clase'), joinCode);
    await user.click(within(join).getByRole('button', { name: 'Unirse como estación' }));

    // Straight to the station's set-up for the joined class: no teacher menu, no other class.
    expect(await screen.findByRole('heading', { level: 1, name: 'Modo estación' }, { timeout: 10_000 })).toBeVisible();
    expect(await screen.findByText('Esta tableta es una estación para Kindergarten A.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(await getDeviceRole(station.store)).toEqual({ kind: 'station', classId });

    await user.type(screen.getByLabelText(/Elige un PIN de maestro/), '2468');
    await user.type(screen.getByLabelText('Escribe el PIN otra vez'), '2468');
    await user.click(screen.getByRole('button', { name: 'Empezar la estación' }));
    const grid = await screen.findByRole('list', { name: '¿Quién eres? Busca tu dibujo.' });
    expect(
      within(grid)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label') ?? b.textContent),
    ).toEqual([expect.stringMatching(/^Ana/), expect.stringMatching(/^Ben/)]);

    // Ana is asked in her family's language (the grid carries it), here also the tablet's.
    await user.click(within(grid).getByRole('button', { name: /^Ana/ }));
    const choices = await screen.findByRole('list', { name: '¿Eres tú? Busca tu dibujo otra vez.' });
    await user.click(within(choices).getByRole('button', { name: /zorro/ }));
    expect(
      await screen.findByRole('button', { name: translate('es', 'kiosk.tile.done') }, { timeout: 10_000 }),
    ).toBeVisible();
  });
});
