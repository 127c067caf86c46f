/**
 * What sync could not do, as a teacher reads it: the header never just says "Synced" when the server
 * refused something or the tablet's clock is far off, and Settings lists each refused change in plain
 * words (never the server's own text) with what to do, in English and Spanish.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  addNotSaved,
  noteServerTime,
  saveConnection,
  seedFirstRun,
  updateSyncReport,
  type Connection,
  type NotSavedChange,
  type Store,
} from '#db';
import { SyncStatus } from '#app/SyncStatus.tsx';
import { ServerPanel } from '#features/settings/ServerPanel.tsx';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const station: Connection = {
  baseUrl: 'https://school.test',
  token: 't'.repeat(43),
  deviceTokenId: 'own',
  kind: 'station',
  scope: { schoolId: 'school-1', classId: 'class-a' },
};

const refusedObservation: NotSavedChange = {
  changeId: 'c1',
  code: 'forbidden',
  table: 'evidence',
  recordId: 'e1',
  deviceKind: 'station',
  at: '2026-05-03T10:00:00.000Z',
  subject: { studentName: 'Ana', kind: 'observation', date: '2026-05-03T09:30:00.000Z' },
  fields: { level: 4 },
  reason: 'a station device cannot record level 4 evidence',
};

async function connectedStation(): Promise<Store> {
  const store = testStore();
  await saveConnection(store, station);
  await updateSyncReport(store, { lastSyncedAt: new Date(store.env.now()).toISOString() });
  return store;
}

describe('refused changes and a clock far off', () => {
  it('the header says what was not saved and that the clock is off, not just "Synced"', async () => {
    const store = await connectedStation();
    await store.db.transaction('rw', store.db.settings, () => addNotSaved(store.db, [refusedObservation]));
    // The server's clock reads three hours earlier than this tablet's.
    await noteServerTime(store.db, store.env.now() - 3 * 3_600_000, store.env.now());
    renderWithStore(<SyncStatus />, store);
    const status = await screen.findByTestId('sync-status');
    await waitFor(() => expect(status).toHaveTextContent('1 change not saved'));
    expect(status).toHaveTextContent('Tablet clock 3 hours ahead');
    expect(screen.getByRole('link', { name: '1 change not saved' })).toHaveAttribute('href', '/settings');
  });

  it('Settings lists each one in plain words with what to do, and the clock in full, in English', async () => {
    const store = await connectedStation();
    await store.db.transaction('rw', store.db.settings, () => addNotSaved(store.db, [refusedObservation]));
    await noteServerTime(store.db, store.env.now() - 3 * 3_600_000, store.env.now());
    renderWithStore(<ServerPanel />, store);
    expect(
      await screen.findByText(
        'Ana’s observation of May 3 was not saved: a station saves only a child’s own work, waiting for the teacher’s review, never a teacher’s judgment. Record it on a teacher tablet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'This tablet’s clock is 3 hours ahead of the school server. Set the date and time in the tablet’s settings.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/cannot record level 4/)).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'I have read this' }));
    await waitFor(() => expect(screen.queryByText(/was not saved/)).toBeNull());
  });

  it('and in Spanish', async () => {
    const store = await connectedStation();
    const classDevice: NotSavedChange = {
      ...refusedObservation,
      changeId: 'c2',
      table: 'schools',
      deviceKind: 'teacher',
      subject: { label: 'Escuela Sol' },
    };
    await store.db.transaction('rw', store.db.settings, () => addNotSaved(store.db, [refusedObservation, classDevice]));
    await noteServerTime(store.db, store.env.now() + 2 * 86_400_000, store.env.now());
    renderWithStore(<ServerPanel />, store, { language: 'es' });
    expect(
      await screen.findByText(
        'La observación de Ana del 3 de mayo no se guardó: una estación solo guarda el trabajo propio de un niño, a la espera de la revisión del docente, nunca una valoración del docente. Regístralo en una tableta de docente.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'La información de la escuela no se guardó: una tableta de clase no puede cambiar la escuela ni sus docentes. Hazlo en una tableta con la sesión de la cuenta del docente.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'El reloj de esta tableta va 2 días atrasado respecto al servidor de la escuela. Ajusta la fecha y la hora en la configuración de la tableta.',
      ),
    ).toBeInTheDocument();
  });

  it('a value of the wrong kind (invalidField) is said plainly, never with the server’s text, in both languages', async () => {
    const store = await connectedStation();
    const malformed: NotSavedChange = {
      ...refusedObservation,
      changeId: 'c3',
      code: 'invalidField',
      deviceKind: 'teacher',
      reason: 'evidence.observedAt must be an ISO 8601 date-time such as 2026-03-01T09:00:00.000Z, got 17',
    };
    await store.db.transaction('rw', store.db.settings, () => addNotSaved(store.db, [malformed]));
    const english = renderWithStore(<ServerPanel />, store);
    expect(
      await screen.findByText(
        'Ana’s observation of May 3 was not saved: a value in it was not of the kind the server expects (a date, a level or a list), which an out-of-date Waypoint can make. Update Waypoint on this tablet, then record it again.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/ISO 8601/)).toBeNull();
    english.unmount();
    renderWithStore(<ServerPanel />, store, { language: 'es' });
    expect(
      await screen.findByText(
        'La observación de Ana del 3 de mayo no se guardó: uno de sus valores no era del tipo que espera el servidor (una fecha, un nivel o una lista), algo que puede causar un Waypoint desactualizado. Actualiza Waypoint en esta tableta y regístralo de nuevo.',
      ),
    ).toBeInTheDocument();
  });

  it('a new tablet, never connected, does not count demo or starter records as waiting', async () => {
    const store = testStore();
    await seedFirstRun(store);
    renderWithStore(<SyncStatus />, store);
    const status = await screen.findByTestId('sync-status');
    await waitFor(() => expect(status).toHaveTextContent('Not connected to a server'));
    expect(status).not.toHaveTextContent(/waiting/);
  });
});

describe('files the server holds back (its bound on attachments no record uses yet)', () => {
  const held = async (sinceMs: number): Promise<Store> => {
    const store = await connectedStation();
    await updateSyncReport(store, { uploadsHeldSince: new Date(store.env.now() - sinceMs).toISOString() });
    return store;
  };

  it('says nothing for the first hour: a round or two usually clears it', async () => {
    const store = await held(10 * 60_000);
    renderWithStore(<SyncStatus />, store);
    const status = await screen.findByTestId('sync-status');
    await waitFor(() => expect(status).toHaveTextContent('Synced'));
    expect(screen.queryByTestId('uploads-held')).toBeNull();
  });

  it('then the header says so and Settings explains it, in English and Spanish', async () => {
    const store = await held(2 * 3_600_000);
    renderWithStore(<SyncStatus />, store);
    expect(await screen.findByTestId('uploads-held')).toHaveTextContent('Files held back by the server');
    renderWithStore(<ServerPanel />, store, { language: 'es' });
    expect(
      await screen.findByText(/^Hay fotos y grabaciones esperando en esta tableta: .* Están a salvo aquí/),
    ).toBeInTheDocument();
  });
});
