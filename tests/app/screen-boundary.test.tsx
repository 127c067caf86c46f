/**
 * No screen can go blank: a screen that throws while rendering shows a kind message in the tablet's
 * language with Try again and the way back, and the error is noted in Settings for the teacher.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAppErrors } from '#db';
import { ScreenBoundary } from '#app/ScreenBoundary.tsx';
import { ProblemsPanel } from '#features/settings/ProblemsPanel.tsx';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

let isBroken = false;
/** A screen that throws, while `isBroken`, the way a missing field once made the station throw. */
function FragileScreen() {
  if (isBroken) {
    const student: { familyLanguage?: string } = {};
    return <p>{student.familyLanguage!.toLowerCase()}</p>;
  }
  return <h1>Station mode</h1>;
}

// React reports a caught error on the console as well; the test reads it from the tablet's log instead.
beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

describe('a screen that breaks', () => {
  it('says so kindly in the tablet’s language, offers Try again and the way back, and notes it for the teacher', async () => {
    const store = testStore();
    isBroken = true;
    renderWithStore(
      <Routes>
        <Route
          path="/station"
          element={
            <ScreenBoundary home="/station">
              <FragileScreen />
            </ScreenBoundary>
          }
        />
      </Routes>,
      store,
      { route: '/station', language: 'es' },
    );
    const heading = await screen.findByRole('heading', { level: 1, name: /Algo salió mal en esta pantalla/ });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/Todo lo que ya se guardó está a salvo/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Volver al inicio' })).toHaveAttribute('href', '/station');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Intentar de nuevo' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Algo salió mal/ })).toBeInTheDocument();
    isBroken = false;
    await user.click(screen.getByRole('link', { name: 'Volver al inicio' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Station mode' })).toBeInTheDocument();

    await vi.waitFor(async () => expect(await listAppErrors(store)).toHaveLength(2));
    const [newest] = await listAppErrors(store);
    expect(newest).toMatchObject({ path: '/station', message: expect.stringMatching(/^TypeError: .*toLowerCase/) });
    expect(newest!.detail).toMatch(/FragileScreen/);
  });

  it('shows the noted problems in Settings, and clears them', async () => {
    const store = testStore();
    isBroken = true;
    const { unmount } = renderWithStore(
      <ScreenBoundary home="/class">
        <FragileScreen />
      </ScreenBoundary>,
      store,
      { route: '/my-path/x' },
    );
    await screen.findByRole('heading', { name: /Something went wrong on this screen/ });
    await vi.waitFor(async () => expect(await listAppErrors(store)).toHaveLength(1));
    unmount();

    await act(async () => {
      renderWithStore(<ProblemsPanel />, store);
    });
    const panel = await screen.findByRole('region', { name: 'Problems on this tablet' });
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(/TypeError: .*toLowerCase/);
    expect(items[0]).toHaveTextContent('on /my-path/x');
    await userEvent.setup().click(within(panel).getByRole('button', { name: 'Clear the list' }));
    expect(await within(panel).findByText('No problems noted.')).toBeInTheDocument();
  });
});
