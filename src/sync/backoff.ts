/** Exponential backoff with jitter: 2 s, 4 s, 8 s … up to 5 minutes, each scaled by 50–100 %. */
export function backoffDelay(failures: number, random: () => number, baseMs = 2000, maxMs = 5 * 60_000): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}
