import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { StoreProvider, type Store } from '#db';
import { createSyncController } from '#sync';
import { useLanguageStore } from '#state/language-store.ts';
import { SyncControllerContext } from '#state/sync-controller.ts';

/** Renders a screen with a store, the real (unconnected) sync controller and a router, in a language. */
export function renderWithStore(
  ui: ReactElement,
  store: Store,
  options: { route?: string; language?: string } = {},
): RenderResult {
  useLanguageStore.setState({ language: options.language ?? 'en' });
  return render(
    <StoreProvider store={store}>
      <SyncControllerContext.Provider value={createSyncController({ store })}>
        <MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>
      </SyncControllerContext.Provider>
    </StoreProvider>,
  );
}
