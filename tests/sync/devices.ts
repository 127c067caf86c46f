import {
  API_PREFIX,
  CURSOR_START,
  isTooFarAhead,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SYNCED_TABLES,
  type PushResponse,
  type RejectedChange,
} from '#protocol';
import {
  getConnection,
  saveConnection,
  saveCursor,
  seedFirstRun,
  syncedTableRows,
  type Connection,
  type Store,
} from '#db';
import { enroll, httpTransport, signIn, syncOnce, type SyncTransport } from '#sync';
import { testStore } from '#tests/helpers/test-store.ts';

export interface Device {
  readonly name: string;
  readonly store: Store & { env: ReturnType<typeof testStore>['env'] };
  readonly connection: Connection;
  /** Built per call so a restarted server (new port) is reached. */
  transport(): SyncTransport;
  sync(transport?: SyncTransport): ReturnType<typeof syncOnce>;
}

/** The server's clock, for devices that learn it from answers and for the clock bound. */
export interface ServerClock {
  now(): number;
}

/**
 * The server's clock bound (MAX_CLOCK_AHEAD_MS), per change, in front of a server that does not enforce it
 * yet: a change stamped too far ahead is answered `clockAhead` and never reaches the server. Once the real
 * server refuses such changes itself this changes nothing.
 */
export function boundedTransport(real: SyncTransport, clock: ServerClock): SyncTransport {
  return {
    ...real,
    async push(request) {
      const now = clock.now();
      const ahead = request.changes.filter((c) => isTooFarAhead(c.hlc, now));
      const rest = request.changes.filter((c) => !isTooFarAhead(c.hlc, now));
      const refused: RejectedChange[] = ahead.map((c) => ({
        changeId: c.changeId,
        code: 'clockAhead',
        reason: 'stamped too far ahead of the server clock',
      }));
      if (rest.length === 0) return { accepted: [], rejected: refused, serverTime: now };
      const answer: PushResponse = await real.push({ ...request, changes: rest });
      return { ...answer, rejected: [...answer.rejected, ...refused] };
    },
  };
}

/**
 * A teacher's device with its own database and clock, signed in to the server at `base`. With `clock`, its
 * pushes meet the server's clock bound (boundedTransport).
 */
export async function teacherDevice(
  name: string,
  base: () => string,
  account: { email: string; password: string },
  startMs: number,
  clock?: ServerClock,
): Promise<Device> {
  const store = testStore();
  store.env.setNow(startMs);
  const connection = await signIn(base(), {
    email: account.email,
    password: account.password,
    deviceId: `${name}-device`,
  });
  await saveConnection(store, connection);
  const device: Device = {
    name,
    store,
    connection,
    transport: () => {
      const http = httpTransport({ baseUrl: base(), token: connection.token });
      return clock ? boundedTransport(http, clock) : http;
    },
    sync: (transport) => syncOnce({ store, transport: transport ?? device.transport() }),
  };
  return device;
}

/**
 * Every synced record on a device, without sync metadata (or with each field's stamp: `withStamps`), keyed
 * "table/id": what must converge. The demo class stays on each device (and differs by the day it was
 * made), so it is left out.
 */
export async function snapshot(
  store: Store,
  { withStamps = false }: { readonly withStamps?: boolean } = {},
): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const table of SYNCED_TABLES) {
    for (const row of await syncedTableRows(store.db, table)) {
      if (String(row['id']).startsWith('demo-')) continue;
      const { _hlc: _ignored, ...fields } = row;
      out[`${table}/${String(row['id'])}`] = withStamps ? row : fields;
    }
  }
  return out;
}

/**
 * A tablet joined to one class with its join code: a station (the code alone) or a teacher tablet (the
 * code and a teacher's token), with its own database and clock; first run's starter content loaded.
 */
export async function enrolledDevice(
  name: string,
  base: () => string,
  enrollment: { joinCode: string; kind: 'teacher' | 'station'; teacherToken?: string },
  startMs: number,
  clock?: ServerClock,
): Promise<Device> {
  const store = testStore();
  store.env.setNow(startMs);
  await seedFirstRun(store);
  const body = { joinCode: enrollment.joinCode, kind: enrollment.kind, deviceId: `${name}-device` };
  const connection = await enroll(base(), body, fetch, enrollment.teacherToken);
  await saveConnection(store, connection);
  const device: Device = {
    name,
    store,
    connection,
    transport: () => {
      const http = httpTransport({ baseUrl: base(), token: connection.token });
      return clock ? boundedTransport(http, clock) : http;
    },
    sync: (transport) => syncOnce({ store, transport: transport ?? device.transport() }),
  };
  return device;
}

/**
 * A child signs in at a station: the server scopes its token, the station knows who speaks and reads again.
 * As the app's controller does (stationSignIn), the child signed in before has their work sent first; a
 * failed round leaves it queued, held until they sign in again.
 */
export async function signInAtStation(device: Device, base: string, studentId: string): Promise<void> {
  if ((await getConnection(device.store))?.scope.studentId !== undefined) await device.sync().catch(() => undefined);
  const response = await fetch(`${base}${API_PREFIX}/station/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      authorization: `Bearer ${device.connection.token}`,
    },
    body: JSON.stringify({ studentId }),
  });
  if (!response.ok) throw new Error(`station sign-in failed: ${response.status}`);
  const connection = await getConnection(device.store);
  await saveConnection(device.store, { ...connection!, scope: { ...connection!.scope, studentId } });
  await saveCursor(device.store, CURSOR_START);
}

/**
 * What the server lets this device's token see, as a fresh tablet with the same token would hold it after
 * one full sync: the reference a device must equal.
 */
export async function serverView(device: Device): Promise<Record<string, unknown>> {
  const fresh = testStore();
  const connection = await getConnection(device.store);
  await saveConnection(fresh, connection);
  await syncOnce({ store: fresh, transport: device.transport() });
  return snapshot(fresh);
}
