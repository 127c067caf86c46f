/**
 * Which of this device's writes ever reach a server: demo records never do (they stay on the device), and
 * a connected device never makes or pushes a change its role may not write (`writeRefusal` in
 * src/protocol, the device's mirror of the server's role table).
 */
import { writeRefusal, type DeviceWriter, type SyncedTable, type WriteRefusal, type WriteSubject } from '#protocol';
import type { WaypointDb } from './database.ts';

/** Ids of the demo school, class, students and their records start with this. */
export const DEMO_PREFIX = 'demo-';
/** Settings key of the device's connection (sync-state-repository.ts reads and writes it). */
export const CONNECTION_KEY = 'sync.connection';

type Row = Readonly<Record<string, unknown>>;

/** The connection's role, or null when the device is not connected (then it may write anything locally). */
export interface ConnectionRole {
  readonly kind: DeviceWriter['kind'];
  readonly scope: { readonly classId?: string; readonly studentId?: string };
}

/** A write the device's role may not make: nothing is saved, and the reason says what to do instead. */
export class ForbiddenWriteError extends Error {
  override name = 'ForbiddenWriteError';
  constructor(
    readonly refusal: WriteRefusal,
    readonly table: SyncedTable,
  ) {
    super(FORBIDDEN_MESSAGES[refusal]);
  }
}

const FORBIDDEN_MESSAGES: Record<WriteRefusal, string> = {
  school:
    'A class tablet cannot change the school or its teachers. Do it on a tablet signed in with the teacher’s account.',
  otherClass:
    'This tablet is joined to another class. Do it on a tablet of that class or one signed in with the teacher’s account.',
  content:
    'A station cannot change the class, its children, their paths or the learning targets. Do it on a teacher tablet.',
  otherChild: 'A station speaks only for the child signed in at it. Sign the child in first.',
  teacherWork:
    'A station saves a child’s own work for the teacher to review, never a teacher’s judgment. Record it on a teacher tablet.',
};

export function writerOf(connection: ConnectionRole | null | undefined): DeviceWriter | null {
  if (!connection) return null;
  return {
    kind: connection.kind,
    classId: connection.scope.classId ?? null,
    studentId: connection.scope.studentId ?? null,
  };
}

/** The role of the connection saved on this device (inside a transaction that includes `settings`). */
export async function readWriter(db: WaypointDb): Promise<DeviceWriter | null> {
  return writerOf((await db.settings.get(CONNECTION_KEY))?.value as ConnectionRole | undefined);
}

/** Demo data stays on this device: a change about a demo record or a demo child is never pushed. */
export function isLocalOnlyWrite(recordId: string, fields: Row, existing: Row | undefined): boolean {
  if (recordId.startsWith(DEMO_PREFIX)) return true;
  const owner = fields['studentId'] ?? fields['classId'] ?? existing?.['studentId'] ?? existing?.['classId'];
  return typeof owner === 'string' && owner.startsWith(DEMO_PREFIX);
}

/** A change as the role table sees it: where its record belongs, from the change and the device's copy. */
export async function writeSubject(
  write: { readonly table: SyncedTable; readonly recordId: string; readonly fields: Row },
  existing: Row | undefined,
  findStudent: (id: string) => Promise<Row | undefined>,
  isNew = existing === undefined,
): Promise<WriteSubject> {
  const { table, recordId, fields } = write;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  let classId: string | null = null;
  let studentId: string | null = null;
  if (table === 'classes') classId = recordId;
  else if (table === 'students') classId = text(fields['classId'] ?? existing?.['classId']);
  else if (table === 'paths' || table === 'evidence' || table === 'decisions') {
    studentId = text(fields['studentId'] ?? existing?.['studentId']);
    classId = studentId === null ? null : text((await findStudent(studentId))?.['classId']);
  }
  return { table, recordId, fields, isNew, classId, studentId };
}

/** Null when the device may push or make this write; else why not. */
export async function roleRefusal(
  writer: DeviceWriter | null,
  write: { readonly table: SyncedTable; readonly recordId: string; readonly fields: Row },
  existing: Row | undefined,
  findStudent: (id: string) => Promise<Row | undefined>,
  isNew = existing === undefined,
): Promise<WriteRefusal | null> {
  if (writer === null) return null;
  return writeRefusal(writer, await writeSubject(write, existing, findStudent, isNew));
}

/**
 * Whether a queued change made its record: no field of the row is older than it (the device has no copy
 * of the record from before the change).
 */
export function isCreatingChange(
  row: { readonly _hlc?: Readonly<Record<string, string>> } | undefined,
  hlc: string,
): boolean {
  return Object.values(row?._hlc ?? {}).every((stamp) => stamp >= hlc);
}
