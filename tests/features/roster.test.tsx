import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listStudents, rosterId, setSetting, ACTIVE_CLASS_KEY, writeMany } from '#db';
import RosterPage from '#features/roster/RosterPage.tsx';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function rosterFiles(version: string): File[] {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'oneroster', version);
  return readdirSync(dir).map((name) => new File([readFileSync(join(dir, name), 'utf8')], name, { type: 'text/csv' }));
}

async function storeWithClass() {
  const store = testStore();
  await writeMany(store.db, store.env, [
    {
      table: 'classes',
      recordId: 'c1',
      fields: { id: 'c1', schoolId: 's1', name: 'Room 1', teacherIds: [], templateTargetIds: [], language: 'es' },
    },
  ]);
  await setSetting(store, ACTIVE_CLASS_KEY, 'c1');
  return store;
}

describe('roster page', { timeout: 30_000 }, () => {
  it('previews OneRoster files with each bad row, then imports only the ticked class', async () => {
    const store = await storeWithClass();
    renderWithStore(<RosterPage />, store);
    await userEvent.upload(await screen.findByLabelText('Choose the roster CSV files'), rosterFiles('v1p1'));

    const problems = await screen.findByRole('table', { name: '4 rows will be skipped or need fixing' });
    expect(within(problems).getByRole('row', { name: /users.csv 6 has no given name/ })).toBeInTheDocument();
    expect(screen.getByText('OneRoster version: 1.1')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Kindergarten B, Room 4 (1 student)' }));
    expect(await store.db.students.count()).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Import 1 class' }));
    expect(
      await screen.findByText('Import done: 1 class and 2 students. The Class page now shows Kindergarten A.'),
    ).toBeInTheDocument();
    expect((await listStudents(store, rosterId('cls-k-a'))).map((s) => s.displayName)).toEqual(['Ana', 'Ben']);
    // The tablet shows the imported class from now on: its children are the ones to edit by hand here.
    expect(await store.db.settings.get(ACTIVE_CLASS_KEY)).toEqual({
      key: ACTIVE_CLASS_KEY,
      value: rosterId('cls-k-a'),
    });
    expect(await screen.findByRole('textbox', { name: 'Name of Ana' })).toBeInTheDocument();
  });

  it('blocks a broken file set and writes nothing', async () => {
    const store = await storeWithClass();
    renderWithStore(<RosterPage />, store, { language: 'es' });
    await userEvent.upload(await screen.findByLabelText('Elegir los archivos CSV de la lista'), rosterFiles('broken'));
    expect(await screen.findByRole('alert')).toHaveTextContent('No se guardó nada');
    expect(screen.getByRole('button', { name: /Importar/ })).toBeDisabled();
    expect(await store.db.outbox.count()).toBe(1);
  });

  it('adds a student by hand with a picture of their own, changes the picture, and archives', async () => {
    const store = await storeWithClass();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderWithStore(<RosterPage />, store);
    await userEvent.type(await screen.findByLabelText('New student’s name'), 'Zoe');
    await userEvent.click(screen.getByRole('button', { name: 'Add student' }));
    expect(await screen.findByText('Zoe added, with a picture of their own.')).toBeInTheDocument();
    const [zoe] = await listStudents(store, 'c1');
    expect(zoe).toMatchObject({ displayName: 'Zoe', picture: 'dog', familyLanguage: 'es' });

    await userEvent.selectOptions(await screen.findByLabelText('Picture for Zoe'), 'owl');
    await waitFor(async () => expect((await store.db.students.get(zoe!.id))?.picture).toBe('owl'));
    await userEvent.click(screen.getByRole('button', { name: 'Archive Zoe' }));
    await waitFor(async () => expect(await listStudents(store, 'c1')).toEqual([]));
    expect((await store.db.students.get(zoe!.id))?.archived).toBe(true);
  });
});
