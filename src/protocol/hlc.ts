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

/** The largest wall time a stamp can carry (13 digits): the server cannot parse one more digit. */
export const MAX_HLC_WALL_MS = 10 ** WALL_DIGITS - 1;

/**
 * The stamp of starter content (the starter frameworks, the demo class): written alike on every device and
 * into every school by the server, older than any real write, so a teacher's edit always wins over it and
 * two devices' copies never differ. Never sent in a push.
 */
export const STARTER_HLC: Hlc = `${'0'.repeat(WALL_DIGITS - 1)}1-${'0'.repeat(COUNTER_DIGITS)}-starter`;

export function formatHlc(state: HlcState, deviceId: string): Hlc {
  return `${String(safeWall(state.wallMs)).padStart(WALL_DIGITS, '0')}-${String(Math.min(state.counter, MAX_COUNTER)).padStart(COUNTER_DIGITS, '0')}-${deviceId}`;
}

export function parseHlc(stamp: Hlc): HlcState & { deviceId: string } {
  const match = /^(\d{13})-(\d{6})-(.+)$/.exec(stamp);
  if (!match) throw new Error(`Not a valid clock stamp: "${stamp}"`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), deviceId: match[3] ?? '' };
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && /^\d{13}-\d{6}-.+$/.test(value);
}

/** The wall time (ms) of a stamp; NaN when it is not one. */
export function hlcWallMs(stamp: Hlc): number {
  return isHlc(stamp) ? Number(stamp.slice(0, WALL_DIGITS)) : Number.NaN;
}

/** The latest wall time a stamp may carry when the server's clock reads `serverNowMs`. */
export function latestAllowedWallMs(serverNowMs: number): number {
  return safeWall(serverNowMs + MAX_CLOCK_AHEAD_MS);
}

/** A stamp further ahead of `serverNowMs` than MAX_CLOCK_AHEAD_MS: refused by the server, never adopted by a device. */
export function isTooFarAhead(stamp: Hlc, serverNowMs: number): boolean {
  const wall = hlcWallMs(stamp);
  return !(wall <= latestAllowedWallMs(serverNowMs));
}

/**
 * A clock state pulled back within the bound of the server's time `serverNowMs`, for a device the server
 * has just told its stamps are too far ahead (refusal `clockAhead`): its clock ran ahead before it learned
 * the server's time, or it adopted a stamp before the bound existed. Anything the server accepted lies
 * within the bound, so stamps ticked from here still come after all of it.
 */
export function boundHlc(state: HlcState, serverNowMs: number): HlcState {
  const latest = latestAllowedWallMs(serverNowMs);
  if (Number.isFinite(state.wallMs) && state.wallMs <= latest) return state;
  return { wallMs: latest, counter: 0 };
}

/**
 * Next stamp for a local event: never earlier than the one before (a tablet whose clock is set back keeps
 * its order), and never beyond 13 digits, whatever the previous state or the time.
 */
export function tickHlc(previous: HlcState, nowMs: number): HlcState {
  const now = safeWall(nowMs);
  const wallMs = safeWall(previous.wallMs);
  if (now > wallMs) return { wallMs: now, counter: 0 };
  if (previous.counter < MAX_COUNTER) return { wallMs, counter: previous.counter + 1 };
  // The counter is full: the next millisecond, unless that would need a 14th digit.
  return wallMs < MAX_HLC_WALL_MS ? { wallMs: wallMs + 1, counter: 0 } : { wallMs, counter: MAX_COUNTER };
}

/**
 * Advance the local clock past a stamp received from elsewhere, unless the stamp is further ahead of
 * `nowMs` (the server's time as this device knows it) than MAX_CLOCK_AHEAD_MS: such a stamp (a wrong
 * clock, a forged one, or data from before the bound) stays on its record but never moves this clock, so
 * it can neither push this device's stamps past 13 digits nor get them refused.
 */
export function receiveHlc(previous: HlcState, remote: Hlc, nowMs: number): HlcState {
  const prev = { wallMs: safeWall(previous.wallMs), counter: Math.min(previous.counter, MAX_COUNTER) };
  const now = safeWall(nowMs);
  if (!isHlc(remote) || isTooFarAhead(remote, nowMs)) return now > prev.wallMs ? { wallMs: now, counter: 0 } : prev;
  const r = parseHlc(remote);
  const wallMs = Math.max(prev.wallMs, r.wallMs, now);
  let counter: number;
  if (wallMs === prev.wallMs && wallMs === r.wallMs) counter = Math.max(prev.counter, r.counter) + 1;
  else if (wallMs === prev.wallMs) counter = prev.counter + 1;
  else if (wallMs === r.wallMs) counter = r.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER)
    return wallMs < MAX_HLC_WALL_MS ? { wallMs: wallMs + 1, counter: 0 } : { wallMs, counter: MAX_COUNTER };
  return { wallMs, counter };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A wall time that fits 13 digits: NaN and negative times are 0, anything later is the last 13-digit ms. */
function safeWall(ms: number): number {
  if (Number.isNaN(ms) || ms < 0) return 0;
  return Math.min(Math.floor(ms), MAX_HLC_WALL_MS);
}
