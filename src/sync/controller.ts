import {
  countOutbox,
  getConnection,
  getDeviceId,
  onOutboxWrite,
  saveConnection,
  saveCursor,
  updateSyncReport,
  type Connection,
  type Store,
} from '#db';
import { CURSOR_START } from '#protocol';
import { enroll, postAsDevice, signIn } from './connect.ts';
import { browserSchedulerEnv, createSyncScheduler, type SchedulerEnv, type SyncScheduler } from './scheduler.ts';
import { syncOnce } from './sync-once.ts';
import { httpTransport, type SyncTransport } from './transport.ts';

export interface SyncControllerOptions {
  readonly store: Store;
  readonly onBusy?: (busy: boolean) => void;
  readonly schedulerEnv?: SchedulerEnv;
  readonly fetch?: typeof fetch;
  readonly makeTransport?: (connection: Connection) => SyncTransport;
}

/**
 * Owns the device's sync: connects (teacher sign-in or class join code), runs the scheduler while a
 * connection exists, and records the outcome for the status display. Without a connection it does
 * nothing, and the app works exactly the same.
 */
export function createSyncController(options: SyncControllerOptions) {
  const { store } = options;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const makeTransport = options.makeTransport ?? ((c: Connection) => httpTransport({ ...c, fetch: doFetch }));
  let scheduler: SyncScheduler | null = null;
  let stopWatching: (() => void) | null = null;

  async function run() {
    const connection = await getConnection(store);
    if (!connection) return;
    await syncOnce({ store, transport: makeTransport(connection) });
  }

  /** Resolves when the first round ends. */
  function startScheduler(): Promise<void> {
    scheduler?.stop();
    stopWatching?.();
    scheduler = createSyncScheduler({
      run,
      env: options.schedulerEnv ?? browserSchedulerEnv(),
      onBusy: options.onBusy,
      onError: (error) => void updateSyncReport(store, { lastError: describe(error) }),
    });
    stopWatching = onOutboxWrite(store, () => scheduler?.noteWrite());
    return scheduler.start();
  }

  async function connect(connection: Connection) {
    await saveConnection(store, connection);
    // A new connection may see different records: read everything it may see from the start.
    await saveCursor(store, CURSOR_START);
    await updateSyncReport(store, { lastError: null });
    // The scheduler's first round is the sync: asking for another (syncNow) would pull twice.
    await startScheduler();
  }

  return {
    /** Starts syncing if this device was connected before. */
    async resume() {
      if (await getConnection(store)) void startScheduler();
    },
    async signIn(baseUrl: string, email: string, password: string) {
      const deviceId = await getDeviceId(store.db, store.env);
      await connect(await signIn(baseUrl, { email, password, deviceId }, doFetch));
    },
    /** A station joins one class with the class's join code (a teacher device signs in instead). */
    async enrollStation(baseUrl: string, joinCode: string) {
      const deviceId = await getDeviceId(store.db, store.env);
      await connect(await enroll(baseUrl, { joinCode: joinCode.trim(), kind: 'station', deviceId }, doFetch));
    },
    /**
     * A child signed in at a station: the server lets the station's token read that child's records, and
     * the station pulls them. Does nothing (and says false) on other devices or without a connection.
     */
    async stationSignIn(studentId: string): Promise<boolean> {
      const connection = await getConnection(store);
      if (connection?.kind !== 'station' || !scheduler) return false;
      await postAsDevice(connection, '/station/sign-in', { studentId }, doFetch);
      // The token now sees more than before: read again from the start (it is a class, not a school).
      await saveCursor(store, CURSOR_START);
      await scheduler.syncNow();
      return true;
    },
    async stationSignOut() {
      const connection = await getConnection(store);
      if (connection?.kind !== 'station') return;
      await postAsDevice(connection, '/station/sign-out', {}, doFetch);
    },
    async disconnect() {
      scheduler?.stop();
      stopWatching?.();
      scheduler = null;
      await saveConnection(store, null);
    },
    async syncNow() {
      if (!scheduler) throw new Error('This device is not connected to a server.');
      await scheduler.syncNow();
    },
    pendingChanges: () => countOutbox(store),
  };
}

export type DeviceSyncController = ReturnType<typeof createSyncController>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
