/**
 * Settings → What this tablet is for, on a tablet connected to a school server as a teacher: locking it
 * hands it over on the server first (a station of the class, or the student's own device), and a hand-over
 * the server cannot take yet changes nothing and says why.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { addStudent, getDeviceRole, saveConnection, writeFields, type Connection, type Store } from '#db';
import { DeviceRolePanel } from '#features/settings/DeviceRolePanel.tsx';
import type { HandOverRole, SyncController } from '#state/sync-controller.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { standInSyncController } from '#tests/helpers/stand-in-sync.ts';
import { testStore } from '#tests/helpers/test-store.ts';

const PIN = '3690';
const teacher: Connection = {
  baseUrl: 'https://school.test',
  token: 't'.repeat(43),
  deviceTokenId: 'own',
  kind: 'teacher',
  scope: { schoolId: 'school-1' },
};

function controller(enrollAs: (role: HandOverRole) => Promise<boolean>): SyncController {
  return standInSyncController({ enrollAs: vi.fn(enrollAs) });
}

async function connectedTablet() {
  const store = testStore();
  await saveConnection(store, teacher);
  await writeFields(store.db, store.env, 'classes', 'room-4', {
    schoolId: 'school-1',
    name: 'Room 4',
    teacherIds: [],
    templateTargetIds: [],
    language: 'en',
  });
  const ana = await addStudent(store, { classId: 'room-4', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
  return { store, ana };
}

function renderPanel(store: Store, sync: SyncController) {
  renderWithStore(<DeviceRolePanel />, store, { route: '/settings', sync });
  return userEvent.setup();
}

async function typeNewPin(user: ReturnType<typeof userEvent.setup>, panel: HTMLElement) {
  await user.type(within(panel).getByLabelText(/Choose a teacher PIN/), PIN);
  await user.type(within(panel).getByLabelText('Type the PIN again'), PIN);
}

describe('locking a tablet connected as a teacher', () => {
  it('hands it over to the class as a station on the server, then locks it', async () => {
    const { store } = await connectedTablet();
    const sync = controller(async () => true);
    const user = renderPanel(store, sync);
    const panel = await screen.findByRole('region', { name: 'What this tablet is for' });
    expect(panel).toHaveTextContent('it becomes a station of the class there');
    await typeNewPin(user, panel);
    await user.click(within(panel).getByRole('button', { name: 'Lock this tablet' }));
    await waitFor(async () => expect(await getDeviceRole(store)).toEqual({ kind: 'station', classId: 'room-4' }));
    expect(sync.enrollAs).toHaveBeenCalledWith({ kind: 'station', classId: 'room-4' });
  });

  it('says why a student’s tablet cannot be handed over yet, and leaves the tablet a teacher’s', async () => {
    const { store, ana } = await connectedTablet();
    const waiting = Object.assign(new Error('Changes wait'), { code: 'pendingChanges' });
    const sync = controller(async () => Promise.reject(waiting));
    const user = renderPanel(store, sync);
    const panel = await screen.findByRole('region', { name: 'What this tablet is for' });
    await user.click(within(panel).getByRole('radio', { name: 'One student’s own tablet' }));
    expect(within(panel).getByLabelText('Student')).toHaveDisplayValue('Ana');
    expect(panel).toHaveTextContent('it becomes Ana’s device there');
    await typeNewPin(user, panel);
    await user.click(within(panel).getByRole('button', { name: 'Lock this tablet' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Some of your changes have not reached the school server yet',
    );
    expect(sync.enrollAs).toHaveBeenCalledWith({ kind: 'student', studentId: ana.id, classId: 'room-4' });
    expect(await getDeviceRole(store)).toEqual({ kind: 'teacher' });
  });
});
