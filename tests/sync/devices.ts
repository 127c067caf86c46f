import { SYNCED_TABLES } from '#protocol';
import { saveConnection, syncedTableRows, type Connection, type Store } from '#db';
import { httpTransport, signIn, syncOnce, type SyncTransport } from '#sync';
import { testStore } from '#tests/helpers/test-store.ts';

export interface Device {
  readonly name: string;
  readonly store: Store & { env: ReturnType<typeof testStore>['env'] };
  readonly connection: Connection;
  /** Built per call so a restarted server (new port) is reached. */
  transport(): SyncTransport;
  sync(transport?: SyncTransport): ReturnType<typeof syncOnce>;
}

/** A teacher's device with its own database and clock, signed in to the server at `base`. */
export async function teacherDevice(
  name: string,
  base: () => string,
  account: { email: string; password: string },
  startMs: number,
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
    transport: () => httpTransport({ baseUrl: base(), token: connection.token }),
    sync: (transport) => syncOnce({ store, transport: transport ?? device.transport() }),
  };
  return device;
}

/** Every synced record on a device, without sync metadata, keyed "table/id": what must converge. */
export async function snapshot(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of SYNCED_TABLES) {
    for (const row of await syncedTableRows(store.db, table)) {
      const { _hlc: _ignored, ...fields } = row;
      out[`${table}/${String(row['id'])}`] = fields;
    }
  }
  return out;
}
