import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ACTIVE_CLASS_KEY, getSetting, listStudents, recordEvidence, seedFirstRun } from '#db';
import { ClassPage } from '#features/class/ClassPage.tsx';
import StudentPage from '#features/student/StudentPage.tsx';
import { renderSuspendingWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

async function seededStore() {
  const store = testStore(undefined);
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  return { store, students: await listStudents(store, classId) };
}

function Screens() {
  return (
    <Routes>
      <Route path="/class" element={<ClassPage />} />
      <Route path="/student/:studentId" element={<StudentPage />} />
    </Routes>
  );
}

describe('class roster', () => {
  it('lists every student with what they are working on, and opens a student', async () => {
    const { store, students } = await seededStore();
    // The class page suspends until its first read is done, as the app's routes allow.
    await renderSuspendingWithStore(<Screens />, store, { route: '/class' });

    const roster = await screen.findByRole('list', { name: 'Students' });
    const links = within(roster).getAllByRole('link');
    expect(links.map((l) => l.querySelector('.roster-name')?.textContent)).toEqual(students.map((s) => s.displayName));
    expect(links.every((l) => /Working on: |Path complete/.test(l.textContent ?? ''))).toBe(true);

    // The student page suspends until its first read is done too: React resumes it inside an awaited act.
    const user = userEvent.setup();
    await act(() => user.click(links[0]!));
    expect(await screen.findByRole('heading', { level: 1, name: students[0]!.displayName })).toBeInTheDocument();
  });
});

describe('student page', () => {
  it('shows the path with statuses, the current target, and evidence; a new observation appears at once', async () => {
    const { store, students } = await seededStore();
    const student = students[0]!;
    await renderSuspendingWithStore(<Screens />, store, { route: `/student/${student.id}` });

    await screen.findByRole('heading', { level: 1, name: student.displayName });
    // A long path is folded, and not made at all until the teacher opens it.
    expect(screen.queryByRole('list', { name: 'Learning path' })).toBeNull();
    await userEvent.setup().click(screen.getByText(/^Every target on the path/));
    const path = await screen.findByRole('list', { name: 'Learning path' });
    // The first targets show at once, the rest as the tablet is idle: every one of them, in the end.
    const entries = (await store.db.paths.get(student.id))!.entries;
    expect(entries.length).toBeGreaterThan(20);
    await waitFor(() => expect(within(path).getAllByRole('listitem')).toHaveLength(entries.length));
    expect(within(path).getAllByText(/Mastered|In progress|Not started|Skipped/).length).toBeGreaterThan(20);
    expect(screen.getByTestId('current-target')).toHaveTextContent(/I can/);
    expect(screen.getByTestId('next-step').textContent).not.toBe('');

    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Quick observation' });
    await user.click(within(form).getByRole('radio', { name: /Exceeding/ }));
    await user.type(within(form).getByLabelText('Note'), 'Read the whole page to a friend');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    // "Saved" only after the write commits; then the list (not the note box) shows it.
    await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent('Observation saved.'));
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Evidence' })).getByText('Read the whole page to a friend'),
      ).toBeInTheDocument(),
    );
    const stored = await store.db.evidence
      .where('studentId')
      .equals(student.id)
      .filter((e) => e.level === 4)
      .toArray();
    expect(stored.some((e) => e.note === 'Read the whole page to a friend')).toBe(true);
  });

  it('shows the newest evidence a page at a time, and a new piece at the top of a longer page', async () => {
    const { store, students } = await seededStore();
    const student = students[0]!;
    const targetId = (await store.db.paths.get(student.id))!.entries[0]!.targetId;
    for (let day = 1; day <= 25; day++)
      await recordEvidence(store, {
        studentId: student.id,
        targetIds: [targetId],
        kind: 'observation',
        level: 2,
        note: `Day ${day}`,
        observedAt: new Date(Date.UTC(2027, 0, day, 12)).toISOString(),
        recordedBy: { kind: 'teacher', id: 't' },
      });
    const total = await store.db.evidence.where('studentId').equals(student.id).count();
    await renderSuspendingWithStore(<Screens />, store, { route: `/student/${student.id}` });
    const list = await screen.findByRole('list', { name: 'Evidence' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Day 25');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more evidence' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(Math.min(40, total)));
    await recordEvidence(store, {
      studentId: student.id,
      targetIds: [targetId],
      kind: 'observation',
      level: 3,
      note: 'Day 26',
      observedAt: new Date(Date.UTC(2027, 0, 26, 12)).toISOString(),
      recordedBy: { kind: 'teacher', id: 't' },
    });
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Day 26'));
    expect(within(list).getAllByRole('listitem')).toHaveLength(Math.min(40, total + 1));
  });

  it('says so when the student does not exist', async () => {
    const store = testStore();
    await renderSuspendingWithStore(<Screens />, store, { route: '/student/nobody' });
    expect(await screen.findByText('Not found')).toBeInTheDocument();
  });
});
