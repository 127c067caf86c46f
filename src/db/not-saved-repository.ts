/**
 * Changes the server refused for good, kept on the device until the teacher has seen them: what each one
 * was (described from this device's copy when it was refused), why, and the values that were not saved,
 * so nothing a tablet recorded disappears without a word. Screens word the message themselves from the
 * code and the subject; the server's own reason is kept for a developer only.
 */
import type { DeviceKind, RefusalCode, SyncedTable } from '#protocol';
import type { WaypointDb } from './database.ts';
import { getSetting, setSetting } from './settings-repository.ts';
import type { Store } from './store.ts';

export const NOT_SAVED_KEY = 'sync.notSaved';
/** More than this and the oldest are dropped (a roster refused whole is a few hundred). */
const KEEP = 500;

/** What a refused change was about, in the words a teacher knows it by. */
export interface ChangeSubject {
  /** The child it is about (paths, evidence, decisions) or the child's own record (students). */
  readonly studentName?: string;
  /** Evidence kind (observation, check…) or decision kind (markMastered…). */
  readonly kind?: string;
  /** When it was observed or decided (ISO 8601). */
  readonly date?: string;
  /** A class, school, teacher, framework, target or item set: its name, title or code. */
  readonly label?: string;
}

export interface NotSavedChange {
  readonly changeId: string;
  /** The server's refusal code; anything an older server sends without one counts as `invalid`. */
  readonly code: RefusalCode;
  readonly table: SyncedTable;
  readonly recordId: string;
  /** What kind of device this was when the server refused it (the advice depends on it). */
  readonly deviceKind: DeviceKind;
  /** When this device learned of it (ISO 8601). */
  readonly at: string;
  readonly subject: ChangeSubject;
  /** The values that were not saved. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The server's words, for a developer; never shown. */
  readonly reason: string;
  /** A photo, drawing or recording the server would not take (`recordId` is the evidence citing it). */
  readonly attachment?: true;
}

export async function listNotSaved(store: Store): Promise<readonly NotSavedChange[]> {
  return (await getSetting<NotSavedChange[]>(store, NOT_SAVED_KEY)) ?? [];
}

/** The teacher has read the list: it is emptied. */
export async function dismissNotSaved(store: Store): Promise<void> {
  await setSetting(store, NOT_SAVED_KEY, []);
}

/** Adds refused changes, newest first (inside a transaction that includes `settings`). */
export async function addNotSaved(db: WaypointDb, entries: readonly NotSavedChange[]): Promise<void> {
  if (entries.length === 0) return;
  const kept = ((await db.settings.get(NOT_SAVED_KEY))?.value as NotSavedChange[] | undefined) ?? [];
  await db.settings.put({ key: NOT_SAVED_KEY, value: [...[...entries].reverse(), ...kept].slice(0, KEEP) });
}

type Row = Readonly<Record<string, unknown>>;

/** Describes a record for the not-saved list, from this device's copy (read before it is put back). */
export async function describeRecord(db: WaypointDb, table: SyncedTable, row: Row): Promise<ChangeSubject> {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
  const studentName = async (): Promise<string | undefined> => {
    const id = text(row['studentId']);
    return id ? text((await db.students.get(id))?.displayName) : undefined;
  };
  const subject = (parts: Record<string, string | undefined>): ChangeSubject =>
    Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as ChangeSubject;
  switch (table) {
    case 'evidence':
      return subject({ studentName: await studentName(), kind: text(row['kind']), date: text(row['observedAt']) });
    case 'decisions':
      return subject({ studentName: await studentName(), kind: text(row['kind']), date: text(row['decidedAt']) });
    case 'paths':
      return subject({ studentName: await studentName() });
    case 'students':
      return subject({ studentName: text(row['displayName']) });
    case 'schools':
    case 'classes':
      return subject({ label: text(row['name']) });
    case 'teachers':
      return subject({ label: text(row['displayName']) });
    case 'frameworks':
    case 'itemSets':
      return subject({ label: text(row['title']) });
    case 'targets':
      return subject({ label: text(row['code']) ?? text(row['teacherStatement']) });
  }
}

/**
 * Lists a photo or recording the server refused for good (a type it does not take), described by the
 * evidence that cites it. The bytes stay on this device.
 */
export async function addRefusedAttachment(
  store: Store,
  blobId: string,
  deviceKind: DeviceKind,
  reason: string,
): Promise<void> {
  const { db } = store;
  const citing = await db.evidence.where('blobIds').equals(blobId).first();
  const subject = citing ? await describeRecord(db, 'evidence', citing as unknown as Row) : {};
  const entry: NotSavedChange = {
    changeId: `blob:${blobId}`,
    code: 'invalid',
    table: 'evidence',
    recordId: citing?.id ?? blobId,
    deviceKind,
    at: new Date(store.env.now()).toISOString(),
    subject,
    fields: { blobIds: [blobId] },
    reason,
    attachment: true,
  };
  await db.transaction('rw', db.settings, () => addNotSaved(db, [entry]));
}
