import { act, render, type RenderResult } from '@testing-library/react';
import { Suspense, type ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { StoreProvider, type Store } from '#db';
import { createSyncController } from '#sync';
import { useLanguageStore } from '#state/language-store.ts';
import { SyncControllerContext, type SyncController } from '#state/sync-controller.ts';

interface RenderOptions {
  readonly route?: string;
  readonly language?: string;
  /** A stand-in sync controller; the real one, unconnected, when absent. */
  readonly sync?: SyncController;
}

/**
 * Renders a screen with a store, a sync controller and a router, in a language, inside a Suspense boundary
 * as the app's routes are (a screen may suspend until its first read is done).
 */
export function renderWithStore(ui: ReactElement, store: Store, options: RenderOptions = {}): RenderResult {
  useLanguageStore.setState({ language: options.language ?? 'en' });
  return render(
    <StoreProvider store={store}>
      <SyncControllerContext.Provider value={options.sync ?? createSyncController({ store })}>
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
  options: RenderOptions = {},
): Promise<RenderResult> {
  let result: RenderResult | undefined;
  await act(async () => {
    result = renderWithStore(ui, store, options);
  });
  return result!;
}
