import { HLC_ZERO, isTooFarAhead, receiveHlc, uuidv7, type Hlc, type HlcState } from '#protocol';
import type { WaypointDb } from './database.ts';
import type { StoreEnv } from './env.ts';

const DEVICE_KEY = 'deviceId';
const CLOCK_KEY = 'hlc';
const OFFSET_KEY = 'clock.serverOffset';
/** A new measurement replaces the kept one only when they differ by more than this (network jitter). */
const OFFSET_JITTER_MS = 1000;

/** How far the school server's clock is from this tablet's: server time = tablet time + offsetMs. */
export interface ServerOffset {
  readonly offsetMs: number;
  /** This tablet's clock when the offset was measured (ms since the epoch). */
  readonly measuredAt: number;
}

/** This device's id, made once and kept. */
export async function getDeviceId(db: WaypointDb, env: StoreEnv): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await db.settings.get(DEVICE_KEY);
    if (typeof existing?.value === 'string') return existing.value;
    const id = uuidv7(env.now(), env.randomBytes);
    await db.settings.put({ key: DEVICE_KEY, value: id });
    return id;
  });
}

export async function readClock(db: WaypointDb): Promise<HlcState> {
  const row = await db.settings.get(CLOCK_KEY);
  const value = row?.value as HlcState | undefined;
  return value && typeof value.wallMs === 'number' ? value : HLC_ZERO;
}

export async function saveClock(db: WaypointDb, state: HlcState): Promise<void> {
  await db.settings.put({ key: CLOCK_KEY, value: state });
}

/** The offset learned from the server's answers, or null before this tablet ever heard from one. */
export async function readServerOffset(db: WaypointDb): Promise<ServerOffset | null> {
  const value = (await db.settings.get(OFFSET_KEY))?.value as ServerOffset | undefined;
  return value && Number.isFinite(value.offsetMs) ? value : null;
}

/**
 * Keeps how far the server's clock is from this tablet's, from a `serverTime` in an answer received at
 * `receivedAt` (this tablet's clock). The answer was written a little before it arrived, so the estimate
 * errs towards the past, which is the safe side for the clock bound.
 */
export async function noteServerTime(db: WaypointDb, serverTime: unknown, receivedAt: number): Promise<void> {
  if (typeof serverTime !== 'number' || !Number.isFinite(serverTime)) return;
  const offsetMs = Math.round(serverTime - receivedAt);
  const kept = await readServerOffset(db);
  if (kept && Math.abs(kept.offsetMs - offsetMs) <= OFFSET_JITTER_MS) return;
  await db.settings.put({ key: OFFSET_KEY, value: { offsetMs, measuredAt: receivedAt } satisfies ServerOffset });
}

/** This tablet's best guess of the server's clock: its own, corrected by the offset learned from the server. */
export async function serverNow(db: WaypointDb, env: StoreEnv): Promise<number> {
  return env.now() + ((await readServerOffset(db))?.offsetMs ?? 0);
}

/**
 * Moves the local clock past stamps pulled from elsewhere, inside a transaction with `settings`: past the
 * newest one within MAX_CLOCK_AHEAD_MS of the server's time. A stamp further ahead (a wrong clock, a forged
 * stamp, or data from before the bound existed) stays on its record but never moves this clock.
 */
export async function observeStamps(db: WaypointDb, env: StoreEnv, stamps: Iterable<Hlc>): Promise<void> {
  const now = await serverNow(db, env);
  let newest: Hlc | undefined;
  for (const stamp of stamps) {
    if (isTooFarAhead(stamp, now)) continue;
    if (newest === undefined || stamp > newest) newest = stamp;
  }
  if (newest === undefined) return;
  await saveClock(db, receiveHlc(await readClock(db), newest, now));
}
