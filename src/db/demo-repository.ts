import { DELETED_FIELD, SYNCED_TABLES } from '#protocol';
import { syncedTable } from './database.ts';
import type { OutboxRecord } from './records.ts';
import { frameworkWrites } from './frameworks-repository.ts';
import { ACTIVE_CLASS_KEY } from './classes-repository.ts';
import { getSetting, setSetting } from './settings-repository.ts';
import { nowIso, type Store } from './store.ts';
import { writeMany, type FieldWrite } from './write-funnel.ts';

const SEEDED_KEY = 'starterContentLoaded';
export const DEMO_PREFIX = 'demo-';

/**
 * First run: the starter frameworks (literacy and social-emotional) and a demo class with a few weeks
 * of evidence, so a new user sees a working classroom. Runs once per device.
 */
export async function seedFirstRun(store: Store): Promise<void> {
  if (await getSetting(store, SEEDED_KEY)) return;
  // Loaded only on first run: the starter content is most of the app's weight and is needed once.
  const { buildDemoClass, literacyFramework, selFramework } = await import('#content/index.ts');
  const demo = buildDemoClass({ now: nowIso(store) });
  const writes: FieldWrite[] = [
    ...frameworkWrites(literacyFramework),
    ...frameworkWrites(selFramework),
    { table: 'schools', recordId: demo.school.id, fields: { ...demo.school } },
    { table: 'teachers', recordId: demo.teacher.id, fields: { ...demo.teacher } },
    { table: 'classes', recordId: demo.classGroup.id, fields: { ...demo.classGroup } },
    ...demo.students.map((s): FieldWrite => ({ table: 'students', recordId: s.id, fields: { ...s } })),
    ...demo.paths.map((p): FieldWrite => ({ table: 'paths', recordId: p.id, fields: { ...p } })),
    ...demo.evidence.map((e): FieldWrite => ({ table: 'evidence', recordId: e.id, fields: { ...e } })),
    ...demo.decisions.map((d): FieldWrite => ({ table: 'decisions', recordId: d.id, fields: { ...d } })),
  ];
  await writeMany(store.db, store.env, writes);
  await setSetting(store, SEEDED_KEY, true);
  if (!(await getSetting(store, ACTIVE_CLASS_KEY))) await setSetting(store, ACTIVE_CLASS_KEY, demo.classGroup.id);
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
  if (change.recordId.startsWith(DEMO_PREFIX)) return true;
  const owner = change.fields['studentId'] ?? change.fields['classId'];
  if (typeof owner === 'string') return owner.startsWith(DEMO_PREFIX);
  const record = await syncedTable(store.db, change.table)?.get(change.recordId);
  const recordOwner = record?.['studentId'] ?? record?.['classId'];
  return typeof recordOwner === 'string' && recordOwner.startsWith(DEMO_PREFIX);
}
