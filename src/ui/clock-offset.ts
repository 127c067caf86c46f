import { MAX_CLOCK_AHEAD_MS } from '#protocol';

/** From this far off, a tablet is told its clock is wrong (its stamps are corrected either way). */
export const CLOCK_WARNING_MS = MAX_CLOCK_AHEAD_MS / 2;

export interface ClockOffsetView {
  readonly direction: 'ahead' | 'behind';
  /** "3 hours" / "3 horas", in the language's own words. */
  readonly amount: string;
}

/**
 * How far this tablet's clock is off, in words, when it is off by CLOCK_WARNING_MS or more; null otherwise.
 * `offsetMs` is the server's clock minus the tablet's (sync-status-query's clockOffsetMs).
 */
export function clockOffsetView(offsetMs: number | null, language: string): ClockOffsetView | null {
  if (offsetMs === null || Math.abs(offsetMs) < CLOCK_WARNING_MS) return null;
  const off = Math.abs(offsetMs);
  const minutes = off / 60_000;
  const [value, unit] =
    minutes < 90
      ? [Math.round(minutes), 'minute']
      : minutes < 48 * 60
        ? [Math.round(minutes / 60), 'hour']
        : [Math.round(minutes / 1440), 'day'];
  const amount = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  return { direction: offsetMs < 0 ? 'ahead' : 'behind', amount };
}
