import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasDemoData, seedFirstRun } from '#db';
import SettingsPage from '#features/settings/SettingsPage.tsx';
import { useLanguageStore } from '#state/language-store.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

function fakeStorage(persisted: boolean, grant: boolean): StorageManager {
  let isPersisted = persisted;
  return {
    estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 2 * 1024 * 1024 * 1024 }),
    persisted: async () => isPersisted,
    persist: async () => {
      isPersisted = grant;
      return grant;
    },
    getDirectory: async () => {
      throw new Error('unused');
    },
  } as StorageManager;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('settings', () => {
  it('shows storage use, asks for persistent storage, and counts changes not backed up', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: fakeStorage(false, true) });
    const store = testStore();
    await seedFirstRun(store);
    const pending = await store.db.outbox.count();
    renderWithStore(<SettingsPage />, store);

    expect(await screen.findByText(/^5 MB used, about 2(\.0)? GB left$/)).toBeInTheDocument();
    expect(screen.getByTestId('persisted')).toHaveTextContent('Not protected');
    expect(await screen.findByTestId('pending')).toHaveTextContent(
      `${pending.toLocaleString('en')} changes not yet backed up`,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Protect my data' }));
    await waitFor(() => expect(screen.getByTestId('persisted')).toHaveTextContent('Protected:'));
  });

  it('says when the browser refuses to protect the data', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: fakeStorage(false, false) });
    renderWithStore(<SettingsPage />, testStore());
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Protect my data' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('did not allow');
  });

  it('removes demo data after confirmation', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: fakeStorage(true, true) });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const store = testStore();
    await seedFirstRun(store);
    renderWithStore(<SettingsPage />, store);

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Remove demo data' }));
    expect(await screen.findByText(/^Removed \d+ demo records\.$/)).toBeInTheDocument();
    expect(await hasDemoData(store)).toBe(false);
    expect(await screen.findByText('No demo data on this device.')).toBeInTheDocument();
  });

  it('keeps demo data when the teacher cancels', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: fakeStorage(true, true) });
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    const store = testStore();
    await seedFirstRun(store);
    renderWithStore(<SettingsPage />, store);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Remove demo data' }));
    expect(await hasDemoData(store)).toBe(true);
  });

  it('switches the whole interface to Spanish', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: fakeStorage(true, true) });
    renderWithStore(<SettingsPage />, testStore());
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Español' }));
    expect(useLanguageStore.getState().language).toBe('es');
    expect(await screen.findByRole('heading', { name: 'Ajustes' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Almacenamiento en este dispositivo' })).toBeInTheDocument();
  });
});
