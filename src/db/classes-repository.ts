import { alive, aliveOne } from './live.ts';
import type { ClassRecord, SchoolRecord } from './records.ts';
import type { Store } from './store.ts';

export async function listClasses(store: Store): Promise<ClassRecord[]> {
  return alive(await store.db.classes.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

export async function getClass(store: Store, id: string): Promise<ClassRecord | undefined> {
  return aliveOne(await store.db.classes.get(id));
}

export async function getSchool(store: Store, id: string): Promise<SchoolRecord | undefined> {
  return aliveOne(await store.db.schools.get(id));
}
