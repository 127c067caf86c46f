import { useLayoutEffect, useState } from 'react';
import { useStore } from './store-context.tsx';
import type { Store } from './store.ts';
import { onTablesChanged } from './table-changes.ts';

/**
 * `read`'s result, read again after every write to one of `tables` (like useLiveQuery, for reads Dexie's
 * liveQuery cannot follow: see src/db/bulk-read.ts). undefined until the first read resolves; a read's
 * error is thrown in render, for the error boundary. Reads never overlap: writes during a read are
 * answered by one more read after it. `read` must be stable (defined outside the component or memoized).
 */
export function useLiveRead<T>(read: (store: Store) => Promise<T>, tables: readonly string[]): T | undefined {
  const store = useStore();
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});

  // A layout effect starts the first read at once, while the browser paints the loading state.
  useLayoutEffect(() => {
    let closed = false;
    let reading = false;
    let again = false;
    const run = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const value = await read(store);
          if (!again && !closed) setState({ value });
        } while (again && !closed);
      } catch (error) {
        if (!closed) setState({ error });
      } finally {
        reading = false;
      }
    };
    const stop = onTablesChanged(store, tables, () => void run());
    void run();
    return () => {
      closed = true;
      stop();
    };
    // The tables are a list of constants; joined, they compare by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, read, tables.join()]);

  if (state.error !== undefined) throw state.error;
  return state.value;
}
