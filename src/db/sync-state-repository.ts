import type { Cursor, DeviceKind, Scope } from '#protocol';
import { CURSOR_START } from '#protocol';
import { getSetting, setSetting } from './settings-repository.ts';
import type { Store } from './store.ts';
import { getDeviceId } from './device-clock.ts';
import { CONNECTION_KEY } from './write-access.ts';

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
  /**
   * Since when the server has refused this device's uploads because it already holds as many of its (or
   * its class's) attachments as no record uses yet; null once an upload round gets through. The files wait
   * here meanwhile.
   */
  readonly uploadsHeldSince: string | null;
}

const CONNECTION = CONNECTION_KEY;
const CURSOR = 'sync.cursor';
const REPORT = 'sync.report';
/** Outbox entries this device's role may not push (changes made before it joined as what it is now). */
const HELD = 'sync.held';

export async function getConnection(store: Store): Promise<Connection | null> {
  return (await getSetting<Connection>(store, CONNECTION)) ?? null;
}

export async function saveConnection(store: Store, connection: Connection | null): Promise<void> {
  if (connection) await setSetting(store, CONNECTION, connection);
  else await store.db.settings.delete(CONNECTION);
  // Another role may push what this one held back: the next push decides again.
  await store.db.settings.delete(HELD);
}

/** The changes the last push held back because this device's role may not send them. */
export async function getHeldChanges(store: Store): Promise<readonly string[]> {
  return (await getSetting<string[]>(store, HELD)) ?? [];
}

export async function saveHeldChanges(store: Store, changeIds: readonly string[]): Promise<void> {
  await setSetting(store, HELD, changeIds);
}

export async function getCursor(store: Store): Promise<Cursor> {
  return (await getSetting<Cursor>(store, CURSOR)) ?? CURSOR_START;
}

export function saveCursor(store: Store, cursor: Cursor): Promise<void> {
  return setSetting(store, CURSOR, cursor);
}

export async function getSyncReport(store: Store): Promise<SyncReport> {
  const kept = await getSetting<Partial<SyncReport>>(store, REPORT);
  return {
    lastSyncedAt: kept?.lastSyncedAt ?? null,
    lastError: kept?.lastError ?? null,
    uploadsHeldSince: kept?.uploadsHeldSince ?? null,
  };
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
