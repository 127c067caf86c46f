import userEvent from '@testing-library/user-event';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { seedFirstRun } from '#db';
import StudentPage from '#features/student/StudentPage.tsx';
import { sharedCodes, targetLabel } from '#ui/target-text.ts';
import { renderSuspendingWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

describe('targets that share a code are told apart', { timeout: 30_000 }, () => {
  it('names evidence by code and statement, and writes the statement under a shared code on the map', async () => {
    const store = testStore();
    store.env.setNow(Date.now());
    await seedFirstRun(store);
    await renderSuspendingWithStore(
      <Routes>
        <Route path="/student/:studentId" element={<StudentPage />} />
      </Routes>,
      store,
      { route: '/student/demo-student-4' },
    );
    const evidence = await screen.findByRole('list', { name: 'Evidence' });
    // The evidence list reads its first page as the page opens.
    const checks = (await within(evidence).findAllByRole('listitem')).map(
      (li) => li.querySelector('.evidence-targets')?.textContent,
    );
    expect(checks).toContain('RF.K.1d · I can name all the capital letters');
    expect(checks).toContain('RF.K.1d · I can name all the lowercase letters');
    expect(checks.filter((c) => c === 'RF.K.1d')).toEqual([]);

    // A long path's map is folded until the teacher opens it.
    await userEvent.setup().click(screen.getByText(/^Path map: /));
    const map = await screen.findByRole('list', { name: 'Path map' });
    // What each stop says (read as one sentence; the icon is hidden from screen readers).
    const stops = within(map)
      .getAllByRole('button')
      .map((b) => b.textContent!.replace(/^.*?Stop \d+: /, ''));
    expect(stops).toContain('RF.K.1d, I can name all the capital letters, ● Mastered');
    expect(stops.some((s) => s.startsWith('RF.K.1d, I can name all the lowercase letters, '))).toBe(true);
    // A code no other stop has stands alone.
    expect(stops.some((s) => /^RF\.K\.1a, [●◐○]/.test(s))).toBe(true);
  });

  it('labels in the screen’s language, and finds the codes several targets share', () => {
    const capitals = {
      code: 'RF.K.1d',
      kidStatement: 'I can name all the capital letters.',
      teacherStatement: 'Names capitals.',
      translations: { es: { kidStatement: 'Puedo nombrar todas las letras mayúsculas.' } },
    };
    expect(targetLabel(capitals, 'en')).toBe('RF.K.1d · I can name all the capital letters');
    expect(targetLabel(capitals, 'es')).toBe('RF.K.1d · Puedo nombrar todas las letras mayúsculas');
    expect(sharedCodes([{ code: 'A' }, { code: 'B' }, { code: 'A' }])).toEqual(new Set(['A']));
  });
});
