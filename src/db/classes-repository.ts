import { alive, aliveOne } from './live.ts';
import type { ClassRecord, SchoolRecord } from './records.ts';
import type { Store } from './store.ts';
import { getSetting } from './settings-repository.ts';

/** Device setting: the id of the class this device works with. */
export const ACTIVE_CLASS_KEY = 'activeClassId';

export async function listClasses(store: Store): Promise<ClassRecord[]> {
  return byName(alive(await store.db.classes.toArray()));
}

export async function getClass(store: Store, id: string): Promise<ClassRecord | undefined> {
  return aliveOne(await store.db.classes.get(id));
}

export async function getSchool(store: Store, id: string): Promise<SchoolRecord | undefined> {
  return aliveOne(await store.db.schools.get(id));
}

/** The class this device works with: the chosen one, else the first by name; null when there is none. */
export async function getActiveClass(store: Store): Promise<ClassRecord | null> {
  const chosen = await getSetting<string>(store, ACTIVE_CLASS_KEY);
  return chooseActiveClass(chosen, await store.db.classes.toArray());
}

/** The active class among rows already read: the chosen class if it is alive, else the first by name. */
export function chooseActiveClass(chosenId: string | undefined, classes: readonly ClassRecord[]): ClassRecord | null {
  const live = alive(classes);
  return live.find((c) => c.id === chosenId) ?? byName(live)[0] ?? null;
}

function byName(classes: ClassRecord[]): ClassRecord[] {
  return classes.sort((a, b) => a.name.localeCompare(b.name));
}
