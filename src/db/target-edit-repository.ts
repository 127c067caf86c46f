import type { Item, Target } from '#protocol';
import { aliveOne } from './live.ts';
import { newId, type Store } from './store.ts';
import { writeMany, type FieldWrite } from './write-funnel.ts';

/** The target fields a teacher edits; only the ones given are written, so other edits to the target keep. */
export type TargetChanges = Partial<
  Pick<Target, 'kidStatement' | 'teacherStatement' | 'icon' | 'itemIds' | 'rule' | 'translations'>
>;

/** New items of the target's item set; without an id a new set is made for the target. */
export interface ItemSetChange {
  readonly id?: string;
  readonly title: string;
  readonly items: readonly Item[];
}

export class TargetEditError extends Error {
  override name = 'TargetEditError';
}

/**
 * Saves a teacher's edit of one target (and its item set) in one transaction through the write funnel.
 * The caller has validated the rule with src/rules; this refuses only a target that is not on the device.
 */
export async function saveTargetEdit(
  store: Store,
  targetId: string,
  changes: TargetChanges,
  itemSet?: ItemSetChange,
): Promise<void> {
  const target = aliveOne(await store.db.targets.get(targetId));
  if (!target) throw new TargetEditError(`There is no target "${targetId}" on this device.`);
  const writes: FieldWrite[] = [];
  let fields: Record<string, unknown> = { ...changes };
  if (itemSet) {
    const setId = itemSet.id ?? newId(store);
    const existing = itemSet.id ? aliveOne(await store.db.itemSets.get(itemSet.id)) : undefined;
    writes.push({
      table: 'itemSets',
      recordId: setId,
      fields: existing
        ? { items: itemSet.items }
        : { id: setId, frameworkId: target.frameworkId, title: itemSet.title, items: itemSet.items },
    });
    if (target.itemSetId !== setId) fields = { ...fields, itemSetId: setId };
  }
  if (Object.keys(fields).length > 0) writes.unshift({ table: 'targets', recordId: targetId, fields });
  await writeMany(store.db, store.env, writes);
}
