import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ACTIVE_CLASS_KEY, getSetting, listPersonRecords, listStudents, setSetting, writeMany } from '#db';
import { loadAllLanguages } from '#i18n';
import NewYearPage from '#features/year/NewYearPage.tsx';
import RosterPage from '#features/roster/RosterPage.tsx';
import StudentPage from '#features/student/StudentPage.tsx';
import { Route, Routes } from 'react-router-dom';
import { renderSuspendingWithStore, renderWithStore } from '#tests/helpers/render.tsx';
import { seedYearClass } from '#tests/helpers/year-class.ts';
import { testStore } from '#tests/helpers/test-store.ts';

describe('a new school year on the tablet', { timeout: 30_000 }, () => {
  it('rolls the class over after a summary, with the children the teacher keeps, in one step', async () => {
    await loadAllLanguages();
    const store = testStore();
    const { classId, studentIds } = await seedYearClass(store);
    await setSetting(store, ACTIVE_CLASS_KEY, classId);
    renderWithStore(<NewYearPage />, store);

    const name = await screen.findByLabelText('Name of the new class');
    await userEvent.clear(name);
    await userEvent.type(name, 'First grade Blue');
    expect(screen.getByLabelText('School year')).toHaveValue('2027–2028');
    const children = within(screen.getByRole('group', { name: 'Children who go on' }));
    expect(children.getByRole('checkbox', { name: /Maya López 1 target mastered · working on Y.2/ })).toBeChecked();
    await userEvent.click(children.getByRole('checkbox', { name: /Leo/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));

    const summary = within(screen.getByRole('group', { name: 'Check before you start' }));
    expect(summary.getByText('1 child goes on to First grade Blue (2027–2028) with their history.')).toBeVisible();
    expect(summary.getByText('1 mastered target goes with them as your decision.')).toBeVisible();
    expect(summary.getByText('1 child stays in K Blue only.')).toBeVisible();
    expect(summary.getByText('K Blue is closed and kept as it is: nothing is deleted.')).toBeVisible();
    expect(await store.db.classes.count()).toBe(1);
    await userEvent.click(summary.getByRole('button', { name: 'Start the new school year' }));

    expect(await screen.findByText('First grade Blue (2027–2028) is ready with 1 child.')).toBeVisible();
    const next = await getSetting<string>(store, ACTIVE_CLASS_KEY);
    const [maya] = await listStudents(store, next!);
    expect(maya).toMatchObject({ displayName: 'Maya López', personId: studentIds[0] });
    expect(await store.db.decisions.where('studentId').equals(maya!.id).count()).toBe(2);
  });

  it('speaks Spanish, and says a closed class was already rolled over', async () => {
    await loadAllLanguages();
    const store = testStore();
    const { classId } = await seedYearClass(store);
    await writeMany(store.db, store.env, [
      { table: 'classes', recordId: classId, fields: { closedAt: '2027-06-20T00:00:00.000Z' } },
    ]);
    await setSetting(store, ACTIVE_CLASS_KEY, classId);
    renderWithStore(<NewYearPage />, store, { language: 'es' });
    expect(await screen.findByText('K Blue ya pasó al curso siguiente.')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Nuevo curso escolar' })).toBeVisible();
  });

  it('adds a child again by name and date of birth with their history, shown on their page', async () => {
    await loadAllLanguages();
    const store = testStore();
    const { studentIds } = await seedYearClass(store);
    await writeMany(store.db, store.env, [
      {
        table: 'classes',
        recordId: 'c2',
        fields: {
          id: 'c2',
          schoolId: 'school-1',
          name: 'Room 2',
          teacherIds: [],
          templateTargetIds: [],
          language: 'en',
        },
      },
    ]);
    await setSetting(store, ACTIVE_CLASS_KEY, 'c2');
    const view = renderWithStore(<RosterPage />, store);
    await userEvent.type(await screen.findByLabelText('New student’s name'), 'maya lopez');
    await userEvent.type(screen.getByLabelText('Date of birth (optional)'), '2021-03-04');
    await userEvent.click(screen.getByRole('button', { name: 'Add student' }));
    const known = await screen.findByRole('alertdialog');
    expect(known).toHaveTextContent('maya lopez is already known: K Blue. Add them with their history?');
    await userEvent.click(within(known).getByRole('button', { name: 'Add with their history' }));
    expect(await screen.findByText('maya lopez added, with their history.')).toBeVisible();
    const [added] = await listStudents(store, 'c2');
    expect(added).toMatchObject({ personId: studentIds[0] });
    expect((await listPersonRecords(store, added!.id)).map((r) => r.student.id)).toEqual([studentIds[0], added!.id]);
    view.unmount();

    await renderSuspendingWithStore(
      <Routes>
        <Route path="/student/:studentId" element={<StudentPage />} />
      </Routes>,
      store,
      { route: `/student/${added!.id}` },
    );
    const earlier = await screen.findByRole('region', { name: 'Earlier years and other classes' });
    expect(within(earlier).getByRole('link', { name: 'K Blue, 2026–2027' })).toHaveAttribute(
      'href',
      `/student/${studentIds[0]}`,
    );
    expect(earlier).toHaveTextContent('2 pieces of evidence');
  });
});
