import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ACTIVE_CLASS_KEY, getSetting, listStudents, seedFirstRun } from '#db';
import MyPathPage from '#features/my-path/MyPathPage.tsx';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

/** My path of a student of the demo class whose family speaks `familyLanguage`, on a tablet set to `language`. */
async function renderMyPath(familyLanguage = 'en', language = 'en') {
  const store = testStore();
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  const student = (await listStudents(store, classId)).find((s) => s.familyLanguage === familyLanguage)!;
  renderWithStore(
    <Routes>
      <Route path="/my-path/:studentId" element={<MyPathPage />} />
    </Routes>,
    store,
    { route: `/my-path/${student.id}`, language },
  );
  await screen.findByRole('heading', { level: 1, name: new RegExp(`: ${student.displayName}$`) });
  return { store, student, user: userEvent.setup() };
}

describe('my path (student view)', () => {
  it('shows every target with its status as icon and word, and the reason for it', async () => {
    const { store, student } = await renderMyPath();
    const path = screen.getByRole('list', { name: 'Learning path' });
    // The first targets show at once, the rest as the tablet is idle: every one of them, in the end.
    const entries = (await store.db.paths.get(student.id))!.entries;
    expect(entries.length).toBeGreaterThan(20);
    await waitFor(() => expect(within(path).getAllByRole('listitem')).toHaveLength(entries.length));
    const items = within(path).getAllByRole('listitem');
    for (const item of items) {
      expect(item).toHaveTextContent(/Mastered|In progress|Not started|Skipped/);
      expect(item).toHaveTextContent(/Why: \S/);
      expect(item.querySelector('.status [aria-hidden="true"]')?.textContent).toMatch(/[○◐●⤼]/);
    }
    expect(
      within(path)
        .getAllByRole('listitem')
        .filter((li) => li.getAttribute('aria-current') === 'step'),
    ).toHaveLength(1);
    expect(screen.getByTestId('my-current-target')).toHaveTextContent(/I can/);
    expect(screen.getByTestId('my-next-step').textContent).not.toBe('');
  });

  it('lets the student choose the next target among the ready ones, recorded as their decision', async () => {
    const { store, student, user } = await renderMyPath();
    const form = screen.getByRole('form', { name: 'Choose what to work on next' });
    const options = within(form).getAllByRole('radio');
    expect(options.length).toBeGreaterThan(0);
    const choice = options.at(-1)!;
    const statement = choice.closest('label')!.textContent!.trim();
    await user.click(choice);
    await user.type(within(form).getByLabelText(/How will I show it/), 'Read it to my buddy');
    await user.click(within(form).getByRole('button', { name: 'Choose this' }));

    // The choice comes next: what the student works on now stays, and the choice is shown as next.
    const before = screen.getByTestId('my-current-target').textContent;
    await waitFor(() => expect(screen.getByTestId('my-chosen-next')).toHaveTextContent(statement));
    expect(screen.getByTestId('my-current-target').textContent).toBe(before);
    const decisions = await store.db.decisions.where('studentId').equals(student.id).toArray();
    const mine = decisions.filter((d) => d.kind === 'chooseNext' && d.decidedBy.kind === 'student');
    expect(mine.at(-1)).toMatchObject({
      decidedBy: { kind: 'student', id: student.id },
      showHow: 'Read it to my buddy',
    });
  });

  it('files evidence under the target worked on now, which a choice of what is next does not change, or the one the student picks', async () => {
    const { store, student, user } = await renderMyPath();
    const add = screen.getByRole('form', { name: 'Add evidence' });
    const targetBox = within(add).getByLabelText('Learning target');
    const before = screen.getByTestId('my-current-target').textContent;
    const currentId = (targetBox as HTMLSelectElement).value;

    // The student chooses what to learn next: it shows as next, and what they work on now stays, on every
    // part of the page (rules: chosenNextTargetId; see src/features/my-path/README.md).
    const choose = screen.getByRole('form', { name: 'Choose what to work on next' });
    const choice = within(choose).getAllByRole('radio').at(-1)!;
    const chosenId = (choice as HTMLInputElement).value;
    expect(chosenId).not.toBe(currentId);
    await user.click(choice);
    await user.click(within(choose).getByRole('button', { name: 'Choose this' }));
    await screen.findByTestId('my-chosen-next');
    expect(screen.getByTestId('my-current-target').textContent).toBe(before);
    expect(targetBox).toHaveValue(currentId);
    await user.type(within(add).getByLabelText('What did you do?'), 'I read the word wall to Ava');
    await user.click(within(add).getByRole('button', { name: 'Add' }));
    expect(await within(add).findByText('Added. Your teacher will look at it.')).toBeInTheDocument();
    const saved = async (note: string) =>
      (await store.db.evidence.where('studentId').equals(student.id).toArray()).find((e) => e.note === note);
    expect((await saved('I read the word wall to Ava'))?.targetIds).toEqual([currentId]);

    // A target the student picks for one piece of evidence is kept for it.
    const other = chosenId;
    await user.selectOptions(targetBox, other);
    await user.type(within(add).getByLabelText('What did you do?'), 'I clapped the syllables');
    await user.click(within(add).getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await saved('I clapped the syllables'))?.targetIds).toEqual([other]));
    expect(targetBox).toHaveValue(other);
  });

  it('adds a note and a self-assessment, both waiting for review, and lists them in my evidence', async () => {
    const { store, student, user } = await renderMyPath();
    const form = screen.getByRole('form', { name: 'Add evidence' });
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Write what you did.');
    await user.type(within(form).getByLabelText('What did you do?'), 'I read the cat book to Ava');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('Added. Your teacher will look at it.')).toBeInTheDocument();

    await user.click(within(form).getByRole('radio', { name: 'How I feel about it' }));
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose how you feel.');
    await user.click(within(form).getByRole('radio', { name: /Getting there/ }));
    await user.click(within(form).getByRole('button', { name: 'Add' }));

    const history = screen.getByRole('list', { name: 'My evidence' });
    const note = await within(history).findByText('I read the cat book to Ava');
    expect(note.closest('li')).toHaveTextContent(/Added by me.*Waiting for review/);
    await waitFor(() => expect(within(history).getAllByText(/Getting there/).length).toBeGreaterThan(0));

    const stored = await store.db.evidence
      .where('studentId')
      .equals(student.id)
      .filter((e) => e.recordedBy.kind === 'student' && e.needsReview === true)
      .toArray();
    expect(stored.map((e) => [e.kind, e.feeling ?? null, e.note ?? null])).toEqual(
      expect.arrayContaining([
        ['workSample', null, 'I read the cat book to Ava'],
        ['selfAssessment', 2, null],
      ]),
    );
  });

  it('speaks Spanish to a student whose family speaks Spanish, on a tablet set to English', async () => {
    await renderMyPath('es', 'en');
    expect(screen.getByRole('heading', { level: 2, name: 'Estoy trabajando en' })).toBeInTheDocument();
    expect(screen.getByTestId('my-current-target')).toHaveTextContent(/Puedo/);
    expect(screen.getByTestId('my-next-step')).not.toHaveTextContent(/I can/);
    const path = screen.getByRole('list', { name: 'Camino de aprendizaje' });
    expect(path).not.toHaveTextContent(/I can/);
    expect(path).toHaveTextContent(/Puedo/);
  });
});
