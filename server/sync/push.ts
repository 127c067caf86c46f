/**
 * Applies a push in one transaction: idempotent by changeId, last writer wins per field by HLC, evidence
 * and decisions immutable after creation apart from their APPEND_ONLY fields. A refused change gets a
 * reason and the rest of the batch still applies.
 */
import { APPEND_ONLY, type Change, type PushResponse, type RejectedChange } from '#protocol';
import type { BlobRef, FieldState, LogEntry, RecordScope, Storage, StoredRecord } from '#server/storage/storage.ts';
import { writeRefusal } from './access.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Principal } from './principal.ts';
import { claimNewClass, newClassRefusal } from './new-class.ts';
import { deriveScope, TABLE_SCOPE } from './scope.ts';

interface Working {
  readonly table: Change['table'];
  readonly recordId: string;
  readonly scope: RecordScope;
  readonly isNew: boolean;
  /** Current state, updated as the batch applies. */
  readonly fields: Record<string, FieldState>;
  /** Fields to write back. */
  readonly dirty: Set<string>;
}

const keyOf = (table: string, recordId: string): string => `${table}\u0000${recordId}`;

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

function blobRefsOf(change: Change, scope: RecordScope): BlobRef[] {
  const ids = change.fields.blobIds;
  if (change.table !== 'evidence' || !Array.isArray(ids)) return [];
  return ids
    .filter((id): id is string => typeof id === 'string' && /^[0-9a-f]{64}$/.test(id))
    .map((sha256) => ({ schoolId: scope.schoolId, sha256, classId: scope.classId, studentId: scope.studentId }));
}

export async function applyPush(
  storage: Storage,
  principal: Principal,
  deviceId: string,
  changes: readonly Change[],
  receivedAt: string,
): Promise<Omit<PushResponse, 'serverTime'>> {
  const classIds = new Set((await storage.listClasses(principal.schoolId)).map((c) => c.id));
  const epoch = await storage.epoch();
  return storage.syncTransaction(async (tx) => {
    const applied = await tx.findAppliedChangeIds(changes.map((c) => c.changeId));
    const fresh = changes.filter((c) => !applied.has(c.changeId));
    const keys = fresh.map((c) => ({ table: c.table, recordId: c.recordId }));
    for (const c of fresh) {
      const studentId = c.fields.studentId;
      if (TABLE_SCOPE[c.table].level === 'student' && typeof studentId === 'string') {
        keys.push({ table: 'students', recordId: studentId });
      }
    }
    const working = new Map<string, Working>();
    for (const r of await tx.loadRecords(principal.schoolId, keys)) {
      working.set(keyOf(r.table, r.recordId), { ...r, isNew: false, fields: { ...r.fields }, dirty: new Set() });
    }
    const asStored = (w: Working): StoredRecord => w;
    const ctx = {
      schoolId: principal.schoolId,
      classIds,
      findStudent: (id: string) => {
        const w = working.get(keyOf('students', id));
        return w ? asStored(w) : undefined;
      },
    };

    const accepted: string[] = [];
    const rejected: RejectedChange[] = [];
    const log: LogEntry[] = [];
    const refs: BlobRef[] = [];
    for (const change of changes) {
      if (applied.has(change.changeId)) {
        accepted.push(change.changeId);
        continue;
      }
      const key = keyOf(change.table, change.recordId);
      const existing = working.get(key);
      const derived = deriveScope(change, existing, ctx);
      if (!derived.ok) {
        rejected.push({ changeId: change.changeId, code: 'scope', reason: derived.reason, current: null });
        continue;
      }
      const forbidden =
        (derived.createsClass ? newClassRefusal(principal) : null) ??
        writeRefusal(principal, change.table, derived.scope, existing === undefined);
      const immutable = forbidden === null && existing ? immutableRewrite(change, existing) : null;
      const taken =
        forbidden === null && immutable === null && derived.createsClass
          ? await claimNewClass(tx, principal, change, receivedAt)
          : null;
      const refusal = forbidden ?? immutable ?? taken;
      if (refusal !== null) {
        const code = forbidden !== null ? 'forbidden' : immutable !== null ? 'immutable' : 'scope';
        rejected.push({ changeId: change.changeId, code, reason: refusal });
        continue;
      }
      if (derived.createsClass) classIds.add(change.recordId);
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
      if (!existing) refs.push(...blobRefsOf(change, derived.scope));
      log.push({
        changeId: change.changeId,
        deviceId,
        table: change.table,
        recordId: change.recordId,
        fields: won,
        hlc: change.hlc,
        scope: derived.scope,
        receivedAt,
      });
      accepted.push(change.changeId);
    }

    const writes = [...working.values()]
      .filter((w) => w.dirty.size > 0)
      .map((w) => ({
        table: w.table,
        recordId: w.recordId,
        scope: w.scope,
        isNew: w.isNew,
        fields: Object.fromEntries([...w.dirty].map((name) => [name, w.fields[name]!])),
      }));
    await tx.saveRecords(writes);
    await tx.appendLog(log);
    await tx.addBlobRefs(refs);
    return { accepted, rejected, cursor: `${epoch}-${await tx.maxSeq()}` };
  });
}
