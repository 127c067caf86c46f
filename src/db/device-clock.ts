import { HLC_ZERO, receiveHlc, uuidv7, type Hlc, type HlcState } from '#protocol';
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

export async function readClock(db: WaypointDb): Promise<HlcState> {
  const row = await db.settings.get(CLOCK_KEY);
  const value = row?.value as HlcState | undefined;
  return value && typeof value.wallMs === 'number' ? value : HLC_ZERO;
}

/** Moves the local clock past a stamp pulled from elsewhere. Inside a transaction with `settings`. */
export async function observeStamp(db: WaypointDb, env: StoreEnv, remote: Hlc): Promise<void> {
  const next = receiveHlc(await readClock(db), remote, env.now());
  await db.settings.put({ key: CLOCK_KEY, value: next });
}

export async function saveClock(db: WaypointDb, state: HlcState): Promise<void> {
  await db.settings.put({ key: CLOCK_KEY, value: state });
}
