/**
 * Fills the server's demo school with the same starter frameworks and demo class a device loads on first
 * run, under the server's own ids: the device's demo stays on the device, and the server's demo class is
 * what enrolled tablets share.
 */
import { randomUUID } from 'node:crypto';
import type { Change, SyncedTable } from '#protocol';
import {
  buildDemoClass,
  literacyFramework,
  selFramework,
  type DemoClass,
  type StarterFramework,
} from '#content/index.ts';

type Write = Omit<Change, 'changeId' | 'hlc'>;

export function demoClassWrites(ids: { schoolId: string; teacherId: string; classId: string }, now: string): Write[] {
  const demo = rekey(buildDemoClass({ now }), ids);
  const records = (table: SyncedTable, rows: readonly { id: string }[]): Write[] =>
    rows.map((row) => ({ table, recordId: row.id, fields: withoutId(row) }));
  return [
    ...frameworkWrites(literacyFramework),
    ...frameworkWrites(selFramework),
    {
      table: 'classes',
      recordId: ids.classId,
      fields: { templateTargetIds: demo.classGroup.templateTargetIds },
    },
    ...records('students', demo.students),
    ...records('paths', demo.paths),
    ...records('evidence', demo.evidence),
    ...records('decisions', demo.decisions),
  ];
}

function frameworkWrites(content: StarterFramework): Write[] {
  return [
    { table: 'frameworks', recordId: content.framework.id, fields: withoutId(content.framework) },
    ...content.targets.map((t): Write => ({ table: 'targets', recordId: t.id, fields: withoutId(t) })),
    ...content.itemSets.map((s): Write => ({ table: 'itemSets', recordId: s.id, fields: withoutId(s) })),
  ];
}

/** Replaces every demo id (and every reference to it) with the server's ids or fresh UUIDs. */
function rekey(demo: DemoClass, ids: { schoolId: string; teacherId: string; classId: string }): DemoClass {
  const map = new Map<string, string>([
    [demo.school.id, ids.schoolId],
    [demo.teacher.id, ids.teacherId],
    [demo.classGroup.id, ids.classId],
  ]);
  const json = JSON.stringify(demo).replace(/"(demo-[a-z]+-\d+)"/g, (_whole, id: string) => {
    if (!map.has(id)) map.set(id, randomUUID());
    return JSON.stringify(map.get(id));
  });
  return JSON.parse(json) as DemoClass;
}

function withoutId<T extends { id: string }>(row: T): Record<string, unknown> {
  const { id: _id, ...fields } = row;
  return fields;
}
