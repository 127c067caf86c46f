/**
 * Teacher screens show a target's icon as the bundled drawing the children see, never as an emoji (which
 * many tablets draw as an empty box); and the student page puts the day's work first: the current target
 * and the quick observation before the folded path map and target list.
 */
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ACTIVE_CLASS_KEY, getSetting, listStudents, seedFirstRun } from '#db';
import { ClassPage } from '#features/class/ClassPage.tsx';
import StudentPage from '#features/student/StudentPage.tsx';
import { TARGET_ICONS } from '#ui/pictures.ts';
import { renderSuspendingWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

async function seededStore() {
  const store = testStore(undefined);
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  return { store, students: await listStudents(store, classId) };
}

const emoji = Object.values(TARGET_ICONS);
const hasEmoji = (text: string) => emoji.some((glyph) => text.includes(glyph));

function Screens() {
  return (
    <Routes>
      <Route path="/class" element={<ClassPage />} />
      <Route path="/student/:studentId" element={<StudentPage />} />
    </Routes>
  );
}

describe('target icons on teacher screens', () => {
  it('the class page and the student page draw them, with no emoji', async () => {
    const { store, students } = await seededStore();
    const { container, unmount } = await renderSuspendingWithStore(<Screens />, store, { route: '/class' });
    await screen.findByRole('list', { name: 'Students' });
    expect(hasEmoji(container.textContent ?? '')).toBe(false);
    expect(container.querySelectorAll('img.target-icon-inline[src*="drawings/icons/"]').length).toBeGreaterThan(0);
    unmount();

    const page = await renderSuspendingWithStore(<Screens />, store, { route: `/student/${students[1]!.id}` });
    await screen.findByRole('heading', { level: 1, name: students[1]!.displayName });
    expect(hasEmoji(page.container.textContent ?? '')).toBe(false);
    expect(page.container.querySelector('.current-target img.target-icon-inline')).not.toBeNull();
  });
});

describe('student page, tablet first', () => {
  it('shows the current target and the quick observation before the folded map and list', async () => {
    const { store, students } = await seededStore();
    await renderSuspendingWithStore(<Screens />, store, { route: `/student/${students[1]!.id}` });
    await screen.findByRole('heading', { level: 1, name: students[1]!.displayName });
    const observation = screen.getByRole('heading', { name: 'Quick observation' });
    const map = screen.getByText(/^Path map: \d+ stops/);
    expect(observation.compareDocumentPosition(map) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(map.closest('details')).not.toHaveAttribute('open');
    expect(screen.getByText(/^Every target on the path/).closest('details')).not.toHaveAttribute('open');
  });
});
