import {
  browserSpaceProbe,
  countOutbox,
  getConnection,
  getDeviceId,
  onOutboxWrite,
  readSyncStatus,
  retireDemoOnConnect,
  saveConnection,
  saveCursor,
  updateSyncReport,
  type Connection,
  type Store,
} from '#db';
import { CURSOR_START, type SignUpRequest } from '#protocol';
import { enroll, postAsDevice, signIn, signUp } from './connect.ts';
import {
  changeAccountPassword,
  issueJoinCode,
  listServerClasses,
  listServerDevices,
  revokeDevice,
} from './school-admin.ts';
import { enrollHandedOver, type HandOverRole } from './hand-over.ts';
import { browserSchedulerEnv, createSyncScheduler, type SchedulerEnv, type SyncScheduler } from './scheduler.ts';
import { fetchAttachment, type FetchAttachmentResult } from './media-round.ts';
import { syncOnce } from './sync-once.ts';
import { httpTransport, SyncError, type SyncTransport } from './transport.ts';

/** Joining one class by join code (the app's SyncController interface in src/state has the same shape). */
export interface EnrollOptions {
  readonly joinCode: string;
  readonly kind: 'teacher' | 'station';
  readonly deviceName?: string;
  /** A teacher tablet needs a teacher's account: a join code alone only makes a station. */
  readonly teacher?: { readonly email: string; readonly password: string };
}

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
  /** A station's sign-ins and sign-outs, one after another in the order the children tapped. */
  let stationTurns: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(turn: () => Promise<T>): Promise<T> => {
    const next = stationTurns.then(turn, turn);
    stationTurns = next.catch(() => undefined);
    return next;
  };

  async function run() {
    const connection = await getConnection(store);
    if (!connection) return;
    await syncOnce({ store, transport: makeTransport(connection) });
  }

  /**
   * Before a station changes who is signed in: what the child signed in now did (a choice of next step is
   * only theirs to send) goes while they still are, not 2 s after their last write, when the next child may
   * have signed in and the server would take it only once they come back. Offline, it stays queued as before.
   */
  async function sendSignedInChildsWork(station: Connection): Promise<void> {
    if (station.scope.studentId !== undefined) await scheduler?.syncNow();
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

  async function teacherConnection(): Promise<Connection> {
    const connection = await getConnection(store);
    if (!connection) throw new SyncError('This device is not connected to a server.', 'notConnected', false);
    if (connection.kind !== 'teacher') throw new SyncError('Only a teacher device may do this.', 'forbidden', false);
    return connection;
  }

  /**
   * Joins one class with its join code. A teacher tablet proves a teacher is present by signing in
   * first; that school-wide sign-in is revoked at once, leaving only the class token on the tablet.
   */
  async function enrollDevice(baseUrl: string, options: EnrollOptions) {
    const deviceId = await getDeviceId(store.db, store.env);
    const name = options.deviceName?.trim();
    const body = {
      joinCode: options.joinCode.trim(),
      kind: options.kind,
      deviceId,
      ...(name ? { deviceName: name } : {}),
    };
    if (options.kind === 'station') return connect(await enroll(baseUrl, body, doFetch));
    if (!options.teacher) {
      throw new SyncError('A teacher tablet needs a teacher’s email and password.', 'validation', false);
    }
    const teacher = await signIn(baseUrl, { ...options.teacher, deviceId }, doFetch);
    let enrolled: Connection;
    try {
      enrolled = await enroll(baseUrl, body, doFetch, teacher.token);
    } finally {
      await revokeDevice(teacher, teacher.deviceTokenId, doFetch).catch(() => undefined);
    }
    await connect(enrolled);
  }

  async function connect(connection: Connection) {
    await saveConnection(store, connection);
    // The school's classes replace the tablet's own demo class, or the teacher would see two near-identical
    // classes and work in the one that never syncs; the settings page says so.
    await retireDemoOnConnect(store);
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
    async signUp(baseUrl: string, account: SignUpRequest) {
      await connect(await signUp(baseUrl, account, doFetch));
    },
    enroll: enrollDevice,
    /** A station joins one class with the class's join code. */
    enrollStation: (baseUrl: string, joinCode: string) => enrollDevice(baseUrl, { joinCode, kind: 'station' }),
    listClasses: async () => listServerClasses(await teacherConnection(), doFetch),
    listDevices: async () => listServerDevices(await teacherConnection(), doFetch),
    newJoinCode: async (classId: string) => issueJoinCode(await teacherConnection(), classId, doFetch),
    async revokeDevice(deviceTokenId: string) {
      const connection = await teacherConnection();
      if (deviceTokenId === connection.deviceTokenId) {
        throw new SyncError('This is this tablet’s own connection; use Disconnect instead.', 'ownDevice', false);
      }
      await revokeDevice(connection, deviceTokenId, doFetch);
    },
    /**
     * The signed-in teacher account's password (a teacher's own sign-in, not a class tablet): the server
     * checks the current one and ends the account's other sign-ins; this tablet stays connected.
     */
    async changePassword(currentPassword: string, newPassword: string): Promise<void> {
      const connection = await teacherConnection();
      if (connection.scope.classId !== undefined) {
        throw new SyncError('Only a teacher’s own sign-in changes the account’s password.', 'forbidden', false);
      }
      await changeAccountPassword(connection, { currentPassword, newPassword }, doFetch);
    },
    /**
     * A child signed in at a station: the server lets the station's token read that child's records, and
     * the station pulls them. Does nothing (and says false) on other devices or without a connection.
     */
    stationSignIn: (studentId: string): Promise<boolean> =>
      inTurn(async () => {
        const connection = await getConnection(store);
        if (connection?.kind !== 'station' || !scheduler) return false;
        await sendSignedInChildsWork(connection);
        await postAsDevice(connection, '/station/sign-in', { studentId }, doFetch);
        // The station now speaks for this child (its role checks know who is signed in), and the token sees
        // more than before: read again from the start (it is a class, not a school).
        await saveConnection(store, { ...connection, scope: { ...connection.scope, studentId } });
        await saveCursor(store, CURSOR_START);
        await scheduler.syncNow();
        return true;
      }),
    /**
     * A teacher hands this tablet to one child, or to the class as a station. Connected as a teacher:
     * everything waiting is sent first (the new token could not send the teacher's work), then the tablet
     * enrolls in its new role. Not connected: false, and nothing happens here (the lock is the tablet's own).
     */
    async enrollAs(role: HandOverRole): Promise<boolean> {
      const connection = await getConnection(store);
      if (!connection) return false;
      if (isAlready(connection, role)) return true;
      if (connection.kind !== 'teacher') {
        throw new SyncError('Only a teacher’s connection can hand this tablet over.', 'needsTeacher', false);
      }
      await scheduler?.syncNow();
      const waiting = await readSyncStatus(store);
      if (waiting.pendingChanges + waiting.pendingUploads > 0) {
        throw new SyncError('Changes on this tablet have not reached the school server yet.', 'pendingChanges', true);
      }
      const deviceId = await getDeviceId(store.db, store.env);
      await connect(await enrollHandedOver({ teacher: connection, role, deviceId }, doFetch));
      return true;
    },
    stationSignOut: (): Promise<void> =>
      inTurn(async () => {
        const connection = await getConnection(store);
        if (connection?.kind !== 'station') return;
        await sendSignedInChildsWork(connection);
        await postAsDevice(connection, '/station/sign-out', {}, doFetch);
        const { studentId: _signedOut, ...scope } = connection.scope;
        await saveConnection(store, { ...connection, scope });
      }),
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
    /** An attachment opened here whose bytes are on the server only: fetched now ('notConnected' offline of any server). */
    async fetchAttachment(blobId: string): Promise<FetchAttachmentResult | 'notConnected'> {
      const connection = await getConnection(store);
      if (!connection) return 'notConnected';
      return fetchAttachment(store, makeTransport(connection), blobId, browserSpaceProbe);
    },
    pendingChanges: () => countOutbox(store),
  };
}

export type DeviceSyncController = ReturnType<typeof createSyncController>;

/** The tablet is connected in that role already (a station of the class, the same child's tablet). */
function isAlready(connection: Connection, role: HandOverRole): boolean {
  if (connection.kind !== role.kind || connection.scope.classId !== role.classId) return false;
  return role.kind === 'station' || connection.scope.studentId === role.studentId;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
