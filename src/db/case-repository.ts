import type { Target } from '#protocol';
import { placeCaseImport, type PlacedCaseImport } from '#protocol/case-merge.ts';
import type { CaseImport } from '#protocol/case-package.ts';
import { listFrameworks } from './desk-repository.ts';
import { listTargets } from './frameworks-repository.ts';
import type { Store } from './store.ts';
import { writeMany, type FieldWrite } from './write-funnel.ts';

/** Fields a teacher edits after import (kid statement, icon, items, rule): a re-import leaves them alone. */
const FROM_THE_PACKAGE = [
  'frameworkId',
  'code',
  'sequence',
  'strand',
  'teacherStatement',
  'prerequisites',
  'caseIdentifier',
] as const;

/**
 * The package placed onto this device's frameworks: one whose CASE document is already here (the built-in
 * literacy framework exported and imported again, a newer version of an imported one) updates it.
 */
export async function prepareCaseImport(store: Store, imported: CaseImport): Promise<PlacedCaseImport> {
  return placeCaseImport(imported, await listFrameworks(store), await listTargets(store));
}

/**
 * Saves an imported CASE framework in one transaction; importing a newer version updates in place. Give it
 * the package as `prepareCaseImport` placed it, so an update keeps the framework's and targets' ids.
 */
export async function saveCaseImport(store: Store, imported: CaseImport): Promise<void> {
  const existing = new Set(
    (await store.db.targets.bulkGet(imported.targets.map((t) => t.id))).flatMap((row) => (row ? [row.id] : [])),
  );
  const writes: FieldWrite[] = [
    { table: 'frameworks', recordId: imported.framework.id, fields: { ...imported.framework } },
    ...imported.targets.map((target): FieldWrite => ({
      table: 'targets',
      recordId: target.id,
      fields: existing.has(target.id) ? pick(target, FROM_THE_PACKAGE) : { ...target },
    })),
  ];
  await writeMany(store.db, store.env, writes);
}

export async function listFrameworkTargets(store: Store, frameworkId: string): Promise<Target[]> {
  return (await listTargets(store)).filter((t) => t.frameworkId === frameworkId);
}

function pick(target: Target, fields: readonly (keyof Target)[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => target[f] !== undefined).map((f) => [f, target[f]]));
}
