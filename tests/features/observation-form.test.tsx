import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, type Target } from '#protocol';
import { ObservationForm } from '#features/student/ObservationForm.tsx';
import type { TargetRecord } from '#db';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const target = (id: string, code: string, statement: string): TargetRecord =>
  ({
    id,
    frameworkId: 'f',
    code,
    sequence: 1,
    strand: 's',
    teacherStatement: statement,
    kidStatement: statement,
    icon: 'abc',
    prerequisites: [],
    rule: { kind: 'score', method: { kind: 'mostRecent' } },
    translations: { es: { teacherStatement: `ES ${statement}` } },
    _hlc: {},
  }) satisfies Target & { _hlc: object };

const targets = [target('t1', 'RF.K.1', 'Handles a book'), target('t2', 'RF.K.2', 'Hears rhymes')];

describe('ObservationForm', () => {
  it('saves an observation through the repository and confirms only after it is stored', async () => {
    const store = testStore();
    renderWithStore(
      <ObservationForm studentId="s1" targets={targets} defaultTargetId="t2" scale={DEFAULT_SCALE} />,
      store,
    );
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: /Proficient/ }));
    await user.type(screen.getByLabelText('Note'), 'Clapped every syllable');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Observation saved.'));
    const stored = await store.db.evidence.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      studentId: 's1',
      targetIds: ['t2'],
      level: 3,
      note: 'Clapped every syllable',
      kind: 'observation',
    });
    expect(await store.db.outbox.count()).toBe(1);
  });

  it('asks for a level instead of saving without one', async () => {
    const store = testStore();
    renderWithStore(
      <ObservationForm studentId="s1" targets={targets} defaultTargetId="t1" scale={DEFAULT_SCALE} />,
      store,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a level.');
    expect(await store.db.evidence.count()).toBe(0);
  });

  it('records an earlier day when the teacher records later', async () => {
    const store = testStore();
    renderWithStore(
      <ObservationForm studentId="s1" targets={targets} defaultTargetId="t1" scale={DEFAULT_SCALE} />,
      store,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: /Developing/ }));
    const date = screen.getByLabelText('Observed on');
    await user.clear(date);
    await user.type(date, '2026-09-02');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Observation saved.'));
    const [stored] = await store.db.evidence.toArray();
    expect(stored?.observedAt.slice(0, 10)).toBe('2026-09-02');
    expect(stored?.recordedAt).not.toBe(stored?.observedAt);
  });

  it('speaks Spanish: labels and target statements', () => {
    const store = testStore();
    renderWithStore(
      <ObservationForm studentId="s1" targets={targets} defaultTargetId="t1" scale={DEFAULT_SCALE} />,
      store,
      {
        language: 'es',
      },
    );
    expect(screen.getByRole('button', { name: 'Guardar' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Competente/ })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /ES Handles a book/ })).toBeInTheDocument();
  });
});
