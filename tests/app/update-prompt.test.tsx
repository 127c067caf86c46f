import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useActivityStore } from '#state/activity-store.ts';
import { useLanguageStore } from '#state/language-store.ts';

const sw = vi.hoisted(() => ({ onNeedRefresh: null as null | (() => void), update: vi.fn(async () => undefined) }));
vi.mock('#app/register-service-worker.ts', () => ({
  registerServiceWorker: (handlers: { onNeedRefresh: () => void }) => {
    sw.onNeedRefresh = handlers.onNeedRefresh;
    return sw.update;
  },
}));

const { UpdatePrompt } = await import('#app/UpdatePrompt.tsx');

beforeEach(() => {
  sw.update.mockClear();
  useActivityStore.setState({ busy: 0 });
  useLanguageStore.setState({ language: 'en' });
});

describe('update prompt', () => {
  it('appears when a new version waits, and applies it at once when nothing is being saved', async () => {
    render(<UpdatePrompt />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => sw.onNeedRefresh?.());
    expect(screen.getByRole('alert')).toHaveTextContent('A new version of Waypoint is ready.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Update now' }));
    expect(sw.update).toHaveBeenCalledWith(true);
  });

  it('never reloads during a write or a sync: it waits until they finish', async () => {
    render(<UpdatePrompt />);
    act(() => sw.onNeedRefresh?.());
    act(() => useActivityStore.getState().begin());
    await userEvent.setup().click(screen.getByRole('button', { name: 'Update now' }));
    expect(sw.update).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('It will update when the current save finishes.');
    act(() => useActivityStore.getState().end());
    expect(sw.update).toHaveBeenCalledWith(true);
  });

  it('can be put off', async () => {
    render(<UpdatePrompt />);
    act(() => sw.onNeedRefresh?.());
    await userEvent.setup().click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sw.update).not.toHaveBeenCalled();
  });
});
