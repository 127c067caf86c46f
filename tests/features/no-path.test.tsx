import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ACTIVE_CLASS_KEY, deviceTeacher, recordDecision, seedFirstRun, setSetting, writeMany } from '#db';
import { ClassPage } from '#features/class/ClassPage.tsx';
import ConferencePage from '#features/conference/ConferencePage.tsx';
import MyPathPage from '#features/my-path/MyPathPage.tsx';
import OverviewPage from '#features/overview/OverviewPage.tsx';
import StudentPage from '#features/student/StudentPage.tsx';
import { Route, Routes } from 'react-router-dom';
import { renderSuspendingWithStore, renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

/** A class just imported from the school's roster: two children, no class path yet; and Ada, whose one-target path is mastered. */
async function newClassStore() {
  const store = testStore();
  await seedFirstRun(store);
  const child = (id: string, displayName: string) => ({
    table: 'students' as const,
    recordId: id,
    fields: { id, classId: 'c-new', displayName, picture: 'dog', familyLanguage: 'en', archived: false },
  });
  await writeMany(store.db, store.env, [
    {
      table: 'classes',
      recordId: 'c-new',
      fields: { id: 'c-new', schoolId: 's1', name: 'Room 9', teacherIds: [], templateTargetIds: [], language: 'en' },
    },
    child('s-kevin', 'Kevin'),
    child('s-maria', 'Maria'),
    child('s-ada', 'Ada'),
    {
      table: 'paths',
      recordId: 's-ada',
      fields: { id: 's-ada', studentId: 's-ada', entries: [{ targetId: 'sel-wait-turn' }] },
    },
  ]);
  await recordDecision(store, {
    studentId: 's-ada',
    targetId: 'sel-wait-turn',
    kind: 'markMastered',
    reason: 'Waits every time.',
    decidedBy: await deviceTeacher(store),
  });
  await setSetting(store, ACTIVE_CLASS_KEY, 'c-new');
  return store;
}

function Screens() {
  return (
    <Routes>
      <Route path="/class" element={<ClassPage />} />
      <Route path="/student/:studentId" element={<StudentPage />} />
      <Route path="/conference/:studentId" element={<ConferencePage />} />
      <Route path="/my-path/:studentId" element={<MyPathPage />} />
    </Routes>
  );
}

describe('a child with no path yet is not told their path is complete', { timeout: 30_000 }, () => {
  it('says "No path yet — set the class path" on the class page, student page, conference and overview', async () => {
    const store = await newClassStore();
    await renderSuspendingWithStore(<Screens />, store, { route: '/class' });
    const roster = await screen.findByRole('list', { name: 'Students' });
    expect(within(roster).getByRole('link', { name: /Kevin/ })).toHaveTextContent('No path yet — set the class path');
    expect(within(roster).getByRole('link', { name: /Ada/ })).toHaveTextContent('Path complete');
    cleanup();

    await renderSuspendingWithStore(<Screens />, store, { route: '/student/s-kevin' });
    const next = await screen.findByTestId('next-step');
    expect(next).toHaveTextContent('No path yet — set the class path');
    expect(within(next).getByRole('link', { name: 'set the class path' })).toHaveAttribute('href', '/class-path');
    cleanup();

    await renderSuspendingWithStore(<Screens />, store, { route: '/conference/s-kevin' });
    const now = await screen.findByRole('region', { name: 'Working on now' });
    expect(now).toHaveTextContent('No path yet — set the class path');
    expect(now).not.toHaveTextContent(/complete/);
    cleanup();

    await renderSuspendingWithStore(<Screens />, store, { route: '/conference/s-ada' });
    expect(await screen.findByRole('region', { name: 'Working on now' })).toHaveTextContent(
      'Path complete: every target on the path is mastered.',
    );
    cleanup();

    await renderSuspendingWithStore(<OverviewPage />, store);
    expect(await screen.findByTestId('overview-no-path')).toHaveTextContent(
      'No path yet (2 students: Kevin and Maria) — set the class path',
    );
    expect(screen.getByText('Path complete (1 student): Ada')).toBeInTheDocument();
  });

  it('tells the child on My path, in Spanish too', async () => {
    const store = await newClassStore();
    renderWithStore(<Screens />, store, { route: '/my-path/s-kevin' });
    expect(await screen.findByText('Nothing yet: your teacher will plan your path.')).toBeInTheDocument();
    cleanup();
    await renderSuspendingWithStore(<Screens />, store, { route: '/class', language: 'es' });
    const roster = await screen.findByRole('list', { name: 'Estudiantes' });
    expect(within(roster).getByRole('link', { name: /Maria/ })).toHaveTextContent(
      'Todavía sin ruta — defina la ruta de la clase',
    );
  });
});
