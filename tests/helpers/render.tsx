import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { StoreProvider, type Store } from '#db';
import { useLanguageStore } from '#state/language-store.ts';

/** Renders a screen with a store and a router, in the given language. */
export function renderWithStore(
  ui: ReactElement,
  store: Store,
  options: { route?: string; language?: string } = {},
): RenderResult {
  useLanguageStore.setState({ language: options.language ?? 'en' });
  return render(
    <StoreProvider store={store}>
      <MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>
    </StoreProvider>,
  );
}
