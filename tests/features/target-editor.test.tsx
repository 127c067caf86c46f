import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { saveFramework, type Store } from '#db';
import { loadedCatalog } from '#i18n';
import type { ItemSet, Target } from '#protocol';
import FrameworksPage from '#features/frameworks/FrameworksPage.tsx';
import { draftChanges, parseRule, ruleDraft, targetDraft } from '#features/frameworks/target-form.ts';
import { TARGET_ICONS } from '#ui/pictures.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const letters: Target = {
  id: 'letters',
  frameworkId: 'fw',
  code: 'RF.K.1',
  sequence: 1,
  strand: 'Print',
  teacherStatement: 'Name all letters',
  kidStatement: 'I can name letters',
  icon: 'abc',
  prerequisites: [],
  rule: { kind: 'score', method: { kind: 'decayingAverage', weight: 65 } },
  translations: { es: { kidStatement: 'Puedo nombrar letras' } },
};
const words: Target = {
  id: 'words',
  frameworkId: 'fw',
  code: 'RF.K.3',
  sequence: 2,
  strand: 'Phonics',
  teacherStatement: 'Read CVC words',
  kidStatement: 'I can read short words',
  icon: 'word',
  itemSetId: 'cvc',
  prerequisites: [],
  rule: { kind: 'itemsInOneCheck', count: 2 },
};
const sounds: Target = { ...words, id: 'sounds', code: 'RF.K.2', sequence: 3, itemIds: ['cat', 'map'] };
const cvc: ItemSet = {
  id: 'cvc',
  frameworkId: 'fw',
  title: 'CVC words',
  items: [
    { id: 'cat', label: 'cat' },
    { id: 'map', label: 'map' },
    { id: 'sun', label: 'sun' },
  ],
};

async function withFramework(): Promise<Store> {
  const store = testStore();
  await saveFramework(store, {
    framework: { id: 'fw', title: 'Tiny phonics', kind: 'academic', version: '1', notices: [] },
    targets: [letters, words, sounds],
    itemSets: [cvc],
  });
  return store;
}

async function openEditor(store: Store, code: string, language = 'en') {
  renderWithStore(<FrameworksPage />, store, { language });
  const es = language === 'es';
  await userEvent.click(
    await screen.findByRole('button', { name: es ? 'Objetivos de Tiny phonics' : 'Targets of Tiny phonics' }),
  );
  await userEvent.click(await screen.findByRole('button', { name: es ? `Editar ${code}` : `Edit ${code}` }));
  return screen.findByRole('region', { name: es ? `Editar el objetivo ${code}` : `Edit target ${code}` });
}

const preview = () => within(screen.getByRole('region', { name: 'Preview: what the rule makes of this evidence' }));

describe('target editor', { timeout: 30_000 }, () => {
  it('edits statements, icon and rule and saves them through the write funnel', async () => {
    const store = await withFramework();
    const editor = await openEditor(store, 'RF.K.1');
    const kid = within(editor).getByLabelText('Kid statement (“I can…”, read aloud to children)');
    await userEvent.clear(kid);
    await userEvent.type(kid, 'I can name every letter');
    await userEvent.type(within(editor).getByLabelText('Teacher statement in Spanish'), 'Nombrar todas las letras');
    await userEvent.selectOptions(within(editor).getByLabelText('Icon'), 'star');
    await userEvent.selectOptions(within(editor).getByLabelText('Rule'), 'mOfN');
    await userEvent.clear(within(editor).getByLabelText('Checks needed at the mastery level (m)'));
    await userEvent.type(within(editor).getByLabelText('Checks needed at the mastery level (m)'), '2');
    const before = await store.db.outbox.count();
    await userEvent.click(within(editor).getByRole('button', { name: 'Save target' }));
    expect(await within(editor).findByText('Saved.')).toBeInTheDocument();

    const saved = (await store.db.targets.get('letters'))!;
    expect(saved.kidStatement).toBe('I can name every letter');
    expect(saved.icon).toBe('star');
    expect(saved.rule).toEqual({ kind: 'score', method: { kind: 'mOfN', m: 2, n: 3 } });
    expect(saved.translations).toEqual({
      es: { kidStatement: 'Puedo nombrar letras', teacherStatement: 'Nombrar todas las letras' },
    });
    expect(saved.teacherStatement).toBe('Name all letters');
    // One outbox entry carrying only the changed fields, so other edits to the target survive a sync.
    const outbox = await store.db.outbox.toArray();
    expect(outbox).toHaveLength(before + 1);
    expect(Object.keys(outbox.at(-1)!.fields).sort()).toEqual(['icon', 'kidStatement', 'rule', 'translations']);
  });

  it('refuses an invalid rule with a clear message and writes nothing', async () => {
    const store = await withFramework();
    const editor = await openEditor(store, 'RF.K.1');
    const weight = within(editor).getByLabelText('Weight of the newest check (%)');
    await userEvent.clear(weight);
    await userEvent.type(weight, '0');
    // Said beside the field at once, and the preview waits for a valid rule.
    expect(within(editor).getByText('The weight must be a whole number from 1 to 99.')).toBeInTheDocument();
    expect(preview().getByRole('status')).toHaveTextContent('Fix the rule to see the preview.');

    const before = await store.db.outbox.count();
    await userEvent.click(within(editor).getByRole('button', { name: 'Save target' }));
    const alert = await within(editor).findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was saved. Fix this first:');
    expect(alert).toHaveTextContent('The weight must be a whole number from 1 to 99.');
    expect(await store.db.outbox.count()).toBe(before);
    expect((await store.db.targets.get('letters'))!.rule).toEqual(letters.rule);

    // mOfN with m above n, and exponential decay below 50 %, are refused the same way.
    await userEvent.selectOptions(within(editor).getByLabelText('Rule'), 'mOfN');
    await userEvent.clear(within(editor).getByLabelText('Checks needed at the mastery level (m)'));
    await userEvent.type(within(editor).getByLabelText('Checks needed at the mastery level (m)'), '5');
    expect(
      within(editor).getByText('Checks needed (5) cannot be more than “out of the last” (3).'),
    ).toBeInTheDocument();
    await userEvent.selectOptions(within(editor).getByLabelText('Rule'), 'exponentialDecay');
    await userEvent.clear(within(editor).getByLabelText('Weight of each new check (%)'));
    await userEvent.type(within(editor).getByLabelText('Weight of each new check (%)'), '40');
    await userEvent.click(within(editor).getByRole('button', { name: 'Save target' }));
    expect(await within(editor).findByRole('alert')).toHaveTextContent(
      'The weight must be a whole number from 50 to 99.',
    );
    expect(await store.db.outbox.count()).toBe(before);
  });

  it('shows what the rule makes of the sample evidence, and follows the rule and the sample', async () => {
    const store = await withFramework();
    const editor = await openEditor(store, 'RF.K.1');
    // The sample: levels 2, 3, 1, 3 (oldest first). Decaying average 65 %: 3 × 0.65 + mean(2, 3, 1) × 0.35 = 2.65.
    const result = () => preview().getByRole('status');
    expect(result()).toHaveTextContent('In progress · score 2.65');
    expect(result()).toHaveTextContent(
      'Not yet: decaying average 2.65 from 4 checks, the newest weighted 65%; 3 (Proficient) needed.',
    );

    await userEvent.selectOptions(within(editor).getByLabelText('Rule'), 'mostRecent');
    expect(result()).toHaveTextContent('Mastered · score 3');
    expect(result()).toHaveTextContent('Mastered: the most recent of 4 checks is 3; 3 (Proficient) needed.');

    // Weight 90 % puts the newest 3 almost alone: 3 × 0.9 + 2 × 0.1 = 2.9, still not mastered.
    await userEvent.selectOptions(within(editor).getByLabelText('Rule'), 'decayingAverage');
    await userEvent.clear(within(editor).getByLabelText('Weight of the newest check (%)'));
    await userEvent.type(within(editor).getByLabelText('Weight of the newest check (%)'), '90');
    expect(result()).toHaveTextContent('score 2.9');

    // Changing the sample: the last check at 4 gives 4 × 0.9 + 2 × 0.1 = 3.8, mastered.
    await userEvent.selectOptions(preview().getByLabelText('Level of check 4'), '4');
    expect(result()).toHaveTextContent('Mastered · score 3.8');
    // Nothing of the preview is stored.
    expect(await store.db.evidence.count()).toBe(0);
  });

  it('edits the items of a shared item list and previews an item rule on made-up checks', async () => {
    const store = await withFramework();
    const editor = await openEditor(store, 'RF.K.3');
    expect(within(editor).getByText(/The list is shared with 1 other target/)).toBeInTheDocument();
    // Sample: check 1 has cat right; check 2 has cat and map right. 2 in one check are needed.
    expect(preview().getByRole('status')).toHaveTextContent('Mastered: 2 of 3 items correct in one check on');
    await userEvent.clear(within(editor).getByLabelText('Items right in one check'));
    await userEvent.type(within(editor).getByLabelText('Items right in one check'), '3');
    expect(preview().getByRole('status')).toHaveTextContent(
      'Not yet: the best check had 2 of 3 items correct; 3 needed.',
    );

    // Four items asked of three is refused.
    await userEvent.clear(within(editor).getByLabelText('Items right in one check'));
    await userEvent.type(within(editor).getByLabelText('Items right in one check'), '4');
    expect(
      within(editor).getByText('Items right in one check (4) cannot be more than the 3 items this target checks.'),
    ).toBeInTheDocument();

    // Add "pig", rename "sun" to "sun!", leave "cat" out of this target; now 4 of 3+1-1 = 3 is still too many.
    await userEvent.type(within(editor).getByLabelText('New item'), 'pig');
    await userEvent.click(within(editor).getByRole('button', { name: 'Add item' }));
    const sun = within(editor).getByLabelText('Item 3');
    await userEvent.clear(sun);
    await userEvent.type(sun, 'sun!');
    await userEvent.click(within(editor).getByLabelText('This target checks item 1'));
    const before = await store.db.outbox.count();
    await userEvent.click(within(editor).getByRole('button', { name: 'Save target' }));
    expect(await within(editor).findByRole('alert')).toHaveTextContent(
      'Items right in one check (4) cannot be more than the 3 items this target checks.',
    );
    expect(await store.db.outbox.count()).toBe(before);

    await userEvent.clear(within(editor).getByLabelText('Items right in one check'));
    await userEvent.type(within(editor).getByLabelText('Items right in one check'), '3');
    await userEvent.click(within(editor).getByRole('button', { name: 'Save target' }));
    expect(await within(editor).findByText('Saved.')).toBeInTheDocument();
    expect((await store.db.itemSets.get('cvc'))!.items).toEqual([
      { id: 'cat', label: 'cat' },
      { id: 'map', label: 'map' },
      { id: 'sun', label: 'sun!' },
      { id: 'pig', label: 'pig' },
    ]);
    const saved = (await store.db.targets.get('words'))!;
    expect(saved.itemIds).toEqual(['map', 'sun', 'pig']);
    expect(saved.rule).toEqual({ kind: 'itemsInOneCheck', count: 3 });
    // One transaction, two outbox entries: the item set and the target.
    expect(await store.db.outbox.count()).toBe(before + 2);
  });

  it('speaks Spanish', async () => {
    const store = await withFramework();
    const editor = await openEditor(store, 'RF.K.1', 'es');
    expect(within(editor).getByLabelText('Frase para niños en español')).toHaveValue('Puedo nombrar letras');
    expect(
      within(editor).getByRole('region', { name: 'Vista previa: lo que la regla hace con esta evidencia' }),
    ).toHaveTextContent('Todavía no');
  });
});

describe('target form', () => {
  it('checks the ranges of the issue and keeps what is allowed', () => {
    const draft = ruleDraft(letters.rule);
    const at = (changes: Partial<typeof draft>, items: number | null = null) =>
      parseRule({ ...draft, ...changes }, items);
    expect(at({ kind: 'decayingAverage', weight: '1' })).toEqual({
      rule: { kind: 'score', method: { kind: 'decayingAverage', weight: 1 } },
    });
    expect(at({ kind: 'decayingAverage', weight: '100' })).toHaveProperty('problem.key', 'targetEdit.problem.weight');
    expect(at({ kind: 'decayingAverage', weight: '6.5' })).toHaveProperty('problem.key', 'targetEdit.problem.weight');
    expect(at({ kind: 'exponentialDecay', weight: '49' })).toHaveProperty('problem.key', 'targetEdit.problem.weight');
    expect(at({ kind: 'exponentialDecay', weight: '50' })).toHaveProperty('rule');
    expect(at({ kind: 'nTimes', n: '10' })).toHaveProperty('rule');
    expect(at({ kind: 'nTimes', n: '11' })).toHaveProperty('problem.key', 'targetEdit.problem.nTimes');
    expect(at({ kind: 'mOfN', m: '4', n: '4' })).toHaveProperty('rule');
    expect(at({ kind: 'inARow', n: '0' })).toHaveProperty('problem.key', 'targetEdit.problem.inARow');
    expect(at({ kind: 'allItemsOnDistinctDays', days: 'two' })).toHaveProperty(
      'problem.key',
      'targetEdit.problem.days',
    );
    expect(at({ kind: 'itemsInOneCheck', count: '26' }, 26)).toHaveProperty('rule');
    expect(at({ kind: 'itemsInOneCheck', count: '27' }, 26)).toHaveProperty(
      'problem.key',
      'targetEdit.problem.countOverItems',
    );
    expect(at({ kind: 'average' })).toEqual({ rule: { kind: 'score', method: { kind: 'average' } } });
  });

  it('writes nothing for an unchanged target, and keeps a whole-set target without itemIds', () => {
    expect(draftChanges(words, cvc, targetDraft(words, cvc))).toEqual({ changes: {} });
    expect(draftChanges(letters, undefined, targetDraft(letters, undefined))).toEqual({ changes: {} });
  });

  it('names every icon in both languages', () => {
    for (const icon of Object.keys(TARGET_ICONS)) {
      expect(loadedCatalog('en'), icon).toHaveProperty([`targetEdit.icon.${icon}`]);
      expect(loadedCatalog('es'), icon).toHaveProperty([`targetEdit.icon.${icon}`]);
    }
  });
});
