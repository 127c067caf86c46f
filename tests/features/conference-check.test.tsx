import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addStudent, checkDraftKey, getDraft, recordEvidence } from '#db';
import { LOWER, mapStop, renderConference, seededConference } from './conference-helpers.tsx';

describe('one-on-one check', { timeout: 30_000 }, () => {
  it('checks all 26 lowercase letters in 27 taps and keys, and saves one evidence record', async () => {
    const { store, student } = await seededConference();
    await renderConference(store, student.id);
    const user = userEvent.setup();
    await user.click(within(await mapStop(/lowercase/)).getByText('RF.K.1d'));

    let taps = 0;
    await user.click(within(await mapStop(/lowercase/)).getByRole('button', { name: 'Start check: RF.K.1d' }));
    taps += 1;
    expect(await screen.findByText('Item 1 of 26')).toBeInTheDocument();
    for (let i = 0; i < 26; i++) {
      await user.keyboard(i % 5 === 4 ? 'n' : 'y');
      taps += 1;
    }
    expect(await screen.findByRole('heading', { name: 'Check of RF.K.1d saved' })).toBeInTheDocument();
    expect(taps).toBeLessThanOrEqual(27);

    const checks = (await store.db.evidence.where('studentId').equals(student.id).toArray()).filter(
      (e) => e.kind === 'check' && e.recordedAt.startsWith('2026-09-01'),
    );
    expect(checks).toHaveLength(1);
    expect(checks[0]!.targetIds).toEqual([LOWER]);
    expect(checks[0]!.itemResults).toHaveLength(26);
    expect(checks[0]!.itemResults!.filter((r) => r.result === 'notYet')).toHaveLength(5);
    expect(checks[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(await getDraft(store, checkDraftKey(student.id, LOWER))).toBeUndefined();
    expect(screen.getByText('21 of 26 correct', { exact: false })).toBeInTheDocument();
    expect(screen.getByTestId('result-next-step').textContent).not.toBe('');
  });

  it('resumes a paused check after a reload with the same random order, answers and position', async () => {
    const { store, student } = await seededConference();
    const search = `?view=check&target=${LOWER}`;
    await renderConference(store, student.id, search);
    const user = userEvent.setup();
    // Shuffled is the default order.
    expect(await screen.findByRole('radio', { name: 'Shuffled' })).toHaveAttribute('aria-checked', 'true');
    const strip = () =>
      within(screen.getByRole('list', { name: 'Answers so far' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    const order = strip();
    await user.keyboard('yny');
    await waitFor(async () => {
      const draft = await getDraft<{ index: number }>(store, checkDraftKey(student.id, LOWER));
      expect(draft?.value.index).toBe(3);
    });

    cleanup(); // the tab closes
    await renderConference(store, student.id, search);
    expect(await screen.findByText('Item 4 of 26')).toBeInTheDocument();
    expect(screen.getByText('3 of 26 answered')).toBeInTheDocument();
    const resumed = within(screen.getByRole('list', { name: 'Answers so far' })).getAllByRole('listitem');
    expect(resumed.map((li) => li.getAttribute('aria-label')?.split(':')[0])).toEqual(order);
    expect(resumed[1]).toHaveAccessibleName(/not yet/);
  });

  it('offers "Before you start" first, above the first item, shuffled by default; the options go with the first answer', async () => {
    const { store, student } = await seededConference();
    await renderConference(store, student.id, `?view=check&target=${LOWER}`);
    const user = userEvent.setup();
    const options = await screen.findByRole('group', { name: 'Before you start' });
    const item = screen.getByTestId('check-item');
    // Before the item in reading order (and on screen: the options span the top of the check).
    expect(options.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(options).getByRole('radio', { name: 'Shuffled' })).toHaveAttribute('aria-checked', 'true');
    expect(within(options).getByRole('radio', { name: 'In order' })).toHaveAttribute('aria-checked', 'false');
    const draft = await getDraft<{ order: string; itemIds: string[] }>(store, checkDraftKey(student.id, LOWER));
    expect(draft?.value.order).toBe('random');
    expect(draft?.value.itemIds.join('')).not.toBe('abcdefghijklmnopqrstuvwxyz');

    await user.click(within(options).getByRole('radio', { name: 'In order' }));
    expect(screen.getByTestId('check-item')).toHaveTextContent('a');
    await user.keyboard('y');
    expect(screen.queryByRole('group', { name: 'Before you start' })).not.toBeInTheDocument();
  });

  it('goes back with the arrow key to change an answer, then on to the next open item', async () => {
    const { store, student } = await seededConference();
    await renderConference(store, student.id, `?view=check&target=${LOWER}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'In order' }));
    await screen.findByText('Item 1 of 26');
    await user.keyboard('yy{ArrowLeft}');
    expect(screen.getByText('Item 2 of 26')).toBeInTheDocument();
    await user.keyboard('n');
    expect(screen.getByText('Item 3 of 26')).toBeInTheDocument();
    const marks = within(screen.getByRole('list', { name: 'Answers so far' })).getAllByRole('listitem');
    expect(marks[0]).toHaveAccessibleName('a: correct');
    expect(marks[1]).toHaveAccessibleName('b: not yet');
  });

  it('retests only the items the rules say are not known yet, with a note, and shows newly known items', async () => {
    const { store, student: classmate } = await seededConference();
    // A new student: no earlier evidence for lowercase letters.
    const student = await addStudent(store, {
      classId: classmate.classId,
      displayName: 'Noa',
      picture: 'owl',
      familyLanguage: 'en',
    });
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
    // Yesterday every letter was correct; this morning all but x, y, z: those three are one day short.
    await recordEvidence(store, {
      studentId: student.id,
      targetIds: [LOWER],
      kind: 'check',
      observedAt: '2026-08-31T10:00:00.000Z',
      itemResults: letters.map((id) => ({ itemId: id, result: 'correct' })),
      recordedBy: { kind: 'teacher', id: 't' },
    });
    await recordEvidence(store, {
      studentId: student.id,
      targetIds: [LOWER],
      kind: 'check',
      observedAt: '2026-09-01T08:00:00.000Z',
      itemResults: letters.map((id) => ({ itemId: id, result: 'xyz'.includes(id) ? 'notYet' : 'correct' })),
      recordedBy: { kind: 'teacher', id: 't' },
    });
    await renderConference(store, student.id, `?view=check&target=${LOWER}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Retest only the 3 items not known yet' }));
    await user.click(screen.getByRole('radio', { name: 'In order' }));
    expect(screen.getByText('Item 1 of 3')).toBeInTheDocument();
    expect(screen.getByTestId('check-item')).toHaveTextContent('x');

    await user.click(screen.getByRole('button', { name: 'Note on this item' }));
    await user.type(screen.getByLabelText('Note for x'), 'said k');
    await user.click(screen.getByRole('button', { name: 'Correct (Y)' }));
    await user.click(screen.getByRole('button', { name: 'Correct (Y)' }));
    await user.click(screen.getByRole('button', { name: 'Not yet (N)' }));

    expect(await screen.findByRole('heading', { name: 'Check of RF.K.1d saved' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Newly known' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(expect.arrayContaining(['x', 'y']));
    const saved = (await store.db.evidence.toArray()).find((e) => e.itemResults?.length === 3);
    expect(saved?.itemResults?.[0]).toEqual({ itemId: 'x', result: 'correct', note: 'said k' });
  });
});
