/**
 * The app as each kind of tablet shows it: a student's tablet opens only that student's path whatever
 * address is typed, a station only the station, and a teacher unlocks either with the teacher PIN.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ACTIVE_CLASS_KEY,
  getDeviceRole,
  getSetting,
  listStudents,
  lockDevice,
  saveConnection,
  seedFirstRun,
  type Store,
} from '#db';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

// The service worker is the built app's (vite-plugin-pwa): not part of what a tablet's role shows.
vi.mock('#app/register-service-worker.ts', () => ({ registerServiceWorker: () => async () => undefined }));
const { App } = await import('#app/App.tsx');

const PIN = '5791';

async function seeded() {
  const store = testStore();
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  const [me, other] = await listStudents(store, classId);
  return { store, classId, me: me!, other: other! };
}

async function renderApp(store: Store, route: string, language = 'en') {
  let result: ReturnType<typeof renderWithStore> | undefined;
  await act(async () => {
    result = renderWithStore(<App />, store, { route, language });
  });
  return { ...result!, user: userEvent.setup() };
}

describe('a student’s tablet', () => {
  it.each(['/settings', '/backup', '/roster', '/class', '/overview', '/frameworks', '/station', '/class-path'])(
    'shows the locked screen at %s, never the page, and no teacher menu',
    async (address) => {
      const { store, me } = await seeded();
      await lockDevice(store, { kind: 'student', studentId: me.id }, PIN);
      await renderApp(store, address);
      const locked = await screen.findByTestId('locked-screen');
      expect(within(locked).getByRole('heading', { level: 1 })).toHaveTextContent('This tablet is locked');
      await waitFor(() => expect(locked).toHaveTextContent(`This is ${me.displayName}’s tablet`));
      const nav = screen.getByRole('navigation', { name: 'Main' });
      expect(
        within(nav)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['My path']);
      for (const teacherWord of ['Settings', 'Backup', 'Roster', 'Remove demo data', 'Class join code']) {
        expect(screen.queryByText(teacherWord)).toBeNull();
      }
    },
  );

  it('shows another child’s pages as locked, naming no one else, and opens on its own student’s path', async () => {
    const { store, me, other } = await seeded();
    await lockDevice(store, { kind: 'student', studentId: me.id }, PIN);
    for (const address of [`/student/${other.id}`, `/my-path/${other.id}`, `/conference/${other.id}`]) {
      const { unmount } = await renderApp(store, address);
      expect(await screen.findByTestId('locked-screen')).toBeInTheDocument();
      expect(document.body).not.toHaveTextContent(other.displayName);
      unmount();
    }
    // The teacher's view of the student's own page is a teacher screen too.
    const { unmount } = await renderApp(store, `/student/${me.id}`);
    expect(await screen.findByTestId('locked-screen')).toBeInTheDocument();
    unmount();

    await renderApp(store, '/');
    expect(
      await screen.findByRole('heading', { level: 1, name: `My path: ${me.displayName}` }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('unlocks only with the teacher PIN, then shows the page that was typed', async () => {
    const { store, me } = await seeded();
    await lockDevice(store, { kind: 'student', studentId: me.id }, PIN);
    const { user } = await renderApp(store, '/settings', 'es');
    const locked = await screen.findByTestId('locked-screen');
    await waitFor(() => expect(locked).toHaveTextContent(`Esta es la tableta de ${me.displayName}`));
    await user.click(within(locked).getByRole('button', { name: /Maestro: desbloquear/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Desbloquear esta tableta' });
    await user.type(within(dialog).getByLabelText('PIN de maestro'), '0000');
    await user.click(within(dialog).getByRole('button', { name: 'Desbloquear' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Ese PIN no es correcto');
    expect(await getDeviceRole(store)).toEqual({ kind: 'student', studentId: me.id });

    await user.type(within(dialog).getByLabelText('PIN de maestro'), PIN);
    await user.click(within(dialog).getByRole('button', { name: 'Desbloquear' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ajustes' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(await getDeviceRole(store)).toEqual({ kind: 'teacher' });
  });
});

describe('a station', () => {
  it('joined to a class through a school server shows only that class’s set-up, at any address', async () => {
    const { store, classId } = await seeded();
    await saveConnection(store, {
      baseUrl: 'https://school.test',
      token: 't'.repeat(43),
      deviceTokenId: 'station-token',
      kind: 'station',
      scope: { schoolId: 'school', classId },
    });
    for (const address of ['/settings', '/class', '/backup']) {
      const { unmount } = await renderApp(store, address);
      expect(await screen.findByRole('heading', { level: 1, name: 'Station mode' }, { timeout: 10_000 })).toBeVisible();
      expect(screen.queryByRole('navigation')).toBeNull();
      expect(screen.queryByLabelText('Class')).toBeNull();
      expect(screen.getByText(/This tablet is a station for Kindergarten, Room 4/)).toBeInTheDocument();
      unmount();
    }
  });
});

describe('a teacher’s tablet', () => {
  it('hands the tablet to a student from the student page, behind a new teacher PIN', async () => {
    const { store, me } = await seeded();
    const { user } = await renderApp(store, `/student/${me.id}`);
    expect(
      await screen.findByRole('link', { name: `My path (what ${me.displayName} sees)` }, { timeout: 10_000 }),
    ).toHaveAttribute('href', `/my-path/${me.id}`);
    await user.click(screen.getByText(`Give this tablet to ${me.displayName}`));
    const form = screen.getByRole('form', { name: `Give this tablet to ${me.displayName}` });
    await user.type(within(form).getByLabelText(/Choose a teacher PIN/), PIN);
    await user.type(within(form).getByLabelText('Type the PIN again'), '5790');
    await user.click(within(form).getByRole('button', { name: `Give the tablet to ${me.displayName}` }));
    expect(within(form).getByRole('alert')).toHaveTextContent('not the same');
    expect(await getDeviceRole(store)).toEqual({ kind: 'teacher' });

    await user.type(within(form).getByLabelText(/Choose a teacher PIN/), PIN);
    await user.type(within(form).getByLabelText('Type the PIN again'), PIN);
    await user.click(within(form).getByRole('button', { name: `Give the tablet to ${me.displayName}` }));
    expect(
      await screen.findByRole('heading', { level: 1, name: `My path: ${me.displayName}` }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await waitFor(async () => expect(await getDeviceRole(store)).toEqual({ kind: 'student', studentId: me.id }));
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await waitFor(() =>
      expect(
        within(nav)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['My path']),
    );
  });

  it('locks the tablet to a station for a class from Settings', async () => {
    const { store, classId } = await seeded();
    const { user } = await renderApp(store, '/settings');
    const panel = await screen.findByRole('region', { name: 'What this tablet is for' }, { timeout: 10_000 });
    await user.click(within(panel).getByRole('radio', { name: 'A station for one class' }));
    await user.type(within(panel).getByLabelText(/Choose a teacher PIN/), PIN);
    await user.type(within(panel).getByLabelText('Type the PIN again'), PIN);
    await user.click(within(panel).getByRole('button', { name: 'Lock this tablet' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Station mode' }, { timeout: 10_000 })).toBeVisible();
    expect(await getDeviceRole(store)).toEqual({ kind: 'station', classId });
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
