import { WaypointDb, type Store, type StoreEnv } from '#db';

/** A controllable clock and deterministic randomness, so stamps and ids are reproducible. */
export function testEnv(
  startMs = Date.UTC(2026, 8, 1, 9),
): StoreEnv & { setNow(ms: number): void; advance(ms: number): void } {
  let now = startMs;
  let counter = 0;
  return {
    now: () => now,
    randomBytes: (length) => {
      counter += 1;
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) bytes[i] = (counter * 31 + i * 17) % 256;
      // The last four bytes count calls, so ids made in the same millisecond never repeat.
      new DataView(bytes.buffer).setUint32(length - 4, counter);
      return bytes;
    },
    setNow: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

let dbCounter = 0;

/** A fresh database (fake-indexeddb in unit tests) with a test clock. */
export function testStore(env = testEnv()): Store & { env: ReturnType<typeof testEnv> } {
  dbCounter += 1;
  return { db: new WaypointDb(`waypoint-test-${dbCounter}-${Math.random().toString(36).slice(2)}`), env };
}
