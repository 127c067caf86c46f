import { act, render, type RenderResult } from '@testing-library/react';
import { Suspense, type ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { StoreProvider, type Store } from '#db';
import { createSyncController } from '#sync';
import { useLanguageStore } from '#state/language-store.ts';
import { SyncControllerContext } from '#state/sync-controller.ts';

/**
 * Renders a screen with a store, the real (unconnected) sync controller and a router, in a language, inside
 * a Suspense boundary as the app's routes are (a screen may suspend until its first read is done).
 */
export function renderWithStore(
  ui: ReactElement,
  store: Store,
  options: { route?: string; language?: string } = {},
): RenderResult {
  useLanguageStore.setState({ language: options.language ?? 'en' });
  return render(
    <StoreProvider store={store}>
      <SyncControllerContext.Provider value={createSyncController({ store })}>
        <MemoryRouter initialEntries={[options.route ?? '/']}>
          <Suspense fallback={null}>{ui}</Suspense>
        </MemoryRouter>
      </SyncControllerContext.Provider>
    </StoreProvider>,
  );
}

/**
 * renderWithStore for a screen that suspends until its first read is done: React resumes a suspended
 * render only inside an awaited act scope.
 */
export async function renderSuspendingWithStore(
  ui: ReactElement,
  store: Store,
  options: { route?: string; language?: string } = {},
): Promise<RenderResult> {
  let result: RenderResult | undefined;
  await act(async () => {
    result = renderWithStore(ui, store, options);
  });
  return result!;
}
