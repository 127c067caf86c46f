import { create } from 'zustand';

/**
 * Counts writes and syncs in flight, so an app update never reloads the page in the middle of one.
 */
interface ActivityState {
  readonly busy: number;
  begin(): void;
  end(): void;
}

export const useActivityStore = create<ActivityState>()((set) => ({
  busy: 0,
  begin: () => set((s) => ({ busy: s.busy + 1 })),
  end: () => set((s) => ({ busy: Math.max(0, s.busy - 1) })),
}));

/** Marks the app busy until the promise settles. */
export async function whileBusy<T>(work: Promise<T>): Promise<T> {
  const { begin, end } = useActivityStore.getState();
  begin();
  try {
    return await work;
  } finally {
    end();
  }
}
