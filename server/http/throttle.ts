/**
 * Counts failures per key in a sliding window (sign-in per IP+email, enrollment per IP). Kept in memory:
 * with several server processes each throttles on its own, which still bounds guessing per process.
 */
export interface Throttle {
  /** Milliseconds to wait, or 0 when the key may try now. */
  retryAfterMs(key: string): number;
  fail(key: string): void;
  reset(key: string): void;
}

export function createThrottle(maxFailures: number, windowMs: number, now: () => number): Throttle {
  const failures = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const cutoff = now() - windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    retryAfterMs(key) {
      const list = recent(key);
      if (list.length < maxFailures) return 0;
      return Math.max(1, (list[list.length - maxFailures] ?? now()) + windowMs - now());
    },
    fail(key) {
      failures.set(key, [...recent(key), now()]);
      // Bound memory under a flood of distinct keys.
      if (failures.size > 50_000) failures.delete(failures.keys().next().value ?? '');
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
