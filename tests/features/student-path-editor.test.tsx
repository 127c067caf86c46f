import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ACTIVE_CLASS_KEY, addStudent, getPath, getSetting, seedFirstRun, type Store } from '#db';
import StudentPathPage from '#features/paths/StudentPathPage.tsx';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

// Sofía, of the demo class: 36 targets on her path, evidence on the first ones.
const SOFIA = 'demo-student-1';

async function renderEditor(pickStudent: (store: Store) => Promise<string> = async () => SOFIA) {
  const store = testStore();
  await seedFirstRun(store);
  const studentId = await pickStudent(store);
  renderWithStore(
    <Routes>
      <Route path="/student/:studentId/path" element={<StudentPathPage />} />
    </Routes>,
    store,
    { route: `/student/${studentId}/path` },
  );
  await screen.findByRole('heading', { level: 1, name: /^Path of / });
  return { store, studentId, user: userEvent.setup() };
}

const storedIds = async (store: Store, studentId = SOFIA) =>
  (await getPath(store, studentId))?.entries.map((e) => e.targetId) ?? [];
/** Pieces of evidence citing a target, whoever they are about. */
const evidenceOf = async (store: Store, targetId: string) =>
  (await store.db.evidence.toArray()).filter((e) => e.targetIds.includes(targetId)).length;
/** How the editor names a target in labels and messages: codes alone are not unique. */
async function nameOf(store: Store, targetId: string) {
  const target = (await store.db.targets.get(targetId))!;
  return `${target.code} “${target.kidStatement.replace(/\.$/, '')}”`;
}
const rows = () => within(screen.getByRole('list', { name: 'Targets on the path' })).getAllByRole('listitem');
const row = (name: string) => screen.getByRole('button', { name: `Change ${name}` }).closest('li')!;
const status = () => screen.getAllByRole('status').find((s) => s.closest('.save-status'))!;

describe('student path editor', { timeout: 30_000 }, () => {
  it('moves a target down with the keyboard-friendly buttons; the order is saved and focus stays', async () => {
    const { store, user } = await renderEditor();
    const [first, second] = await storedIds(store);
    const name = await nameOf(store, first!);
    expect(rows()).toHaveLength(36);

    await user.click(screen.getByRole('button', { name: `Move down: ${name}` }));

    await waitFor(() => expect(status()).toHaveTextContent(`${name} moved to place 2 of 36.`));
    expect((await storedIds(store)).slice(0, 2)).toEqual([second, first]);
    await waitFor(() => expect(rows()[1]).toBe(row(name)));
    await waitFor(() => expect(screen.getByRole('button', { name: `Move down: ${name}` })).toHaveFocus());
    expect(screen.getByRole('button', { name: `Move up: ${name}` })).toBeEnabled();

    // Back to the top, where Move up is disabled: focus goes to Move down rather than being lost.
    await user.click(screen.getByRole('button', { name: `Move up: ${name}` }));
    await waitFor(() => expect(status()).toHaveTextContent(`${name} moved to place 1 of 36.`));
    await waitFor(() => expect(screen.getByRole('button', { name: `Move down: ${name}` })).toHaveFocus());
    expect(screen.getByRole('button', { name: `Move up: ${name}` })).toBeDisabled();
    expect((await storedIds(store)).slice(0, 2)).toEqual([first, second]);
  });

  it('a quick second tap moves again from the saved order and says the real place', async () => {
    const { store, user } = await renderEditor();
    const [first] = await storedIds(store);
    const name = await nameOf(store, first!);
    const moveDown = screen.getByRole('button', { name: `Move down: ${name}` });
    // The second tap comes before the screen shows the first move.
    await Promise.all([user.click(moveDown), user.click(moveDown)]);
    await waitFor(() => expect(status()).toHaveTextContent(`${name} moved to place 3 of 36.`));
    expect((await storedIds(store)).indexOf(first!)).toBe(2);
  });

  it('refuses a skip without a reason with a clear message and writes nothing; with a reason it is saved', async () => {
    const { store, user } = await renderEditor();
    const name = await nameOf(store, 'lt-names-upper');
    await user.click(screen.getByRole('button', { name: `Change ${name}` }));
    const form = within(row(name)).getByRole('form', { name: `Skip ${name}` });
    const [outbox, before] = [await store.db.outbox.count(), await getPath(store, SOFIA)];

    await user.type(within(form).getByLabelText('Why is it skipped? (required)'), '   ');
    await user.click(within(form).getByRole('button', { name: 'Skip' }));

    expect(within(form).getByRole('alert')).toHaveTextContent(
      'Write why this target is skipped, for example “already reads all letters”.',
    );
    expect(within(form).getByLabelText('Why is it skipped? (required)')).toHaveAttribute('aria-invalid', 'true');
    expect(await store.db.outbox.count()).toBe(outbox);
    expect(await getPath(store, SOFIA)).toEqual(before);

    await user.type(within(form).getByLabelText('Why is it skipped? (required)'), 'already reads all letters');
    await user.click(within(form).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(status()).toHaveTextContent(`${name} skipped.`));
    const entry = (await getPath(store, SOFIA))!.entries.find((e) => e.targetId === 'lt-names-upper');
    expect(entry?.skippedReason).toBe('already reads all letters');
    await waitFor(() => expect(row(name)).toHaveTextContent('Skipped because: already reads all letters'));
    expect(within(row(name)).getByText('Skipped')).toBeInTheDocument();

    await user.click(within(row(name)).getByRole('button', { name: `Un-skip ${name}` }));
    await waitFor(() => expect(status()).toHaveTextContent(`${name} is back on the path.`));
    const back = (await getPath(store, SOFIA))!.entries.find((e) => e.targetId === 'lt-names-upper');
    expect(back).toEqual({ targetId: 'lt-names-upper' });
  });

  it('asks before removing a target with evidence, keeps the evidence, and adds it back as enrichment', async () => {
    const { store, user } = await renderEditor();
    const name = await nameOf(store, 'sel-name-feelings');
    const evidence = await evidenceOf(store, 'sel-name-feelings');
    expect(evidence).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: `Change ${name}` }));
    await user.click(within(row(name)).getByRole('button', { name: `Remove ${name} from the path` }));
    const confirm = within(row(name)).getByRole('group', { name: `Remove ${name}?` });
    expect(confirm).toHaveTextContent(/has \d+ pieces? of evidence\. The evidence is kept\./);
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await storedIds(store)).toContain('sel-name-feelings');

    await user.click(within(row(name)).getByRole('button', { name: `Remove ${name} from the path` }));
    await user.click(within(row(name)).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(status()).toHaveTextContent(`${name} removed from the path.`));
    expect(await storedIds(store)).not.toContain('sel-name-feelings');
    expect(await evidenceOf(store, 'sel-name-feelings')).toBe(evidence);
    await waitFor(() => expect(rows()).toHaveLength(35));

    const picker = screen.getByRole('region', { name: 'Add an enrichment target' });
    await user.selectOptions(within(picker).getByLabelText('Framework'), 'kindergarten-sel');
    await user.click(within(picker).getByRole('button', { name: `Add ${name} as enrichment` }));
    await waitFor(() => expect(status()).toHaveTextContent(`${name} added as enrichment.`));
    expect((await getPath(store, SOFIA))!.entries.at(-1)).toEqual({ targetId: 'sel-name-feelings', enrichment: true });
    await waitFor(() => expect(rows().at(-1)).toHaveTextContent('Enrichment'));
    expect(within(picker).getAllByText('On the path').length).toBeGreaterThan(0);
  });

  it('sets and clears a planned date, and spreads dates over the targets not yet mastered', async () => {
    const { store, user } = await renderEditor();
    const name = await nameOf(store, 'lt-names-lower');
    await user.click(screen.getByRole('button', { name: `Change ${name}` }));
    fireEvent.change(within(row(name)).getByLabelText(`Planned date for ${name}`), { target: { value: '2026-10-01' } });
    await user.click(within(row(name)).getByRole('button', { name: 'Set date' }));
    await waitFor(() => expect(row(name)).toHaveTextContent('Planned for Oct 1, 2026'));
    const planned = () => getPath(store, SOFIA).then((p) => p!.entries.find((e) => e.targetId === 'lt-names-lower'));
    expect((await planned())?.plannedDate).toBe('2026-10-01');
    await user.click(within(row(name)).getByRole('button', { name: 'Clear date' }));
    await waitFor(() => expect(status()).toHaveTextContent(`Planned date of ${name} cleared.`));
    expect(await planned()).toEqual({ targetId: 'lt-names-lower' });

    const spread = screen.getByRole('form', { name: 'Plan dates' });
    fireEvent.change(within(spread).getByLabelText('From'), { target: { value: '2026-10-05' } });
    fireEvent.change(within(spread).getByLabelText('To'), { target: { value: '2026-12-18' } });
    const button = within(spread).getByRole('button', { name: /^Plan \d+ targets$/ });
    const count = Number(/\d+/.exec(button.textContent!)![0]);
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThan(36);
    await user.click(button);
    await waitFor(() => expect(status()).toHaveTextContent(`Planned dates for ${count} targets.`));
    const dates = (await getPath(store, SOFIA))!.entries.flatMap((e) => (e.plannedDate ? [e.plannedDate] : []));
    expect(dates).toHaveLength(count);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]! >= '2026-10-05' && dates.at(-1) === '2026-12-18').toBe(true);
  });

  it('starts a student without a path from the class path', async () => {
    const { store, studentId, user } = await renderEditor(async (store) => {
      const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
      return (await addStudent(store, { classId, displayName: 'Nia', picture: 'owl', familyLanguage: 'en' })).id;
    });
    expect(screen.getByText('This student has no path yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start from the class path (36 targets)' }));
    await waitFor(() => expect(rows()).toHaveLength(36));
    expect(await storedIds(store, studentId)).toEqual((await store.db.classes.toArray())[0]!.templateTargetIds);
  });
});
