import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { seedFirstRun } from '#db';
import MyPathPage from '#features/my-path/MyPathPage.tsx';
import StudentPathPage from '#features/paths/StudentPathPage.tsx';
import StudentPage from '#features/student/StudentPage.tsx';
import { renderSuspendingWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

// Liam, of the demo class: two letter-name targets skipped with a reason.
const LIAM = 'demo-student-2';

async function renderAt(route: string) {
  const store = testStore();
  await seedFirstRun(store);
  await renderSuspendingWithStore(
    <Routes>
      <Route path="/student/:studentId" element={<StudentPage />} />
      <Route path="/student/:studentId/path" element={<StudentPathPage />} />
      <Route path="/my-path/:studentId" element={<MyPathPage />} />
    </Routes>,
    store,
    { route },
  );
  return { store, user: userEvent.setup() };
}

describe('the path map on the student pages', { timeout: 30_000 }, () => {
  it('shows the teacher every stop in path order, skipped ones passed by, one "You are here"', async () => {
    const { store, user } = await renderAt(`/student/${LIAM}`);
    // Folded below the day's work on a long path, and made only once opened.
    await user.click(await screen.findByText(/^Path map: \d+ stops/));
    const map = await screen.findByRole('list', { name: 'Path map' });
    const entries = (await store.db.paths.get(LIAM))!.entries;
    // The first rows of the trail show at once, the rest as the tablet is idle: every stop, in the end.
    await waitFor(() => expect(within(map).getAllByRole('listitem')).toHaveLength(entries.length));
    const stops = within(map).getAllByRole('listitem');
    const codes = new Map((await store.db.targets.toArray()).map((t) => [t.id, t.code]));
    expect(stops.map((s) => s.querySelector('.map-trail-code')!.textContent)).toEqual(
      entries.map((e) => codes.get(e.targetId)),
    );
    expect(stops.filter((s) => s.textContent!.includes('Passed by'))).toHaveLength(2);
    const here = stops.filter((s) => s.getAttribute('aria-current') === 'step');
    expect(here).toHaveLength(1);
    expect(here[0]).toHaveTextContent('You are here');

    await user.click(screen.getByRole('link', { name: 'Edit path' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Path of Liam' })).toBeInTheDocument();
  });

  it('shows the child their own map', async () => {
    await renderAt(`/my-path/${LIAM}`);
    const map = await screen.findByRole('list', { name: 'My path map' });
    expect(within(map).getAllByText('You are here')).toHaveLength(1);
  });
});
