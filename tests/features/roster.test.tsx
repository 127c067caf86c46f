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

/** Each body row's cells, the outcome without its mark symbol: what a teacher reads across the row. */
function rowTexts(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent!.replace(/^[✓–⚠] /, '').trim()).join(' | '),
    );
}

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

    const problems = await screen.findByRole('table', { name: '1 problem with the files' });
    expect(within(problems).getByRole('row', { name: /classes.csv 4 the class has no title/ })).toBeInTheDocument();
    expect(screen.getByText('OneRoster version: 1.1')).toBeInTheDocument();
    const people = screen.getByRole('table', { name: 'People (users.csv): what happens to each row' });
    expect(rowTexts(people)).toContain('6 | usr-s4 | Cannot be imported: the person has no given name.');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Kindergarten B, Room 4 (1 student)' }));
    // Unticking a class changes what the preview says about its rows.
    expect(rowTexts(people)).toContain('5 | Chloé "Coco" Wu | Not imported: none of their classes is ticked above.');
    const enrollments = screen.getByRole('table', { name: 'Enrollments (enrollments.csv): what happens to each row' });
    expect(rowTexts(enrollments)).toContain("4 | Ben O'Neil | Kindergarten A | Imported: Joins Kindergarten A.");
    expect(rowTexts(enrollments)).toContain(
      '5 | Chloé "Coco" Wu | Kindergarten B, Room 4 | Not imported: Kindergarten B, Room 4 is not ticked above.',
    );
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

  it('shows a student in two classes joining both, and imports them into both', async () => {
    const store = await storeWithClass();
    renderWithStore(<RosterPage />, store);
    await userEvent.upload(
      await screen.findByLabelText('Choose the roster CSV files'),
      rosterFiles('v1p1-two-classes'),
    );
    const enrollments = await screen.findByRole('table', { name: /^Enrollments/ });
    expect(rowTexts(enrollments)).toEqual([
      '2 | John Smith | Introduction to Physics | Not imported: teachers sign in with their own account.',
      '3 | Maria Lopez | Introduction to Physics | Imported: Joins Introduction to Physics.',
      '4 | Kevin Chen | Introduction to Physics | Imported: Joins Introduction to Physics.',
      '5 | Maria Lopez | History - 2 | Imported: Joins History - 2.',
      '6 | Kevin Chen | History - 2 | Imported: Joins History - 2.',
      '7 | Kevin Chen | History - 2 | Not imported: the same enrollment as line 6.',
      '8 | Alex Ghost | History - 2 | Left out: marked “tobedeleted” in the file.',
      '9 | John Smith | History - 2 | Not imported: the role “aide” is not used in Waypoint.',
    ]);
    const people = screen.getByRole('table', { name: /^People/ });
    expect(rowTexts(people)).toEqual([
      '2 | John Smith | Not imported: staff in Introduction to Physics and History - 2; teachers sign in with their own account.',
      '3 | Maria Lopez | Imported: Student in Introduction to Physics and History - 2.',
      '4 | Kevin Chen | Imported: Student in Introduction to Physics and History - 2.',
      '5 | Alex Ghost | Not imported: not a student in any class of these files.',
    ]);
    expect(screen.getByTestId('roster-summary')).toHaveTextContent(
      'Of 12 rows in users.csv and enrollments.csv: 6 will be imported, 6 will not (each with its reason below).',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Import 2 classes' }));
    expect(
      await screen.findByText(
        /^Import done: 2 classes and 2 students\. 2 students are in more than one of these classes/,
      ),
    ).toBeInTheDocument();
    expect((await listStudents(store, rosterId('class-physics'))).map((s) => s.displayName)).toEqual([
      'Kevin',
      'Maria',
    ]);
    expect((await listStudents(store, rosterId('class-history'))).map((s) => s.displayName)).toEqual([
      'Kevin',
      'Maria',
    ]);
    expect(await screen.findAllByText('Also in History - 2 (a record of their own there).')).toHaveLength(2);
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
