/**
 * Applies a push: per change, a clock bound, idempotency per school (a re-send is accepted again, an id
 * reused for other content is refused), scope and the role table (access.ts), immutable evidence, a limit
 * on a record's fields, then last writer wins per field by HLC. A refused change gets a code, a reason and
 * the record as the caller may see it, and the rest of the batch still applies.
 *
 * The batch is applied in slices, each in its own transaction, in order: other classes' pulls and pushes
 * get their turn between slices instead of waiting for the whole batch. A failure midway leaves a prefix
 * applied, which the device's retry completes (idempotent by changeId).
 */
import { hash } from 'node:crypto';
import {
  APPEND_ONLY,
  MAX_CLOCK_AHEAD_MS,
  MAX_RECORD_FIELDS,
  WIRE_HLC_PATTERN,
  type Change,
  type PushResponse,
  type RecordState,
  type RejectedChange,
} from '#protocol';
import type { FieldState, LogEntry, RecordScope, Storage, StoredRecord, SyncTx } from '#server/storage/storage.ts';
import { canSee, visibleFields, writeRefusal } from './access.ts';
import { fieldProblem } from '#protocol/record-shapes.ts';
import { grantCitations } from './blob-citations.ts';
import { canonicalEntries, canonicalJson, objectJson } from './canonical-json.ts';
import type { Principal } from './principal.ts';
import { claimNewClass, newClassRefusal } from './new-class.ts';
import { deriveScope, TABLE_SCOPE } from './scope.ts';

/**
 * Changes per transaction: small enough that a waiting pull never waits long, large enough to stay fast
 * (a commit rewrites every index page the slice touched, so many small slices write the same pages again
 * and again: 200 changes of the app's usual 8 fields cost about what 50 changes of 32 fields do).
 */
export const PUSH_SLICE_CHANGES = 200;
/** …and fields per transaction, whichever comes first: this bounds the largest legal push's slices. */
export const PUSH_SLICE_FIELDS = 1600;

interface Working {
  readonly table: Change['table'];
  readonly recordId: string;
  readonly scope: RecordScope;
  readonly isNew: boolean;
  /** Current state, updated as the slice applies. */
  readonly fields: Record<string, FieldState>;
  /** Fields this slice changed: a record with any is written back, whole. */
  readonly dirty: Set<string>;
  /** The fields as stored JSON, when one change of this slice made the record and nothing changed it since. */
  document?: string;
}

const keyOf = (table: string, recordId: string): string => `${table}\u0000${recordId}`;

/**
 * What the server keeps of a change to know a re-send from another change under the same id: SHA-256 of
 * canonicalJson([table, recordId, hlc, fields]), here from the fields' canonical JSON made once.
 */
function hashOf(change: Change, fieldsJson: string): string {
  const head = `[${JSON.stringify(change.table)},${JSON.stringify(change.recordId)},${JSON.stringify(change.hlc)},`;
  return hash('sha256', `${head}${fieldsJson}]`, 'hex');
}

export function contentHash(change: Change): string {
  return hashOf(change, canonicalJson(change.fields));
}

/** A change serialized once: the hash, the log row's fields and a new record's document all come from it. */
export interface SerializedChange {
  readonly hash: string;
  /** canonicalJson(change.fields). */
  readonly fieldsJson: string;
  /** canonicalEntries(change.fields). */
  readonly entries: readonly (readonly [string, string])[];
}

export function serializeChange(change: Change): SerializedChange {
  const entries = canonicalEntries(change.fields);
  const fieldsJson = objectJson(entries);
  return { hash: hashOf(change, fieldsJson), fieldsJson, entries };
}

/** A new record's stored document (`{name: {value, hlc}}`, as JSON.stringify of its FieldStates would be). */
function newDocument(serialized: SerializedChange, hlc: string): string {
  const stamp = JSON.stringify(hlc);
  return objectJson(serialized.entries.map(([name, value]) => [name, `{"value":${value},"hlc":${stamp}}`]));
}

/** How far past the bound a stamp's wall time is, in ms; 0 when within it. */
export function clockExcess(hlc: string, nowMs: number): number {
  const wall = Number(WIRE_HLC_PATTERN.exec(hlc)?.[1] ?? 0);
  return Math.max(0, wall - (nowMs + MAX_CLOCK_AHEAD_MS));
}

function describeAhead(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 72 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

function immutableRewrite(change: Change, record: Working): string | null {
  const mutable = APPEND_ONLY[change.table];
  if (!mutable) return null;
  for (const [name, value] of Object.entries(change.fields)) {
    if (mutable.includes(name)) continue;
    const current = record.fields[name];
    if (!current || canonicalJson(current.value) !== canonicalJson(value)) {
      return `${change.table}.${name} is immutable after creation; record a new ${change.table} record or void this one`;
    }
  }
  return null;
}

/** The record as the caller may see it, for a refused change: null when there is none it may see. */
function stateFor(p: Principal, record: Working | undefined): RecordState | null {
  if (!record || !canSee(p, record.table, record.recordId, record.scope)) return null;
  const fields = visibleFields(p, record.table, record.recordId, record.fields);
  if (Object.keys(fields).length === 0) return null;
  return {
    fields: Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.value])),
    stamps: Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.hlc])),
  };
}

/** Consecutive slices of the batch, each within PUSH_SLICE_CHANGES and PUSH_SLICE_FIELDS. */
function slices(changes: readonly Change[]): Change[][] {
  const out: Change[][] = [];
  let current: Change[] = [];
  let fields = 0;
  for (const change of changes) {
    const n = Object.keys(change.fields).length;
    if (current.length > 0 && (current.length >= PUSH_SLICE_CHANGES || fields + n > PUSH_SLICE_FIELDS)) {
      out.push(current);
      current = [];
      fields = 0;
    }
    current.push(change);
    fields += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface Outcome {
  readonly accepted: Set<string>;
  readonly rejected: Map<string, RejectedChange>;
  /** Blobs new evidence cites that the school does not hold (BlobRef.granted null). */
  readonly missingBlobs: Set<string>;
}

export async function applyPush(
  storage: Storage,
  principal: Principal,
  deviceId: string,
  changes: readonly Change[],
  receivedAt: string,
): Promise<Omit<PushResponse, 'serverTime'>> {
  const nowMs = Date.parse(receivedAt);
  const outcome: Outcome = { accepted: new Set(), rejected: new Map(), missingBlobs: new Set() };
  // Clocks first, outside any transaction: a stamp too far ahead is refused per change, not final.
  const inTime: Change[] = [];
  for (const change of changes) {
    const excess = clockExcess(change.hlc, nowMs);
    if (excess === 0) inTime.push(change);
    else {
      outcome.rejected.set(change.changeId, {
        changeId: change.changeId,
        code: 'clockAhead',
        reason: `the change’s clock stamp is ${describeAhead(excess + MAX_CLOCK_AHEAD_MS)} ahead of the server’s clock (at most ${MAX_CLOCK_AHEAD_MS / 60_000} min is accepted): set this tablet’s clock, stamp the change again and resend it`,
      });
    }
  }
  const classIds = new Set((await storage.listClasses(principal.schoolId)).map((c) => c.id));
  const epoch = await storage.epoch();
  let top = 0;
  for (const slice of slices(inTime)) {
    // Let waiting requests run first: better-sqlite3 answers synchronously, so without this turn of the
    // event loop a whole batch would run as one long task and every other class would wait for all of it.
    await new Promise((resolve) => setImmediate(resolve));
    const serialized = new Map(slice.map((c) => [c.changeId, serializeChange(c)]));
    top = await storage.syncTransaction(principal.schoolId, (tx) =>
      applySlice(tx, { principal, deviceId, receivedAt, classIds, serialized, outcome }, slice),
    );
  }
  if (inTime.length === 0) top = await storage.syncTransaction(principal.schoolId, (tx) => tx.maxSeq());
  const order = changes.map((c) => c.changeId);
  return {
    accepted: order.filter((id) => outcome.accepted.has(id)),
    rejected: order.flatMap((id) => outcome.rejected.get(id) ?? []),
    cursor: `${epoch}-${top}`,
    ...(outcome.missingBlobs.size > 0 ? { missingBlobIds: [...outcome.missingBlobs] } : {}),
  };
}

interface SliceContext {
  readonly principal: Principal;
  readonly deviceId: string;
  readonly receivedAt: string;
  readonly classIds: Set<string>;
  readonly serialized: ReadonlyMap<string, SerializedChange>;
  readonly outcome: Outcome;
}

/** Applies one slice in its transaction; answers the school's newest sequence number after it. */
async function applySlice(tx: SyncTx, ctx: SliceContext, changes: readonly Change[]): Promise<number> {
  const { principal, outcome } = ctx;
  const keys = changes.map((c) => ({ table: c.table, recordId: c.recordId }));
  for (const c of changes) {
    const studentId = c.fields.studentId;
    if (TABLE_SCOPE[c.table].level === 'student' && typeof studentId === 'string') {
      keys.push({ table: 'students', recordId: studentId });
    }
  }
  const { applied, records } = await tx.readSlice(
    changes.map((c) => c.changeId),
    keys,
  );
  const working = new Map<string, Working>();
  for (const r of records) {
    working.set(keyOf(r.table, r.recordId), { ...r, isNew: false, fields: { ...r.fields }, dirty: new Set() });
  }
  const scopeContext = {
    schoolId: principal.schoolId,
    classIds: ctx.classIds,
    findStudent: (id: string): StoredRecord | undefined => working.get(keyOf('students', id)),
  };
  // Which blobs new evidence may cite so that its readers may read them (blob-citations.ts).
  const citations = await grantCitations(tx, principal, changes);

  const log: LogEntry[] = [];
  /** Final refusals, whose record state is read once the slice has applied. */
  const refusedRecords: [RejectedChange, string][] = [];
  const refuse = (change: Change, code: RejectedChange['code'], reason: string) =>
    refusedRecords.push([{ changeId: change.changeId, code, reason }, keyOf(change.table, change.recordId)]);

  for (const change of changes) {
    const serialized = ctx.serialized.get(change.changeId) ?? serializeChange(change);
    const before = applied.get(change.changeId);
    if (before) {
      const same =
        before.contentHash !== null
          ? before.contentHash === serialized.hash
          : before.table === change.table && before.recordId === change.recordId && before.hlc === change.hlc;
      if (same) outcome.accepted.add(change.changeId);
      else
        refuse(change, 'conflict', 'this change id was already used for another change; give every change its own id');
      continue;
    }
    const key = keyOf(change.table, change.recordId);
    const existing = working.get(key);
    const derived = deriveScope(change, existing, scopeContext);
    if (!derived.ok) {
      refuse(change, 'scope', derived.reason);
      continue;
    }
    const newClass = derived.createsClass ? newClassRefusal(principal) : null;
    if (newClass !== null) {
      refuse(change, 'forbidden', newClass);
      continue;
    }
    const role = writeRefusal(principal, change, derived.scope, existing);
    if (role !== null) {
      refuse(change, role.code, role.reason);
      continue;
    }
    const immutable = existing ? immutableRewrite(change, existing) : null;
    if (immutable !== null) {
      refuse(change, 'immutable', immutable);
      continue;
    }
    const shape = fieldProblem(change.table, change.recordId, change.fields, !existing);
    if (shape !== null) {
      refuse(change, 'invalidField', shape);
      continue;
    }
    const added = Object.keys(change.fields).filter((name) => !existing?.fields[name]).length;
    const held = existing ? Object.keys(existing.fields).length : 0;
    if (held + added > MAX_RECORD_FIELDS) {
      refuse(
        change,
        'invalid',
        `a record holds at most ${MAX_RECORD_FIELDS} fields; this change would make ${held + added}`,
      );
      continue;
    }
    const taken = derived.createsClass ? await claimNewClass(tx, principal, change, ctx.receivedAt) : null;
    if (taken !== null) {
      refuse(change, 'scope', taken);
      continue;
    }
    if (derived.createsClass) ctx.classIds.add(change.recordId);
    const record: Working = existing ?? {
      table: change.table,
      recordId: change.recordId,
      scope: derived.scope,
      isNew: true,
      fields: {},
      dirty: new Set(),
    };
    working.set(key, record);
    const won: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(change.fields)) {
      const current = record.fields[name];
      // Ties keep the stored value: the same stamp means the same change, and every peer breaks ties alike.
      if (current && current.hlc >= change.hlc) continue;
      record.fields[name] = { value, hlc: change.hlc };
      record.dirty.add(name);
      won[name] = value;
    }
    const wonAll = Object.keys(won).length === serialized.entries.length;
    if (!existing) record.document = newDocument(serialized, change.hlc);
    else if (Object.keys(won).length > 0) record.document = undefined;
    if (!existing) citations.cite(change, derived.scope);
    log.push({
      changeId: change.changeId,
      contentHash: serialized.hash,
      ...(wonAll ? { fieldsJson: serialized.fieldsJson } : {}),
      deviceId: ctx.deviceId,
      table: change.table,
      recordId: change.recordId,
      fields: won,
      hlc: change.hlc,
      scope: derived.scope,
      receivedAt: ctx.receivedAt,
    });
    outcome.accepted.add(change.changeId);
  }

  // A record is stored whole (one JSON document), so a write carries all its fields, changed or not.
  const writes = [...working.values()]
    .filter((w) => w.dirty.size > 0)
    .map((w) => ({
      table: w.table,
      recordId: w.recordId,
      scope: w.scope,
      isNew: w.isNew,
      fields: w.fields,
      ...(w.document !== undefined ? { document: w.document } : {}),
    }));
  const refs = citations.refs();
  const top = await tx.writeSlice({ records: writes, log, blobRefs: refs });
  for (const ref of refs) if (ref.granted === null) outcome.missingBlobs.add(ref.sha256);
  for (const [rejection, key] of refusedRecords) {
    const record = working.get(key);
    outcome.rejected.set(rejection.changeId, { ...rejection, current: stateFor(principal, record) });
  }
  return top;
}
