import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { recordEvidence } from '#db';
import { LOWER, mapStop, renderConference, seededConference } from './conference-helpers.tsx';

describe('conference overview and evidence', { timeout: 30_000 }, () => {
  it('shows the map with reasons one tap away, marks submissions reviewed, voids with a reason, records decisions', async () => {
    const { store, student } = await seededConference();
    const submitted = await recordEvidence(store, {
      studentId: student.id,
      targetIds: [LOWER],
      kind: 'workSample',
      note: 'My letters page',
      needsReview: true,
      recordedBy: { kind: 'student', id: student.id },
    });
    await renderConference(store, student.id);
    const user = userEvent.setup();

    const stop = await mapStop(/Names each lowercase/);
    expect(within(stop).getByText(/Mastered|In progress|Not started/)).toBeInTheDocument();
    await user.click(within(stop).getByText('RF.K.1d'));
    expect(within(stop).getByText('Why?')).toBeVisible();

    // The review queue reads its evidence on its own, and may come a moment after the map.
    const waiting = await waitFor(() =>
      within(screen.getByRole('list', { name: /waiting for review/ }))
        .getByText('My letters page')
        .closest('li')!,
    );
    // Each card's buttons are named after their evidence, so a screen reader's button list tells them apart.
    await user.click(within(waiting).getByRole('button', { name: /^Mark reviewed Work sample \w+/ }));
    await waitFor(async () => expect((await store.db.evidence.get(submitted.id))?.reviewedAt).toBeDefined());

    const timeline = screen.getByRole('list', { name: 'Evidence timeline' });
    const item = within(timeline).getByText('My letters page').closest('li')!;
    const voidNames = within(timeline)
      .getAllByRole('button', { name: /^Void…/ })
      .map((b) => b.getAttribute('aria-labelledby')!);
    expect(new Set(voidNames).size).toBe(voidNames.length);
    await user.click(within(item).getByRole('button', { name: /^Void… Work sample/ }));
    await user.click(within(item).getByRole('button', { name: 'Void evidence' }));
    expect(within(item).getByRole('alert')).toHaveTextContent('Say why');
    await user.type(within(item).getByLabelText('Why is it voided?'), 'Wrong student');
    await user.click(within(item).getByRole('button', { name: 'Void evidence' }));
    await waitFor(async () =>
      expect((await store.db.evidence.get(submitted.id))?.voided?.reason).toBe('Wrong student'),
    );

    const other = within(screen.getByRole('list', { name: 'Learning path map' }))
      .getAllByRole('listitem')
      .find((li) => !li.hasAttribute('aria-current'))!;
    await user.click(other.querySelector('summary')!);
    await user.click(within(other).getByRole('button', { name: 'Make this the current target' }));
    await waitFor(async () =>
      expect((await store.db.decisions.toArray()).some((d) => d.kind === 'setCurrent')).toBe(true),
    );
    await user.click(screen.getByRole('radio', { name: 'Draw' }));
    await user.click(screen.getByRole('button', { name: 'Save my choice' }));
    await waitFor(async () =>
      expect((await store.db.decisions.toArray()).find((d) => d.kind === 'chooseNext')).toMatchObject({
        showHow: 'draw',
        decidedBy: { kind: 'student', id: student.id },
      }),
    );
  });

  it('marks a target mastered and reopens it, each only with a reason, and the map follows the rules', async () => {
    const { store, student } = await seededConference();
    await renderConference(store, student.id);
    const user = userEvent.setup();
    const notStarted = async () =>
      within(await screen.findByRole('list', { name: 'Learning path map' }))
        .getAllByRole('listitem')
        .find((li) => /Not started/.test(li.textContent ?? ''))!;
    const stop = await notStarted();
    const code = stop.querySelector('.map-code')!.textContent!;
    const stopOf = async () =>
      within(await screen.findByRole('list', { name: 'Learning path map' }))
        .getAllByRole('listitem')
        .find((li) => li.querySelector('.map-code')?.textContent === code)!;
    await user.click(stop.querySelector('summary')!);

    await user.click(within(stop).getByRole('button', { name: 'Mark mastered' }));
    expect(within(stop).getByRole('alert')).toHaveTextContent('Say why');
    expect((await store.db.decisions.toArray()).some((d) => d.kind === 'markMastered')).toBe(false);

    await user.type(within(stop).getByLabelText('Reason'), 'Read every word to me today');
    await user.click(within(stop).getByRole('button', { name: 'Mark mastered' }));
    await waitFor(() => expect(within(stop).getByRole('status')).toHaveTextContent('Decision saved.'));
    const marked = (await store.db.decisions.toArray()).find((d) => d.kind === 'markMastered');
    expect(marked).toMatchObject({ studentId: student.id, reason: 'Read every word to me today' });
    const statusOf = async () => (await stopOf()).querySelector('summary .status')!.textContent;
    await waitFor(async () => expect(await statusOf()).toMatch(/Mastered/));

    store.env.advance(60_000); // a minute later: the newer decision wins
    const mastered = await stopOf();
    if (!mastered.querySelector('details[open]')) await user.click(mastered.querySelector('summary')!);
    await user.type(within(mastered).getByLabelText('Reason'), 'Mixed up b and d again');
    await user.click(within(mastered).getByRole('button', { name: 'Reopen' }));
    // Reopened with no evidence since: in progress again, not mastered.
    await waitFor(async () => expect(await statusOf()).toMatch(/In progress/));
    expect((await store.db.decisions.toArray()).find((d) => d.kind === 'reopen')).toMatchObject({
      reason: 'Mixed up b and d again',
    });
  });

  it('saves an observation for several targets on an earlier day, and confirms after the write', async () => {
    const { store, student } = await seededConference();
    await renderConference(store, student.id, `?view=observe&target=${LOWER}`);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Observation or work sample' });
    await user.click(within(form).getByRole('checkbox', { name: /RF.K.1d.*uppercase/ }));
    await user.click(within(form).getByRole('radio', { name: /Developing/ }));
    await user.type(within(form).getByLabelText('Note'), 'Mixed up b and d');
    const date = within(form).getByLabelText('Observed on');
    await user.clear(date);
    await user.type(date, '2026-08-28');
    await user.click(within(form).getByRole('button', { name: 'Save evidence' }));
    await waitFor(() => expect(within(form).getByText('Evidence saved.')).toBeInTheDocument());
    const saved = (await store.db.evidence.toArray()).find((e) => e.note === 'Mixed up b and d');
    expect(saved).toMatchObject({ kind: 'observation', level: 2, targetIds: [LOWER, 'lt-names-upper'] });
    expect(saved?.observedAt.slice(0, 10)).toBe('2026-08-28');
  });

  it('prints flashcards of the items not known yet, in Spanish too', async () => {
    const { store, student } = await seededConference();
    await renderConference(store, student.id, `?view=cards&target=${LOWER}`, 'es');
    expect(await screen.findByRole('button', { name: /Imprimir/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: `Practicar en casa con ${student.displayName}` })).toBeInTheDocument();
  });
});

describe('the student’s choice', { timeout: 30_000 }, () => {
  it('is the next target: Noah keeps his capital letters and Start check; the teacher may start the choice now', async () => {
    const { store } = await seededConference();
    const noah = (await store.db.students.get('demo-student-6'))!;
    await renderConference(store, noah.id);
    const user = userEvent.setup();
    expect(await screen.findByTestId('conference-current')).toHaveTextContent(
      'RF.K.1d I can name all the capital letters.',
    );

    const choice = screen.getByRole('form', { name: "The student's choice" });
    await user.selectOptions(within(choice).getByLabelText('What I want to learn next'), 'sel-name-feelings');
    await user.click(within(choice).getByRole('button', { name: 'Save my choice' }));
    expect(
      await within(choice).findByText(
        'Saved: SEL.SA.1 · I can name how I feel comes next, after RF.K.1d · I can name all the capital letters.',
      ),
    ).toBeInTheDocument();

    // Still working on the capitals, with the check at hand; the choice waits, and says so.
    expect(screen.getByTestId('conference-current')).toHaveTextContent('RF.K.1d I can name all the capital letters.');
    expect(screen.getByRole('button', { name: 'Start check: RF.K.1d' })).toBeInTheDocument();
    expect(await screen.findByTestId('conference-then')).toHaveTextContent(
      'Then: SEL.SA.1 · I can name how I feel (the student’s choice).',
    );
    expect(screen.getByTestId('choice-waiting')).toHaveTextContent(
      'Next, by the student’s choice: SEL.SA.1 · I can name how I feel. It starts once RF.K.1d · I can name all the capital letters is mastered.',
    );

    await user.click(within(choice).getByRole('button', { name: 'Start it now' }));
    await waitFor(() => expect(screen.getByTestId('conference-current')).toHaveTextContent('SEL.SA.1'));
    const decisions = await store.db.decisions.where('studentId').equals(noah.id).toArray();
    const onFeelings = decisions.filter((d) => d.targetId === 'sel-name-feelings');
    expect(onFeelings.map((d) => `${d.kind} by ${d.decidedBy.kind}`).sort()).toEqual([
      'chooseNext by student',
      'setCurrent by teacher',
    ]);
  });
});
