import { backoffDelay } from './backoff.ts';

/** The browser pieces the scheduler uses, injected so tests control time, network and locks. */
export interface SchedulerEnv {
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  readonly isOnline: () => boolean;
  readonly onOnline: (fn: () => void) => () => void;
  /** Runs `fn` only if no other tab holds the lock; resolves false when it was held. */
  readonly withLock: (fn: () => Promise<void>) => Promise<boolean>;
  readonly random: () => number;
}

export interface SchedulerOptions {
  readonly run: () => Promise<void>;
  readonly env: SchedulerEnv;
  /** After a local write, wait this long so a burst of writes syncs once. */
  readonly afterWriteMs?: number;
  /** While online and healthy, sync this often. */
  readonly periodMs?: number;
  readonly onError?: (error: unknown) => void;
  readonly onBusy?: (busy: boolean) => void;
}

export interface SyncScheduler {
  /** Starts, and syncs at once; resolves when that first round ends. */
  start(): Promise<void>;
  stop(): void;
  /** A local write happened. */
  noteWrite(): void;
  /** Sync now (the "sync now" button), ignoring backoff; resolves after a round that began after the call. */
  syncNow(): Promise<void>;
}

/**
 * When to sync: at start, when the network comes back, shortly after local writes, and periodically while
 * online; one tab at a time; after a failure, later and later (with jitter, so a classroom of tablets does
 * not retry in step).
 */
export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { env } = options;
  const afterWriteMs = options.afterWriteMs ?? 2000;
  const periodMs = options.periodMs ?? 60_000;
  let timer: unknown = null;
  let failures = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let stopOnline: (() => void) | null = null;
  let started = false;

  function schedule(ms: number) {
    if (!started) return;
    if (timer !== null) env.clearTimeout(timer);
    timer = env.setTimeout(() => {
      timer = null;
      void attempt();
    }, ms);
  }

  async function attempt(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    if (!env.isOnline()) return;
    running = (async () => {
      options.onBusy?.(true);
      try {
        await env.withLock(options.run);
        failures = 0;
        schedule(again ? 0 : periodMs);
      } catch (error) {
        failures += 1;
        options.onError?.(error);
        schedule(backoffDelay(failures, env.random));
      } finally {
        options.onBusy?.(false);
        again = false;
        running = null;
      }
    })();
    return running;
  }

  return {
    start() {
      if (started) return Promise.resolve();
      started = true;
      stopOnline = env.onOnline(() => {
        failures = 0;
        void attempt();
      });
      return attempt();
    },
    stop() {
      started = false;
      stopOnline?.();
      if (timer !== null) env.clearTimeout(timer);
      timer = null;
    },
    noteWrite() {
      if (failures === 0) schedule(afterWriteMs);
    },
    syncNow() {
      failures = 0;
      // A round already under way may have read the outbox before the latest write: wait for it, then run
      // one that sees everything written before the asking (a station flushes a child's work this way).
      return running ? running.then(attempt) : attempt();
    },
  };
}

/** The scheduler's environment in a browser: timers, online events and Web Locks. */
export function browserSchedulerEnv(): SchedulerEnv {
  return {
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    isOnline: () => navigator.onLine,
    onOnline: (fn) => {
      window.addEventListener('online', fn);
      return () => window.removeEventListener('online', fn);
    },
    withLock: async (fn) => {
      if (!navigator.locks) {
        await fn();
        return true;
      }
      return navigator.locks.request('waypoint-sync', { ifAvailable: true }, async (lock) => {
        if (!lock) return false;
        await fn();
        return true;
      });
    },
    random: Math.random,
  };
}
