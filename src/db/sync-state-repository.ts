import type { Cursor, DeviceKind, Scope } from '#protocol';
import { CURSOR_START } from '#protocol';
import { getSetting, setSetting } from './settings-repository.ts';
import type { Store } from './store.ts';
import { getDeviceId } from './device-clock.ts';

/** How this device reaches its server. Absent: the device has never connected, which is fine. */
export interface Connection {
  readonly baseUrl: string;
  /** The signed-in teacher, for teacher devices. */
  readonly teacherId?: string;
  readonly token: string;
  readonly deviceTokenId: string;
  readonly kind: DeviceKind;
  readonly scope: Scope;
}

/** What the header and settings show: always the last success, what waits, and the last problem. */
export interface SyncReport {
  readonly lastSyncedAt: string | null;
  readonly lastError: string | null;
  /** Changes the server refused for good, with its reasons (most recent first, a few kept). */
  readonly refused: readonly { readonly changeId: string; readonly reason: string }[];
}

const CONNECTION = 'sync.connection';
const CURSOR = 'sync.cursor';
const REPORT = 'sync.report';
const EMPTY_REPORT: SyncReport = { lastSyncedAt: null, lastError: null, refused: [] };

export async function getConnection(store: Store): Promise<Connection | null> {
  return (await getSetting<Connection>(store, CONNECTION)) ?? null;
}

export async function saveConnection(store: Store, connection: Connection | null): Promise<void> {
  if (connection) await setSetting(store, CONNECTION, connection);
  else await store.db.settings.delete(CONNECTION);
}

export async function getCursor(store: Store): Promise<Cursor> {
  return (await getSetting<Cursor>(store, CURSOR)) ?? CURSOR_START;
}

export function saveCursor(store: Store, cursor: Cursor): Promise<void> {
  return setSetting(store, CURSOR, cursor);
}

export async function getSyncReport(store: Store): Promise<SyncReport> {
  return (await getSetting<SyncReport>(store, REPORT)) ?? EMPTY_REPORT;
}

export async function updateSyncReport(store: Store, change: Partial<SyncReport>): Promise<void> {
  await setSetting(store, REPORT, { ...(await getSyncReport(store)), ...change });
}

/**
 * Who a teacher-side record is by: the teacher signed in on this device, or, before any sign-in, this
 * device (its records still say which tablet they came from).
 */
export async function deviceTeacher(store: Store): Promise<{ kind: 'teacher'; id: string }> {
  const connection = await getConnection(store);
  return { kind: 'teacher', id: connection?.teacherId ?? `device:${await getDeviceId(store.db, store.env)}` };
}
