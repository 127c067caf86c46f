/**
 * Settings → Change password: shown only on a tablet signed in with the teacher's account; labelled fields
 * with the autocomplete password managers need; mistakes the shared rules catch are said at once (and the
 * controller is not called), the server's refusals in the teacher's language, the field to fix focused and
 * marked; success said and the fields emptied. A fake SyncController; the route itself is tested in
 * tests/server/change-password.test.ts and through the real app in tests/e2e/school-server.spec.ts.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { saveConnection, type Connection } from '#db';
import SettingsPage from '#features/settings/SettingsPage.tsx';
import type { SyncController } from '#state/sync-controller.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { standInSyncController } from '#tests/helpers/stand-in-sync.ts';
import { testStore } from '#tests/helpers/test-store.ts';

const account: Connection = {
  baseUrl: 'https://school.test',
  token: 't'.repeat(43),
  deviceTokenId: 'tok-own',
  kind: 'teacher',
  scope: { schoolId: 'school-1' },
  teacherId: 'teacher-1',
};
const CURRENT = 'correct horse battery';
const NEW = 'lantern orchard kettle';

const refusal = (code: string, details: string[] = []) =>
  Object.assign(new Error(`server said ${code}`), { code, details });

function controllerWith(changePassword: SyncController['changePassword']): SyncController {
  return standInSyncController({
    listClasses: async () => [],
    listDevices: async () => [],
    changePassword: vi.fn(changePassword),
  });
}

async function renderSettings(
  connection: Connection | null,
  changePassword: SyncController['changePassword'] = async () => undefined,
  language = 'en',
) {
  const store = testStore();
  await saveConnection(store, connection);
  const controller = controllerWith(changePassword);
  renderWithStore(<SettingsPage />, store, { route: '/settings', language, sync: controller });
  await screen.findByRole('heading', { level: 1 });
  return controller;
}

/** The panel itself (Settings has other live regions). */
const panel = () => within(screen.getByRole('region', { name: /^(Change password|Cambiar la contraseña)$/ }));

async function fill(current: string, next: string, again = next) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password (at least 10 characters)'), next);
  await user.type(screen.getByLabelText('New password again'), again);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('Change password in Settings', () => {
  it('is shown only on a tablet signed in with the teacher’s account', async () => {
    await renderSettings(account);
    expect(await screen.findByRole('heading', { level: 2, name: 'Change password' })).toBeInTheDocument();
  });

  it.each<[string, Connection | null]>([
    ['not connected', null],
    ['a class tablet', { ...account, scope: { schoolId: 'school-1', classId: 'class-a' } }],
    ['a station', { ...account, kind: 'station', scope: { schoolId: 'school-1', classId: 'class-a' } }],
    [
      'a child’s tablet',
      { ...account, kind: 'student', scope: { schoolId: 'school-1', classId: 'class-a', studentId: 'ana' } },
    ],
  ])('is not shown when the tablet is %s', async (_, connection) => {
    await renderSettings(connection);
    await screen.findByRole('heading', { level: 2, name: 'School server' });
    expect(screen.queryByRole('heading', { name: 'Change password' })).toBeNull();
    expect(screen.queryByLabelText('Current password')).toBeNull();
  });

  it('labels its fields for password managers and changes the password', async () => {
    const controller = await renderSettings(account);
    expect(await screen.findByLabelText('Current password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('New password (at least 10 characters)')).toHaveAttribute(
      'autocomplete',
      'new-password',
    );
    expect(screen.getByLabelText('New password again')).toHaveAttribute('autocomplete', 'new-password');
    for (const label of ['Current password', 'New password (at least 10 characters)', 'New password again']) {
      expect(screen.getByLabelText(label)).toHaveAttribute('type', 'password');
    }

    await fill(CURRENT, NEW);
    expect(controller.changePassword).toHaveBeenCalledWith(CURRENT, NEW);
    expect(await panel().findByRole('status')).toHaveTextContent(
      'Password changed. Other tablets signed in with your account must sign in again',
    );
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(panel().queryByRole('alert')).toBeNull();
  });

  it.each([
    [CURRENT, NEW, 'lantern orchard kettles', 'The two new passwords are not the same.', 'New password again'],
    [
      CURRENT,
      'short',
      'short',
      'The new password needs 10 to 200 characters.',
      'New password (at least 10 characters)',
    ],
    [CURRENT, CURRENT, CURRENT, 'the same as the current one', 'New password (at least 10 characters)'],
    [CURRENT, 'Password2024!', 'Password2024!', 'a common one', 'New password (at least 10 characters)'],
  ])('says at once what the rules refuse, sends nothing: %s → %s', async (current, next, again, said, field) => {
    const controller = await renderSettings(account);
    await fill(current, next, again);
    expect(await panel().findByRole('alert')).toHaveTextContent(said);
    expect(screen.getByLabelText(field)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(field)).toHaveFocus();
    expect(screen.getByLabelText(field)).toHaveAccessibleDescription(expect.stringContaining(said));
    expect(controller.changePassword).not.toHaveBeenCalled();
  });

  it('says the server’s refusals in the teacher’s words and focuses the field to fix', async () => {
    await renderSettings(account, () => Promise.reject(refusal('wrongPassword')));
    await fill('not my password', NEW);
    expect(await panel().findByRole('alert')).toHaveTextContent(
      'The current password is not right. Nothing was changed.',
    );
    await waitFor(() => expect(screen.getByLabelText('Current password')).toHaveFocus());
    expect(screen.getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');
    expect(panel().queryByRole('status')).toBeNull();
  });

  it('in Spanish: the panel, a weak password the server refused, and offline', async () => {
    let answer: Error = refusal('weakPassword', ['containsName']);
    await renderSettings(account, () => Promise.reject(answer), 'es');
    expect(await screen.findByRole('heading', { level: 2, name: 'Cambiar la contraseña' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Contraseña actual'), CURRENT);
    await user.type(screen.getByLabelText('Contraseña nueva (al menos 10 caracteres)'), 'rivera lantern 7');
    await user.type(screen.getByLabelText('Repite la contraseña nueva'), 'rivera lantern 7');
    await user.click(screen.getByRole('button', { name: 'Cambiar la contraseña' }));
    expect(await panel().findByRole('alert')).toHaveTextContent('La contraseña nueva contiene tu nombre. Elige otra.');

    answer = Object.assign(new Error('unreachable'), { code: 'network' });
    await user.click(screen.getByRole('button', { name: 'Cambiar la contraseña' }));
    expect(await panel().findByRole('alert')).toHaveTextContent(
      'No se pudo conectar con el servidor de la escuela, así que no se cambió nada.',
    );
  });
});
