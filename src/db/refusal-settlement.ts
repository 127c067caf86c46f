/**
 * What a device does with the server's answer for changes it did not apply (see RejectedChange in
 * src/protocol/wire.ts):
 * - a final refusal puts the record back to the server's state: the refused fields are taken out where the
 *   row still shows them, the server's `current` fields are merged in by their stamps, and a record that
 *   only this refused change made is removed (`current: null`: the server holds no such record for this
 *   device). The values go to the not-saved list with what they were, so the teacher is told.
 * - `clockAhead` is not final: the change is stamped again from the corrected clock and stays queued.
 */
import {
  compareHlc,
  formatHlc,
  REFUSAL_CODES,
  boundHlc,
  parseHlc,
  tickHlc,
  type Hlc,
  SYNCED_TABLES,
  uuidv7,
  type DeviceKind,
  type RecordState,
  type RefusalCode,
  type SyncedTable,
} from '#protocol';
import { syncedTable } from './database.ts';
import { getDeviceId, readClock, saveClock, serverNow } from './device-clock.ts';
import { addNotSaved, describeRecord, type NotSavedChange } from './not-saved-repository.ts';
import type { OutboxRecord } from './records.ts';
import { nowIso, type Store } from './store.ts';

export interface Refusal {
  readonly changeId: string;
  readonly code?: string;
  readonly reason: string;
  readonly current?: RecordState | null;
}

type Row = Record<string, unknown> & { _hlc?: Record<string, string> };

const CURSOR_KEY = 'sync.cursor';

/**
 * Settles final refusals in one transaction: each record put back, each entry out of the outbox and on the
 * not-saved list. Answers whether a record could not be put back from the answer alone (a server that sends
 * no `current`): the device then reads everything again from the start, which restores the fields it took out.
 */
export async function settleRefusals(
  store: Store,
  refusals: readonly Refusal[],
  deviceKind: DeviceKind,
): Promise<{ readonly repull: boolean }> {
  if (refusals.length === 0) return { repull: false };
  const { db } = store;
  const tables = SYNCED_TABLES.map((name) => syncedTable(db, name)!);
  return db.transaction('rw', [...tables, db.outbox, db.settings], async () => {
    const byId = new Map(refusals.map((r) => [r.changeId, r]));
    const entries = (
      await db.outbox
        .where('changeId')
        .anyOf([...byId.keys()])
        .toArray()
    ).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    const notSaved: NotSavedChange[] = [];
    let repull = false;
    for (const entry of entries) {
      const refusal = byId.get(entry.changeId)!;
      const table = syncedTable(db, entry.table);
      if (table) {
        const row = (await table.get(entry.recordId)) as Row | undefined;
        notSaved.push({
          changeId: entry.changeId,
          code: toCode(refusal.code),
          table: entry.table as SyncedTable,
          recordId: entry.recordId,
          deviceKind,
          at: nowIso(store),
          subject: await describeRecord(db, entry.table as SyncedTable, { ...entry.fields, ...row }),
          fields: entry.fields,
          reason: refusal.reason,
        });
        const restored = putBack(row, entry, refusal.current);
        if (restored) await table.put(restored);
        else if (row) await table.delete(entry.recordId);
        repull ||= refusal.current === undefined;
      }
      await db.outbox.delete(entry.seq!);
    }
    await addNotSaved(db, notSaved);
    // An older server says nothing of its own state: read everything again; the merge puts the fields back.
    if (repull) await db.settings.put({ key: CURSOR_KEY, value: '0' });
    return { repull };
  });
}

/** The row without the refused change and with the server's fields; undefined when nothing is left of it. */
function putBack(row: Row | undefined, entry: OutboxRecord, current: RecordState | null | undefined): Row | undefined {
  const base = row ?? { id: entry.recordId };
  // A field written again since (here, or pulled) is not this change's to take back.
  const taken = new Set(Object.keys(entry.fields).filter((field) => row?._hlc?.[field] === entry.hlc));
  const next: Row = Object.fromEntries(Object.entries(base).filter(([field]) => !taken.has(field)));
  const stamps: Record<string, string> = Object.fromEntries(
    Object.entries(row?._hlc ?? {}).filter(([field]) => !taken.has(field)),
  );
  for (const [field, value] of Object.entries(current?.fields ?? {})) {
    const stamp = current?.stamps[field];
    if (stamp === undefined) continue;
    const local = stamps[field];
    if (local !== undefined && compareHlc(local, stamp) >= 0) continue;
    next[field] = value;
    stamps[field] = stamp;
  }
  if (Object.keys(stamps).length === 0) return undefined;
  return { ...next, _hlc: stamps };
}

function toCode(code: string | undefined): RefusalCode {
  return (REFUSAL_CODES as readonly string[]).includes(code ?? '') ? (code as RefusalCode) : 'invalid';
}

/**
 * Stamps refused-as-too-far-ahead changes again, in the order they were made, in one transaction. The
 * device's clock is first pulled back within the bound of the server's time (as learned from the answer
 * that refused them), but never below `floor`, the newest of its stamps the server accepted. The outbox
 * entry gets the new stamp and a new change id, and so does each field of its row that still carries the
 * old stamp. A field written again since is left out of the change (its newer write is queued or on the
 * server already); a change with nothing left is dropped. Answers the new ids.
 */
export async function restampChanges(store: Store, changeIds: readonly string[], floor?: Hlc): Promise<string[]> {
  if (changeIds.length === 0) return [];
  const { db, env } = store;
  const deviceId = await getDeviceId(db, env);
  const tables = SYNCED_TABLES.map((name) => syncedTable(db, name)!);
  return db.transaction('rw', [...tables, db.outbox, db.settings], async () => {
    const entries = (
      await db.outbox
        .where('changeId')
        .anyOf([...changeIds])
        .toArray()
    ).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    const now = await serverNow(db, env);
    let clock = boundHlc(await readClock(db), now);
    if (floor !== undefined) {
      const accepted = parseHlc(floor);
      if (accepted.wallMs > clock.wallMs || (accepted.wallMs === clock.wallMs && accepted.counter > clock.counter))
        clock = accepted;
    }
    const fresh: string[] = [];
    for (const entry of entries) {
      const table = syncedTable(db, entry.table);
      const row = (await table?.get(entry.recordId)) as Row | undefined;
      const stamps = { ...(row?._hlc ?? {}) };
      const fields = row
        ? Object.fromEntries(Object.entries(entry.fields).filter(([field]) => stamps[field] === entry.hlc))
        : entry.fields;
      if (Object.keys(fields).length === 0) {
        await db.outbox.delete(entry.seq!);
        continue;
      }
      clock = tickHlc(clock, now);
      const hlc = formatHlc(clock, deviceId);
      if (row && table) {
        for (const field of Object.keys(fields)) stamps[field] = hlc;
        await table.put({ ...row, _hlc: stamps });
      }
      const changeId = uuidv7(env.now(), env.randomBytes);
      await db.outbox.update(entry.seq!, { changeId, hlc, fields });
      fresh.push(changeId);
    }
    await saveClock(db, clock);
    return fresh;
  });
}
