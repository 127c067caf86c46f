/**
 * Hybrid logical clock. A stamp is a string that sorts (as plain strings) by wall time, then counter,
 * then device id, so a tablet whose clock jumps backwards still produces ever-increasing stamps.
 * Format: 13-digit ms since epoch, '-', 6-digit counter, '-', device id.
 */
export type Hlc = string;

export interface HlcState {
  readonly wallMs: number;
  readonly counter: number;
}

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/**
 * How far ahead of the server's clock a stamp may be. The server refuses a change stamped further ahead
 * (code `clockAhead`, per change), and a device never moves its clock to a remote stamp beyond its own
 * (corrected) time plus this bound, so one wrong clock can neither stop others' sync nor win every field.
 */
export const MAX_CLOCK_AHEAD_MS = 10 * 60 * 1000;

export const HLC_ZERO: HlcState = { wallMs: 0, counter: 0 };

export function formatHlc(state: HlcState, deviceId: string): Hlc {
  return `${String(state.wallMs).padStart(WALL_DIGITS, '0')}-${String(state.counter).padStart(COUNTER_DIGITS, '0')}-${deviceId}`;
}

export function parseHlc(stamp: Hlc): HlcState & { deviceId: string } {
  const match = /^(\d{13})-(\d{6})-(.+)$/.exec(stamp);
  if (!match) throw new Error(`Not a valid clock stamp: "${stamp}"`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), deviceId: match[3] ?? '' };
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && /^\d{13}-\d{6}-.+$/.test(value);
}

/** Next stamp for a local event. */
export function tickHlc(previous: HlcState, nowMs: number): HlcState {
  if (nowMs > previous.wallMs) return { wallMs: nowMs, counter: 0 };
  if (previous.counter >= MAX_COUNTER) return { wallMs: previous.wallMs + 1, counter: 0 };
  return { wallMs: previous.wallMs, counter: previous.counter + 1 };
}

/** Advance the local clock past a stamp received from elsewhere. */
export function receiveHlc(previous: HlcState, remote: Hlc, nowMs: number): HlcState {
  const r = parseHlc(remote);
  const wallMs = Math.max(previous.wallMs, r.wallMs, nowMs);
  let counter: number;
  if (wallMs === previous.wallMs && wallMs === r.wallMs) counter = Math.max(previous.counter, r.counter) + 1;
  else if (wallMs === previous.wallMs) counter = previous.counter + 1;
  else if (wallMs === r.wallMs) counter = r.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0 };
  return { wallMs, counter };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
