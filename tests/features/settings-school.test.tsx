/**
 * Settings → School server: a new school's sign-up, joining a class as a station or a teacher tablet, and
 * a connected teacher's classes (join codes, new code) and devices (revoke), with a fake SyncController
 * that behaves like the server. The controller's real calls are tested against a server in tests/sync.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router-dom';
import type { ClassSummary, DeviceSummary } from '#protocol';
import { addStudent, saveConnection, StoreProvider, type Connection, type Store } from '#db';
import SettingsPage from '#features/settings/SettingsPage.tsx';
import { useLanguageStore } from '#state/language-store.ts';
import { SyncControllerContext, type SyncController } from '#state/sync-controller.ts';
import { testStore } from '#tests/helpers/test-store.ts';

const OWN = 'tok-own';
const teacherConnection: Connection = {
  baseUrl: 'https://school.test',
  token: 't'.repeat(43),
  deviceTokenId: OWN,
  kind: 'teacher',
  scope: { schoolId: 'school-1' },
  teacherId: 'teacher-1',
};

const device = (over: Partial<DeviceSummary> & Pick<DeviceSummary, 'deviceTokenId'>): DeviceSummary => ({
  kind: 'station',
  classId: 'class-a',
  deviceId: `dev-${over.deviceTokenId}`,
  deviceName: null,
  signedInStudentId: null,
  createdAt: '2026-09-01T08:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
  ...over,
});

class OfflineError extends Error {
  readonly code = 'network';
  constructor() {
    super('The server could not be reached.');
  }
}

/** Answers like the server would, from memory; `offline` makes every call fail as unreachable. */
function fakeController(store: Store, classes: ClassSummary[], devices: DeviceSummary[]) {
  const state = { offline: false, classes, devices, codes: 0 };
  const online = () => {
    if (state.offline) throw new OfflineError();
  };
  const controller = {
    state,
    signIn: vi.fn(async () => undefined),
    signUp: vi.fn(async () => {
      online();
      await saveConnection(store, teacherConnection);
    }),
    enroll: vi.fn(async () => undefined),
    enrollStation: vi.fn(async () => undefined),
    listClasses: vi.fn(async () => (online(), [...state.classes])),
    listDevices: vi.fn(async () => (online(), [...state.devices])),
    newJoinCode: vi.fn(async (classId: string) => {
      online();
      const joinCode = `NEWCODE${++state.codes}`;
      state.classes = state.classes.map((c) => (c.classId === classId ? { ...c, joinCode } : c));
      return joinCode;
    }),
    revokeDevice: vi.fn(async (id: string) => {
      online();
      state.devices = state.devices.map((d) =>
        d.deviceTokenId === id ? { ...d, revokedAt: '2026-09-02T10:00:00.000Z' } : d,
      );
    }),
    changePassword: vi.fn(async () => undefined),
    stationSignIn: vi.fn(async () => false),
    stationSignOut: vi.fn(async () => undefined),
    enrollAs: vi.fn(async () => false),
    disconnect: vi.fn(async () => saveConnection(store, null)),
    syncNow: vi.fn(async () => undefined),
    fetchAttachment: async () => 'notConnected' as const,
  } satisfies SyncController & { state: unknown };
  return controller;
}

function renderSettings(store: Store, controller: SyncController, language = 'en') {
  useLanguageStore.setState({ language });
  return render(
    <StoreProvider store={store}>
      <SyncControllerContext.Provider value={controller}>
        <MemoryRouter initialEntries={['/settings']}>
          <SettingsPage />
        </MemoryRouter>
      </SyncControllerContext.Provider>
    </StoreProvider>,
  );
}

const classA: ClassSummary = { classId: 'class-a', name: 'Kindergarten A', joinCode: 'ABCD2345' };
const classB: ClassSummary = { classId: 'class-b', name: 'Kindergarten B', joinCode: 'WXYZ6789' };

async function connectedTeacher() {
  const store = testStore();
  await saveConnection(store, teacherConnection);
  const ana = await addStudent(store, {
    classId: 'class-a',
    displayName: 'Ana',
    picture: 'fox',
    familyLanguage: 'es',
  });
  const controller = fakeController(
    store,
    [classA, classB],
    [
      device({ deviceTokenId: 'tok-station', deviceName: 'Reading corner', signedInStudentId: ana.id }),
      device({ deviceTokenId: 'tok-tablet', kind: 'teacher', deviceName: 'Ms Rivera’s tablet' }),
      device({ deviceTokenId: 'tok-old', deviceName: 'Old station', revokedAt: '2026-09-01T12:00:00.000Z' }),
      device({ deviceTokenId: OWN, kind: 'teacher', classId: null, expiresAt: '2099-01-01T00:00:00.000Z' }),
    ],
  );
  return { store, controller };
}

const classCard = async (name: string) =>
  (await screen.findByRole('heading', { level: 3, name })).closest('li') as HTMLElement;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('classes and devices, for a connected teacher', () => {
  it('shows each class’s join code in groups, and its tablets with kind, child, status and a Revoke button', async () => {
    const { store, controller } = await connectedTeacher();
    renderSettings(store, controller);

    const a = await classCard('Kindergarten A');
    expect(within(a).getByTestId('join-code')).toHaveTextContent('ABCD2345');
    expect([...within(a).getByTestId('join-code').children].map((g) => g.textContent)).toEqual(['ABCD', '2345']);
    expect(within(a).getByText('letter by letter: A B C D 2 3 4 5')).toBeInTheDocument();

    const station = within(a).getByText('Reading corner').closest('li')!;
    expect(station).toHaveTextContent('Station');
    await waitFor(() => expect(station).toHaveTextContent('Signed in now: Ana'));
    expect(station).toHaveTextContent('Active');
    expect(within(station).getByRole('button', { name: 'Revoke Reading corner' })).toBeEnabled();
    const tablet = within(a).getByText('Ms Rivera’s tablet').closest('li')!;
    expect(tablet).toHaveTextContent('Teacher tablet');
    const old = within(a).getByText('Old station').closest('li')!;
    expect(old).toHaveTextContent(/Revoked/);
    expect(within(old).queryByRole('button')).toBeNull();

    const b = await classCard('Kindergarten B');
    expect(within(b).getByText('No tablet has joined this class yet.')).toBeInTheDocument();

    // This very tablet's sign-in is listed, marked, and cannot be revoked from here.
    const own = screen.getByText('This tablet').closest('li')!;
    expect(own).toHaveTextContent('Teacher sign-in');
    expect(within(own).queryByRole('button', { name: /Revoke/ })).toBeNull();
    expect(own).toHaveTextContent('use Disconnect above');

    // How a colleague gets in: sign-up makes a new school, so the panel names who adds teachers.
    expect(screen.getByText(/Whoever runs the school server adds one: npm run school:add-teacher/)).toBeInTheDocument();
  });

  it('makes a new join code only after the teacher confirms', async () => {
    const { store, controller } = await connectedTeacher();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderSettings(store, controller);
    const user = userEvent.setup();
    const a = await classCard('Kindergarten A');

    await user.click(within(a).getByRole('button', { name: 'New code for Kindergarten A' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/tablets already joined stay joined/));
    expect(controller.newJoinCode).not.toHaveBeenCalled();

    await user.click(within(a).getByRole('button', { name: 'New code for Kindergarten A' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Kindergarten A has a new join code: NEWCODE1');
    expect(controller.newJoinCode).toHaveBeenCalledWith('class-a');
    await waitFor(() => expect(within(a).getByTestId('join-code')).toHaveTextContent('NEWCODE1'));
    expect(within(a).getByText('Reading corner')).toBeInTheDocument();
  });

  it('revokes a tablet after confirmation and shows it as revoked', async () => {
    const { store, controller } = await connectedTeacher();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderSettings(store, controller);
    const user = userEvent.setup();
    const a = await classCard('Kindergarten A');

    await user.click(within(a).getByRole('button', { name: 'Revoke Reading corner' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Revoke Reading corner\? It stops syncing/));
    expect(controller.revokeDevice).not.toHaveBeenCalled();

    await user.click(within(a).getByRole('button', { name: 'Revoke Reading corner' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Reading corner is revoked.');
    expect(controller.revokeDevice).toHaveBeenCalledWith('tok-station');
    await waitFor(() => expect(within(a).queryByRole('button', { name: 'Revoke Reading corner' })).toBeNull());
    expect(within(a).getByText('Reading corner').closest('li')).toHaveTextContent(/Revoked/);
  });

  it('says to connect when the server cannot be reached, and loads once it can', async () => {
    const { store, controller } = await connectedTeacher();
    controller.state.offline = true;
    renderSettings(store, controller);
    expect(await screen.findByText('Connect to the server to see classes and devices.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3, name: 'Kindergarten A' })).toBeNull();

    controller.state.offline = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await classCard('Kindergarten A')).toBeInTheDocument();
    expect(screen.queryByText('Connect to the server to see classes and devices.')).toBeNull();
  });

  it('says plainly when revoking fails because the server went away', async () => {
    const { store, controller } = await connectedTeacher();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderSettings(store, controller);
    const a = await classCard('Kindergarten A');
    controller.state.offline = true;
    await userEvent.setup().click(within(a).getByRole('button', { name: 'Revoke Reading corner' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server cannot be reached. Connect to the server and try again.',
    );
    expect(within(a).getByRole('button', { name: 'Revoke Reading corner' })).toBeInTheDocument();
  });

  it('is not shown on a station, and is in Spanish for a Spanish-speaking teacher', async () => {
    const { store, controller } = await connectedTeacher();
    const spanish = renderSettings(store, controller, 'es');
    expect(await screen.findByRole('heading', { level: 2, name: 'Clases y dispositivos' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Código nuevo para Kindergarten A' })).toBeInTheDocument();
    expect(screen.getByText(/Quien administra el servidor de la escuela crea las cuentas/)).toBeInTheDocument();
    spanish.unmount();

    const stationStore = testStore();
    await saveConnection(stationStore, {
      ...teacherConnection,
      kind: 'station',
      scope: { schoolId: 's', classId: 'c' },
    });
    const station = fakeController(stationStore, [classA], []);
    renderSettings(stationStore, station);
    expect(await screen.findByText(/as a station device/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Classes and devices' })).toBeNull();
    expect(station.listClasses).not.toHaveBeenCalled();
  });
});

describe('connecting', () => {
  it('creates a school and a teacher account, then shows the classes panel', async () => {
    const store = testStore();
    const controller = fakeController(store, [], []);
    renderSettings(store, controller);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'New school? Create an account' }));
    const form = screen.getByRole('form', { name: 'Create a school and a teacher account' });
    await user.type(within(form).getByLabelText('School name'), ' Riverside Elementary ');
    await user.type(within(form).getByLabelText('Your name, as colleagues see it'), 'Ms Rivera');
    await user.type(within(form).getByLabelText('Email'), 'ms.rivera@riverside.test');
    const password = within(form).getByLabelText('Choose a password (at least 10 characters)');
    expect(password).toHaveAttribute('minlength', '10');
    await user.type(password, 'a long enough password');
    await user.click(within(form).getByRole('button', { name: 'Create the school and sign in' }));

    expect(controller.signUp).toHaveBeenCalledWith(window.location.origin, {
      schoolName: 'Riverside Elementary',
      displayName: 'Ms Rivera',
      email: 'ms.rivera@riverside.test',
      password: 'a long enough password',
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Classes and devices' })).toBeInTheDocument();
    expect(await screen.findByText(/No classes on the server yet/)).toBeInTheDocument();
  });

  it('shows the server’s reason when sign-up fails', async () => {
    const store = testStore();
    const controller = fakeController(store, [], []);
    controller.signUp.mockRejectedValueOnce(new Error('An account with this email exists; sign in'));
    renderSettings(store, controller);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New school? Create an account' }));
    const form = screen.getByRole('form', { name: 'Create a school and a teacher account' });
    await user.type(within(form).getByLabelText('School name'), 'Riverside');
    await user.type(within(form).getByLabelText('Your name, as colleagues see it'), 'Ms Rivera');
    await user.type(within(form).getByLabelText('Email'), 'ms.rivera@riverside.test');
    await user.type(within(form).getByLabelText(/Choose a password/), 'a long enough password');
    await user.click(within(form).getByRole('button', { name: 'Create the school and sign in' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Could not connect: An account with this email exists; sign in',
    );
    await user.click(within(form).getByRole('button', { name: 'I already have an account' }));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('says a mistyped join code, a wrong password and no network in the tablet’s language, not the server’s English', async () => {
    const store = testStore();
    const controller = fakeController(store, [], []);
    const refusal = (code: string, message: string) => Object.assign(new Error(message), { code });
    controller.enroll.mockRejectedValueOnce(
      refusal('notFound', 'No class has this join code; check it with the teacher'),
    );
    controller.signIn.mockRejectedValueOnce(refusal('unauthorized', 'Email or password is wrong'));
    controller.signIn.mockRejectedValueOnce(new OfflineError());
    renderSettings(store, controller, 'es');
    const user = userEvent.setup();
    const join = await screen.findByRole('form', { name: 'O únete a una clase con su código' });
    await user.type(within(join).getByLabelText('Código de la clase'), 'ZZZZ2222');
    await user.click(within(join).getByRole('button', { name: 'Unirse como estación' }));
    expect(await within(join).findByRole('alert')).toHaveTextContent(
      'Ninguna clase tiene este código. Revisa el código en la tableta del maestro (Ajustes → Clases y dispositivos) y escríbelo otra vez.',
    );

    const signIn = screen.getByRole('button', { name: 'Iniciar sesión' }).closest('form')!;
    await user.type(within(signIn).getByLabelText('Correo electrónico'), 'ms.rivera@riverside.test');
    await user.type(within(signIn).getByLabelText('Contraseña'), 'not the password');
    await user.click(within(signIn).getByRole('button', { name: 'Iniciar sesión' }));
    expect(await within(signIn).findByRole('alert')).toHaveTextContent(
      'El correo o la contraseña no son correctos. Revisa los dos y vuelve a intentarlo.',
    );
    await user.click(within(signIn).getByRole('button', { name: 'Iniciar sesión' }));
    expect(await within(signIn).findByRole('alert')).toHaveTextContent(/^No se pudo llegar al servidor de la escuela/);
  });

  it('joins a class as a station with the code alone, or as a teacher tablet with the teacher’s account', async () => {
    const store = testStore();
    const controller = fakeController(store, [], []);
    renderSettings(store, controller);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Or join one class with its join code' });

    await user.type(within(form).getByLabelText('Class join code'), 'abcd-2345');
    await user.type(within(form).getByLabelText(/Name of this tablet/), 'Reading corner');
    expect(within(form).getByRole('radio', { name: /A station/ })).toBeChecked();
    expect(within(form).queryByLabelText('Your password')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Join as a station' }));
    expect(controller.enroll).toHaveBeenLastCalledWith(window.location.origin, {
      joinCode: 'abcd-2345',
      kind: 'station',
      deviceName: 'Reading corner',
    });

    await user.click(within(form).getByRole('radio', { name: 'A teacher tablet for this class' }));
    await user.type(within(form).getByLabelText('Your email'), 'ms.rivera@riverside.test');
    await user.type(within(form).getByLabelText('Your password'), 'a long enough password');
    await user.click(within(form).getByRole('button', { name: 'Join as a teacher tablet' }));
    expect(controller.enroll).toHaveBeenLastCalledWith(window.location.origin, {
      joinCode: 'abcd-2345',
      kind: 'teacher',
      deviceName: 'Reading corner',
      teacher: { email: 'ms.rivera@riverside.test', password: 'a long enough password' },
    });
  });
});
