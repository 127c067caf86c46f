import { formatHlc, seededRandom, tickHlc, uuidv7, type Change, type HlcState, type SyncedTable } from '#protocol';

/** One write as a repository hands it to the write funnel (src/db/write-funnel.ts FieldWrite). */
export interface SimWrite {
  readonly table: SyncedTable;
  readonly recordId: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export type DeviceKind = 'teacher' | 'station';

/**
 * A tablet as the year generator plays it: its id is a UUID v7 made at its first run, as getDeviceId makes
 * it; record ids and change ids are UUID v7 of its own clock and random bytes; each write of a batch ticks
 * its hybrid logical clock, as writeMany does, so its changes carry exactly the stamps the app would give
 * them. `tests/db/year-class.test.ts` checks that against the real write funnel.
 */
export class SimDevice {
  readonly id: string;
  private clock: HlcState = { wallMs: 0, counter: 0 };
  private readonly bytes: (length: number) => Uint8Array;

  constructor(
    readonly name: string,
    readonly kind: DeviceKind,
    /** When the app first ran on this tablet (its id is made then). */
    readonly firstRunMs: number,
    seed: number,
    /** How far this tablet's wall clock is off, in ms. */
    readonly skewMs = 0,
  ) {
    this.bytes = randomBytesFrom(seed);
    this.id = uuidv7(firstRunMs + skewMs, this.bytes);
  }

  /** A new record id, as `newId(store)` makes it at `nowMs`. */
  newId(nowMs: number): string {
    return uuidv7(nowMs + this.skewMs, this.bytes);
  }

  /** The changes writeMany would append to the outbox for these writes at `nowMs`, in order. */
  write(writes: readonly SimWrite[], nowMs: number): Change[] {
    const now = nowMs + this.skewMs;
    return writes.map(({ table, recordId, fields }) => {
      this.clock = tickHlc(this.clock, now);
      const hlc = formatHlc(this.clock, this.id);
      return { changeId: uuidv7(now, this.bytes), table, recordId, fields, hlc };
    });
  }

  /** Local writes that are never pushed (the starter content and the demo class at first run) still tick the clock. */
  tick(count: number, nowMs: number): void {
    for (let i = 0; i < count; i++) this.clock = tickHlc(this.clock, nowMs + this.skewMs);
  }
}

/** Deterministic "random" bytes, as the device's crypto.getRandomValues would give, from a seed. */
export function randomBytesFrom(seed: number): (length: number) => Uint8Array {
  const random = seededRandom(seed);
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
    return bytes;
  };
}
