/** After a change of screen, focus is on the new screen's heading (not on the body or the link used). */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense } from 'react';
import { Link, MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { useFocusHeadingOnNavigate } from '#app/useFocusHeadingOnNavigate.ts';

// A screen whose code arrives after the address changed, as the app's lazy screens do.
const Later = lazy(async () => ({ default: () => <h1>Overview</h1> }));

function Shell() {
  useFocusHeadingOnNavigate('main');
  return (
    <>
      <nav>
        <Link to="/class">Class</Link>
        <Link to="/overview">Overview link</Link>
      </nav>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p>Loading</p>}>
          <Routes>
            <Route path="/class" element={<h1>Room 4</h1>} />
            <Route path="/overview" element={<Later />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

describe('focus after navigation', () => {
  it('stays put on first load, then moves to each new screen’s heading', async () => {
    render(
      <MemoryRouter initialEntries={['/class']}>
        <Shell />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { name: 'Room 4' })).not.toHaveFocus();
    await userEvent.click(screen.getByRole('link', { name: 'Overview link' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Overview' })).toHaveFocus());
    await userEvent.click(screen.getByRole('link', { name: 'Class' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Room 4' })).toHaveFocus());
  });
});
