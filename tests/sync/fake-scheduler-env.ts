import type { SchedulerEnv } from '#sync';

/** A hand-driven clock and network, so every schedule decision can be checked. */
export function fakeSchedulerEnv() {
  let now = 0;
  let online = true;
  let lockHeld = false;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  const onlineListeners = new Set<() => void>();
  let nextId = 1;
  const env: SchedulerEnv = {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (handle) => {
      const i = timers.findIndex((t) => t.id === handle);
      if (i >= 0) timers.splice(i, 1);
    },
    isOnline: () => online,
    onOnline: (fn) => {
      onlineListeners.add(fn);
      return () => onlineListeners.delete(fn);
    },
    withLock: async (fn) => {
      if (lockHeld) return false;
      await fn();
      return true;
    },
    random: () => 1,
  };
  return {
    env,
    nextTimerIn: () => (timers.length ? Math.min(...timers.map((t) => t.at)) - now : null),
    async advance(ms: number) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
      await new Promise((r) => setTimeout(r, 0));
    },
    goOffline: () => void (online = false),
    goOnline: () => {
      online = true;
      for (const fn of onlineListeners) fn();
    },
    holdLock: (held: boolean) => void (lockHeld = held),
  };
}
