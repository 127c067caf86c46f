import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { ACTIVE_CLASS_KEY, getSetting, listStudents, seedFirstRun } from '#db';
import ConferencePage from '#features/conference/ConferencePage.tsx';
import { renderSuspendingWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

export const LOWER = 'lt-names-lower';

export async function seededConference() {
  const store = testStore();
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  const student = (await listStudents(store, classId))[0]!;
  return { store, student };
}

/** The conference suspends until its first read is in (readConference): awaited, inside act. */
export function renderConference(store: ReturnType<typeof testStore>, studentId: string, search = '', language = 'en') {
  return renderSuspendingWithStore(
    <Routes>
      <Route path="/conference/:studentId" element={<ConferencePage />} />
    </Routes>,
    store,
    { route: `/conference/${studentId}${search}`, language },
  );
}

/** The map stop of a target, found by its teacher statement. */
export async function mapStop(statement: RegExp) {
  const map = await screen.findByRole('list', { name: 'Learning path map' });
  const stop = within(map)
    .getAllByRole('listitem')
    .find((li) => statement.test(li.textContent ?? ''));
  if (!stop) throw new Error(`No map stop matches ${statement}`);
  return stop;
}
