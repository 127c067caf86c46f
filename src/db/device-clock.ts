import { HLC_ZERO, formatHlc, receiveHlc, tickHlc, uuidv7, type Hlc, type HlcState } from '#protocol';
import type { WaypointDb } from './database.ts';
import type { StoreEnv } from './env.ts';

const DEVICE_KEY = 'deviceId';
const CLOCK_KEY = 'hlc';

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

async function readClock(db: WaypointDb): Promise<HlcState> {
  const row = await db.settings.get(CLOCK_KEY);
  const value = row?.value as HlcState | undefined;
  return value && typeof value.wallMs === 'number' ? value : HLC_ZERO;
}

/**
 * Next HLC stamp for a local write. Must run inside a transaction that includes `settings`, so two
 * writes never get the same stamp even across tabs.
 */
export async function nextStamp(db: WaypointDb, env: StoreEnv, deviceId: string): Promise<Hlc> {
  const next = tickHlc(await readClock(db), env.now());
  await db.settings.put({ key: CLOCK_KEY, value: next });
  return formatHlc(next, deviceId);
}

/** Moves the local clock past a stamp pulled from elsewhere. Inside a transaction with `settings`. */
export async function observeStamp(db: WaypointDb, env: StoreEnv, remote: Hlc): Promise<void> {
  const next = receiveHlc(await readClock(db), remote, env.now());
  await db.settings.put({ key: CLOCK_KEY, value: next });
}
