import { use, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from './store-context.tsx';
import type { Store } from './store.ts';
import { onTablesChanged } from './table-changes.ts';

/** `previous`: what the screen shows now (absent for the first read); returning it unchanged renders nothing. */
type Read<T> = (store: Store, previous?: T) => Promise<T>;
/** Any read, as the first reads are kept (they are never handed a previous value). */
type AnyRead = (store: Store, previous?: never) => Promise<unknown>;

interface FirstRead {
  readonly promise: Promise<unknown>;
  readonly startedAt: number;
  /** A write to one of the tables since the read began: the screen reads again once it shows. */
  dirty: boolean;
  /** When it failed (Date.now()), or null: React's retry right after gets the same failure to throw. */
  failedAt: number | null;
  readonly stop: () => void;
}

const firstReads = new WeakMap<Store, Map<AnyRead, FirstRead>>();
/** A first read not shown for this long (its render was abandoned) is not used: it would show an old "now". */
const FIRST_READ_MAX_AGE_MS = 60_000;
/**
 * How long a failed first read is still handed out. React renders a suspended screen again once its read
 * settles, before it ever mounts; a new read then would suspend again and fail again, for ever ("Loading…"
 * and never the error boundary). That retry comes at once; a visit after the boundary showed reads afresh.
 */
const FAILED_READ_RETRY_MS = 2_000;

/**
 * `read`'s result, read again after every write to one of `tables` (like useLiveQuery, for reads Dexie's
 * liveQuery cannot follow: see bulk-read.ts). The screen suspends (React's `use`) until the first read is
 * done, so a navigation — a transition in the router — keeps the previous screen up meanwhile, then
 * changes screens in one commit and one frame, with no loading state painted in between. The first read
 * starts in render (kept per store and read function until the screen mounts); a write during it is
 * answered by one more read once the screen shows. Later reads never overlap: writes during a read are
 * answered by one more read after it. A read's error is thrown in render, for the error boundary. `read`
 * must be stable (defined outside the component).
 */
export function useSuspendingLiveRead<T>(read: Read<T>, tables: readonly string[]): T {
  const store = useStore();
  // Kept in state once mounted, so later renders (a filter typed, a live update) never suspend again;
  // before that (suspended, not yet mounted) the map keeps the read for the retries.
  const [first] = useState(() => firstRead(store, read, tables));
  const initial = use(first.promise) as T;
  const [latest, setLatest] = useState<{ readonly value: T } | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const shown = latest ? latest.value : initial;
  // What a later read is handed as `previous` (set after each render that shows something new).
  const shownRef = useRef(shown);
  useLayoutEffect(() => {
    shownRef.current = shown;
  }, [shown]);

  useLayoutEffect(() => {
    forgetFirstRead(store, read, first);
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
          const value = await read(store, shownRef.current);
          if (!again && !closed && value !== shownRef.current) setLatest({ value });
        } while (again && !closed);
      } catch (failure) {
        if (!closed) setError(failure);
      } finally {
        reading = false;
      }
    };
    const stop = onTablesChanged(store, tables, () => void run());
    if (first.dirty) void run();
    return () => {
      closed = true;
      stop();
    };
    // The tables are a list of constants; joined, they compare by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, read, first, tables.join()]);

  if (error !== undefined) throw error;
  return shown;
}

/**
 * Starts a screen's first read before the screen is shown (the screen a tap will likely open, or the app's
 * first screen while the tablet's role is still being read), so that
 * showing it waits less or not at all; the screen then takes this read as its first (a write meanwhile is
 * answered by one more read once it shows). Not shown within FIRST_READ_MAX_AGE_MS, it is dropped.
 */
export function preloadSuspendingRead<T>(store: Store, read: Read<T>, tables: readonly string[]): Promise<T> {
  const entry = firstRead(store, read, tables);
  setTimeout(() => {
    if (firstReads.get(store)?.get(read) === entry) forgetFirstRead(store, read, entry);
  }, FIRST_READ_MAX_AGE_MS);
  return entry.promise as Promise<T>;
}

function firstRead(store: Store, read: AnyRead, tables: readonly string[]): FirstRead {
  let reads = firstReads.get(store);
  if (!reads) firstReads.set(store, (reads = new Map()));
  const kept = reads.get(read);
  const now = Date.now();
  const usable =
    kept &&
    (kept.failedAt === null
      ? now - kept.startedAt < FIRST_READ_MAX_AGE_MS
      : now - kept.failedAt < FAILED_READ_RETRY_MS);
  if (usable) return kept;
  kept?.stop();
  const entry: FirstRead = {
    promise: settledInPlace(read(store)),
    startedAt: Date.now(),
    dirty: false,
    failedAt: null,
    stop: onTablesChanged(store, tables, () => {
      entry.dirty = true;
    }),
  };
  entry.promise.catch(() => {
    entry.failedAt = Date.now();
  });
  reads.set(read, entry);
  return entry;
}

/**
 * Marks the promise with its outcome the way React's `use` reads it, so a render after it settled uses the
 * value at once. Otherwise `use` suspends on it all the same, and an update outside a transition (the role
 * read that brings in the first screen) commits the Suspense fallback, whose content React then holds back
 * for 300 ms (its fallback throttle).
 */
function settledInPlace<T>(promise: Promise<T>): Promise<T> {
  const marked = promise as Promise<T> & { status?: string; value?: T; reason?: unknown };
  // Block bodies: a handler returning the (rejected) promise would make the chain reject, unhandled.
  promise.then(
    (value) => {
      Object.assign(marked, { status: 'fulfilled', value });
    },
    (reason: unknown) => {
      Object.assign(marked, { status: 'rejected', reason });
    },
  );
  return promise;
}

function forgetFirstRead(store: Store, read: AnyRead, entry: FirstRead): void {
  entry.stop();
  const reads = firstReads.get(store);
  if (reads?.get(read) === entry) reads.delete(read);
}
