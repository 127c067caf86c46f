import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_CLASS_KEY,
  addStudent,
  getClass,
  getPath,
  getSetting,
  saveFramework,
  seedFirstRun,
  type Store,
} from '#db';
import type { Target } from '#protocol';
import ClassPathPage from '#features/paths/ClassPathPage.tsx';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const numberTarget = (n: number): Target => ({
  id: `num-${n}`,
  frameworkId: 'numbers',
  code: `K.CC.${n}`,
  sequence: n,
  strand: 'Counting',
  teacherStatement: `Counts to ${n * 10}.`,
  kidStatement: `I can count to ${n * 10}.`,
  icon: 'star',
  prerequisites: [],
  rule: { kind: 'score', method: { kind: 'mostRecent' } },
});

/** The demo class, a small maths framework not on any path yet, and a newcomer without a path. */
async function renderClassPath() {
  const store = testStore();
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  await saveFramework(store, {
    framework: { id: 'numbers', title: 'Counting', kind: 'academic', version: '1', notices: [] },
    targets: [numberTarget(1), numberTarget(2)],
    itemSets: [],
  });
  const newcomer = await addStudent(store, { classId, displayName: 'Nia', picture: 'owl', familyLanguage: 'en' });
  renderWithStore(<ClassPathPage />, store);
  await screen.findByRole('heading', { level: 1, name: /^Class path: / });
  return { store, classId, newcomer: newcomer.id, user: userEvent.setup() };
}

const templateList = () => within(screen.getByRole('list', { name: 'Class path' })).getAllByRole('listitem');
const entriesOf = async (store: Store, studentId: string) => (await getPath(store, studentId))!.entries;
const nameOf = async (store: Store, targetId: string) => {
  const target = (await store.db.targets.get(targetId))!;
  return `${target.code} “${target.kidStatement.replace(/\.$/, '')}”`;
};

describe('class path', { timeout: 30_000 }, () => {
  it('reorders and extends the template, then applies it without dropping anyone’s personal changes', async () => {
    const { store, classId, newcomer, user } = await renderClassPath();
    const before = (await getClass(store, classId))!.templateTargetIds;
    const [liam, zoe] = [await entriesOf(store, 'demo-student-2'), await entriesOf(store, 'demo-student-7')];
    expect(liam.filter((e) => e.skippedReason)).toHaveLength(2);
    expect(templateList()).toHaveLength(36);

    await user.click(screen.getByRole('button', { name: `Move up: ${await nameOf(store, before[1]!)}` }));
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect((await getClass(store, classId))!.templateTargetIds).toEqual(before);

    await user.selectOptions(screen.getByLabelText('Framework'), 'numbers');
    await user.click(screen.getByRole('button', { name: 'Add all 2 targets not on the path' }));
    expect(templateList()).toHaveLength(38);
    expect(screen.getByText('Every target of this framework is on the path.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save and apply to 9 students' }));
    await waitFor(() =>
      expect(screen.getByText(/^Class path saved\./)).toHaveTextContent(
        'Class path saved. Added 2 targets to 8 paths. 1 student without a path got the class path.',
      ),
    );
    expect(screen.queryByText('Unsaved changes')).toBeNull();

    const template = (await getClass(store, classId))!.templateTargetIds;
    expect(template).toEqual([before[1], before[0], ...before.slice(2), 'num-1', 'num-2']);
    // Personal paths keep their skips (with reasons) and their own order; new targets come at the end.
    expect(await entriesOf(store, 'demo-student-2')).toEqual([...liam, { targetId: 'num-1' }, { targetId: 'num-2' }]);
    expect(await entriesOf(store, 'demo-student-7')).toEqual([...zoe, { targetId: 'num-1' }, { targetId: 'num-2' }]);
    expect((await entriesOf(store, newcomer)).map((e) => e.targetId)).toEqual(template);

    await user.click(screen.getByRole('button', { name: 'Save and apply to 9 students' }));
    await waitFor(() =>
      expect(screen.getByText(/^Class path saved\./)).toHaveTextContent(
        'Class path saved. No student’s path needed a change.',
      ),
    );
  });

  it('removes a target from the template only: it stays on the students’ paths', async () => {
    const { store, classId, newcomer, user } = await renderClassPath();
    const name = await nameOf(store, 'cp-book-handling');
    await user.click(screen.getByRole('button', { name: `Remove ${name} from the class path` }));
    expect(templateList()).toHaveLength(35);
    await user.selectOptions(screen.getByLabelText('Framework'), 'kindergarten-literacy');
    expect(screen.getByRole('button', { name: `Add ${name} to the class path` })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save and apply to 9 students' }));
    expect(await screen.findByText(/^Class path saved\./)).toHaveTextContent(
      'Class path saved. 1 student without a path got the class path.',
    );
    expect((await getClass(store, classId))!.templateTargetIds).not.toContain('cp-book-handling');
    expect((await entriesOf(store, 'demo-student-1')).map((e) => e.targetId)).toContain('cp-book-handling');
    expect((await entriesOf(store, newcomer)).map((e) => e.targetId)).not.toContain('cp-book-handling');
  });

  it('discards unsaved changes', async () => {
    const { store, classId, user } = await renderClassPath();
    const before = (await getClass(store, classId))!.templateTargetIds;
    await user.click(
      screen.getByRole('button', { name: `Remove ${await nameOf(store, before[0]!)} from the class path` }),
    );
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(templateList()).toHaveLength(36);
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });
});
