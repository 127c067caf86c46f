import type { Framework, ItemSet, Target } from '#protocol';
import { alive } from './live.ts';
import type { ItemSetRecord, TargetRecord } from './records.ts';
import type { Store } from './store.ts';
import { writeMany, type FieldWrite } from './write-funnel.ts';

export interface FrameworkContent {
  readonly framework: Framework;
  readonly targets: readonly Target[];
  readonly itemSets: readonly ItemSet[];
}

export async function listTargets(store: Store): Promise<TargetRecord[]> {
  return alive(await store.db.targets.toArray()).sort((a, b) => a.sequence - b.sequence);
}

export async function listItemSets(store: Store): Promise<ItemSetRecord[]> {
  return alive(await store.db.itemSets.toArray());
}

/** Saves a framework with its targets and item sets in one transaction. */
export async function saveFramework(store: Store, content: FrameworkContent): Promise<void> {
  await writeMany(store.db, store.env, frameworkWrites(content));
}

export function frameworkWrites(content: FrameworkContent): FieldWrite[] {
  return [
    { table: 'frameworks', recordId: content.framework.id, fields: { ...content.framework } },
    ...content.targets.map((t): FieldWrite => ({ table: 'targets', recordId: t.id, fields: { ...t } })),
    ...content.itemSets.map((s): FieldWrite => ({ table: 'itemSets', recordId: s.id, fields: { ...s } })),
  ];
}
