import { DELETED_FIELD, STARTER_HLC, SYNCED_TABLES, type Change, type SyncedTable } from '#protocol';
import { syncedTable } from './database.ts';
import type { OutboxRecord } from './records.ts';
import { ACTIVE_CLASS_KEY } from './classes-repository.ts';
import { applyRemoteChanges } from './merge-remote.ts';
import { getSetting, setSetting } from './settings-repository.ts';
import { nowIso, type Store } from './store.ts';
import { DEMO_PREFIX, isLocalOnlyWrite } from './write-access.ts';
import { writeMany, type FieldWrite } from './write-funnel.ts';

export { DEMO_PREFIX } from './write-access.ts';

const SEEDED_KEY = 'starterContentLoaded';
/** Set once this device has dropped the starter and demo changes an older version queued for pushing. */
const STARTER_QUEUE_CLEARED_KEY = 'starterQueueCleared';

type StarterModule = typeof import('#content/index.ts');
type Row = Record<string, unknown> & { _hlc?: Record<string, string> };

/**
 * First run: the starter frameworks (literacy and social-emotional) and a demo class with a few weeks
 * of evidence, so a new user sees a working classroom. Runs once per device.
 *
 * Starter content is the same everywhere: it is written under the fixed STARTER_HLC with no outbox entry
 * (the server writes the same records into every school), so it is never pushed and never pulled twice;
 * a teacher's later edit gets a real stamp and syncs as usual. The demo class stays on this device.
 * A device that an older version seeded through the outbox forgets those queued changes once.
 */
export async function seedFirstRun(store: Store): Promise<void> {
  const seeded = Boolean(await getSetting(store, SEEDED_KEY));
  const cleared = Boolean(await getSetting(store, STARTER_QUEUE_CLEARED_KEY));
  if (seeded && cleared) return;
  // Loaded only when needed: the starter content is most of the app's weight and is needed once.
  const content = await import('#content/index.ts');
  if (!seeded) {
    const demo = content.buildDemoClass({ now: nowIso(store) });
    const changes: Change[] = [
      ...content.starterRecords().map((r) => starterChange(r.table, r.recordId, r.fields)),
      starterChange('schools', demo.school.id, { ...demo.school }),
      starterChange('teachers', demo.teacher.id, { ...demo.teacher }),
      starterChange('classes', demo.classGroup.id, { ...demo.classGroup }),
      ...demo.students.map((s) => starterChange('students', s.id, { ...s })),
      ...demo.paths.map((p) => starterChange('paths', p.id, { ...p })),
      ...demo.evidence.map((e) => starterChange('evidence', e.id, { ...e })),
      ...demo.decisions.map((d) => starterChange('decisions', d.id, { ...d })),
    ];
    await applyRemoteChanges(store.db, store.env, changes);
    await setSetting(store, SEEDED_KEY, true);
    if (!(await getSetting(store, ACTIVE_CLASS_KEY))) await setSetting(store, ACTIVE_CLASS_KEY, demo.classGroup.id);
  }
  if (!cleared) {
    await forgetQueuedStarterChanges(store, content);
    await setSetting(store, STARTER_QUEUE_CLEARED_KEY, true);
  }
}

function starterChange(table: SyncedTable, recordId: string, fields: Readonly<Record<string, unknown>>): Change {
  return { changeId: `starter:${table}:${recordId}`, table, recordId, fields, hlc: STARTER_HLC };
}

/**
 * An older version queued the starter frameworks and the demo class for pushing on every device. Drops
 * those entries (demo changes of any kind; starter records still exactly as shipped) and gives the starter
 * fields the stamp every other device has, in one transaction. A teacher's edit of a starter target differs
 * from the shipped value and stays queued.
 */
async function forgetQueuedStarterChanges(store: Store, content: StarterModule): Promise<number> {
  const { db } = store;
  const shipped = new Map(content.starterRecords().map((r) => [`${r.table}/${r.recordId}`, r.fields]));
  const tables = SYNCED_TABLES.map((name) => syncedTable(db, name)!);
  return db.transaction('rw', [...tables, db.outbox], async () => {
    const dropped: number[] = [];
    for (const entry of await db.outbox.toArray()) {
      const table = syncedTable(db, entry.table);
      const row = (await table?.get(entry.recordId)) as Row | undefined;
      if (isLocalOnlyWrite(entry.recordId, entry.fields, row)) {
        dropped.push(entry.seq!);
        continue;
      }
      const starter = shipped.get(`${entry.table}/${entry.recordId}`);
      if (!starter || !table || !isShipped(entry, starter)) continue;
      dropped.push(entry.seq!);
      if (!row?._hlc) continue;
      const stamps = { ...row._hlc };
      for (const field of Object.keys(entry.fields)) if (stamps[field] === entry.hlc) stamps[field] = STARTER_HLC;
      await table.put({ ...row, _hlc: stamps });
    }
    await db.outbox.bulkDelete(dropped);
    return dropped.length;
  });
}

function isShipped(entry: OutboxRecord, shipped: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(entry.fields).every(
    ([field, value]) => JSON.stringify(value) === JSON.stringify(shipped[field]),
  );
}

export async function hasDemoData(store: Store): Promise<boolean> {
  return (
    (await store.db.students
      .where('id')
      .startsWith(DEMO_PREFIX)
      .filter((s) => !s.deleted)
      .count()) > 0
  );
}

/** Removes the demo school, class, students and their evidence (as tombstones, so it syncs). */
export async function removeDemoData(store: Store): Promise<number> {
  const writes: FieldWrite[] = [];
  for (const name of SYNCED_TABLES) {
    const rows = (await syncedTable(store.db, name)?.where('id').startsWith(DEMO_PREFIX).toArray()) ?? [];
    for (const row of rows) {
      if (!row['deleted']) writes.push({ table: name, recordId: String(row['id']), fields: { [DELETED_FIELD]: true } });
    }
  }
  await writeMany(store.db, store.env, writes);
  const active = await getSetting<string>(store, ACTIVE_CLASS_KEY);
  if (active?.startsWith(DEMO_PREFIX)) await store.db.settings.delete(ACTIVE_CLASS_KEY);
  return writes.length;
}

/** Device setting: what the tablet removed when it first connected to a school server (for the message). */
export const DEMO_RETIRED_KEY = 'demoRetiredOnConnect';

export interface DemoRetired {
  /** The demo class's name, as the teacher saw it. */
  readonly className: string;
  readonly records: number;
}

/**
 * A tablet that connects to a school server works with the school's classes: the local demo class steps
 * aside. Its records (never sent to a server) are removed, so the server's classes are the only ones and one
 * of them is shown (the active class was the demo's, and goes with it), and the tablet keeps a note of it
 * to tell the teacher in plain words. Nothing happens on a tablet without demo data.
 */
export async function retireDemoOnConnect(store: Store): Promise<DemoRetired | null> {
  if (!(await hasDemoData(store))) return null;
  const demoClass = (await store.db.classes.where('id').startsWith(DEMO_PREFIX).toArray()).find((c) => !c.deleted);
  const records = await removeDemoData(store);
  const retired: DemoRetired = { className: demoClass?.name ?? '', records };
  await setSetting(store, DEMO_RETIRED_KEY, retired);
  return retired;
}

export async function getDemoRetired(store: Store): Promise<DemoRetired | null> {
  return (await getSetting<DemoRetired>(store, DEMO_RETIRED_KEY)) ?? null;
}

/**
 * Demo data stays on this device: it is never pushed to a server (a school server has its own demo
 * school). A change is local-only when it is about a demo record or a demo student.
 */
export async function isLocalOnlyChange(store: Store, change: OutboxRecord): Promise<boolean> {
  if (isLocalOnlyWrite(change.recordId, change.fields, undefined)) return true;
  if ('studentId' in change.fields || 'classId' in change.fields) return false;
  const record = await syncedTable(store.db, change.table)?.get(change.recordId);
  return isLocalOnlyWrite(change.recordId, change.fields, record);
}
