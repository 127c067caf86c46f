import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { getSetting, preloadSuspendingRead, setSetting, StoreProvider, useSuspendingLiveRead, type Store } from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

/** A read of one setting that counts its calls and, while `gate` is set, waits for it after reading. */
function countedRead() {
  const calls = { count: 0, gate: null as Promise<void> | null };
  const read = async (store: Store) => {
    calls.count += 1;
    const value = (await getSetting<number>(store, 'x')) ?? 0;
    if (calls.gate) await calls.gate;
    return value;
  };
  return { read, calls };
}

function Shown({ read }: { read: (store: Store) => Promise<number> }) {
  const value = useSuspendingLiveRead(read, ['settings']);
  const [clicks, setClicks] = useState(0);
  return (
    <button type="button" onClick={() => setClicks(clicks + 1)}>
      value {value}, clicks {clicks}
    </button>
  );
}

async function mount(store: Store, read: (store: Store) => Promise<number>) {
  await act(async () => {
    render(
      <StoreProvider store={store}>
        <Suspense fallback={<p>waiting</p>}>
          <Shown read={read} />
        </Suspense>
      </StoreProvider>,
    );
  });
}

describe('a screen that suspends until its first read', () => {
  it('shows the first read, follows writes, and never reads again for a render of its own', async () => {
    const store = testStore();
    await setSetting(store, 'x', 1);
    const { read, calls } = countedRead();
    await mount(store, read);
    expect(await screen.findByRole('button', { name: 'value 1, clicks 0' })).toBeInTheDocument();
    expect(calls.count).toBe(1);

    await act(async () => screen.getByRole('button').click());
    expect(screen.getByRole('button', { name: 'value 1, clicks 1' })).toBeInTheDocument();
    expect(calls.count).toBe(1);

    await act(async () => setSetting(store, 'x', 2));
    expect(await screen.findByRole('button', { name: 'value 2, clicks 1' })).toBeInTheDocument();
    expect(calls.count).toBe(2);
  });

  it('reads again once shown when a write landed while its first read was under way', async () => {
    const store = testStore();
    await setSetting(store, 'x', 1);
    const { read, calls } = countedRead();
    let open!: () => void;
    calls.gate = new Promise((resolve) => (open = resolve));
    await mount(store, read);
    expect(screen.getByText('waiting')).toBeInTheDocument();
    await setSetting(store, 'x', 2);
    calls.gate = null;
    await act(async () => open());
    expect(await screen.findByRole('button', { name: 'value 2, clicks 0' })).toBeInTheDocument();
    expect(calls.count).toBe(2);
  });

  it('reads afresh on the next visit after a first read failed', async () => {
    const store = testStore();
    await setSetting(store, 'x', 5);
    let fail = true;
    const read = async (s: Store) => {
      if (fail) throw new Error('The tablet’s storage could not be read.');
      return (await getSetting<number>(s, 'x')) ?? 0;
    };
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => {
      errors.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    const silenced = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(mount(store, read)).rejects.toThrow('The tablet’s storage could not be read.');
    } finally {
      window.removeEventListener('error', onError);
      silenced.mockRestore();
    }
    cleanup();
    fail = false;
    // The next visit, once the error boundary has shown (a failed read is handed to React's retry only).
    const later = Date.now() + 5_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await mount(store, read);
    expect(await screen.findByRole('button', { name: 'value 5, clicks 0' })).toBeInTheDocument();
    vi.restoreAllMocks();
  });

  it('shows a read started before it rendered at once, never its fallback, and reads it only once', async () => {
    const store = testStore();
    await setSetting(store, 'x', 7);
    const { read, calls } = countedRead();
    void preloadSuspendingRead(store, read, ['settings']);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the read is done before the screen renders
    let fallbacks = 0;
    function Fallback() {
      fallbacks += 1;
      return <p>waiting</p>;
    }
    await act(async () => {
      render(
        <StoreProvider store={store}>
          <Suspense fallback={<Fallback />}>
            <Shown read={read} />
          </Suspense>
        </StoreProvider>,
      );
    });
    expect(screen.getByRole('button', { name: 'value 7, clicks 0' })).toBeInTheDocument();
    expect(fallbacks).toBe(0);
    expect(calls.count).toBe(1);
  });

  it('takes a read preloaded before the screen showed as its first read', async () => {
    const store = testStore();
    await setSetting(store, 'x', 3);
    const { read, calls } = countedRead();
    expect(await preloadSuspendingRead(store, read, ['settings'])).toBe(3);
    await mount(store, read);
    expect(await screen.findByRole('button', { name: 'value 3, clicks 0' })).toBeInTheDocument();
    expect(calls.count).toBe(1);
  });

  it('hands each later read what the screen shows, and renders nothing for a read that returns it', async () => {
    const store = testStore();
    await setSetting(store, 'x', 1);
    const seen: (number | undefined)[] = [];
    let renders = 0;
    // Reads again only when the setting moved past what is shown: the write of another key keeps it.
    const read = async (s: Store, previous?: { value: number }) => {
      seen.push(previous?.value);
      const value = (await getSetting<number>(s, 'x')) ?? 0;
      return previous?.value === value ? previous : { value };
    };
    function Counted() {
      renders += 1;
      return <p>value {useSuspendingLiveRead(read, ['settings']).value}</p>;
    }
    await act(async () => {
      render(
        <StoreProvider store={store}>
          <Suspense fallback={null}>
            <Counted />
          </Suspense>
        </StoreProvider>,
      );
    });
    expect(await screen.findByText('value 1')).toBeInTheDocument();
    const rendersShown = renders;
    await act(async () => setSetting(store, 'y', 1));
    await vi.waitFor(() => expect(seen).toEqual([undefined, 1]));
    expect(renders).toBe(rendersShown);
    await act(async () => setSetting(store, 'x', 2));
    expect(await screen.findByText('value 2')).toBeInTheDocument();
    expect(seen).toEqual([undefined, 1, 1]);
  });
});
