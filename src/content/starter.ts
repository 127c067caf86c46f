/**
 * The starter frameworks as records: the same on every device and in every school. Devices load them on
 * first run and the server writes them into each new school, both under STARTER_HLC, so no device ever
 * pushes them and the 30th tablet of a school pulls nothing twice.
 */
import type { SyncedTable } from '#protocol';
import { literacyFramework, selFramework, type StarterFramework } from './frameworks.ts';

export interface StarterRecord {
  readonly table: Extract<SyncedTable, 'frameworks' | 'targets' | 'itemSets'>;
  readonly recordId: string;
  /** Every field of the record, `id` included (as a device stores it). */
  readonly fields: Readonly<Record<string, unknown>>;
}

export function starterRecords(): StarterRecord[] {
  return [literacyFramework, selFramework].flatMap(frameworkRecords);
}

function frameworkRecords(content: StarterFramework): StarterRecord[] {
  return [
    { table: 'frameworks', recordId: content.framework.id, fields: { ...content.framework } },
    ...content.targets.map((t): StarterRecord => ({ table: 'targets', recordId: t.id, fields: { ...t } })),
    ...content.itemSets.map((s): StarterRecord => ({ table: 'itemSets', recordId: s.id, fields: { ...s } })),
  ];
}
