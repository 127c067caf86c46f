/**
 * Fills the server's demo school with the same demo class a device loads on first run, under the server's
 * own ids: the device's demo stays on the device, and the server's demo class is what enrolled tablets
 * share. The starter frameworks it uses come from seed-starter.ts, as in every school.
 */
import { createHash } from 'node:crypto';
import type { Change, SyncedTable } from '#protocol';
import { buildDemoClass, type DemoClass } from '#content/index.ts';

type Write = Omit<Change, 'hlc'>;

export function demoClassWrites(ids: { schoolId: string; teacherId: string; classId: string }, now: string): Write[] {
  const demo = rekey(buildDemoClass({ now }), ids);
  const records = (table: SyncedTable, rows: readonly { id: string }[]): Write[] =>
    rows.map((row) => ({ table, recordId: row.id, fields: withoutId(row), changeId: `seed-demo-${table}-${row.id}` }));
  return [
    {
      table: 'classes',
      recordId: ids.classId,
      fields: { templateTargetIds: demo.classGroup.templateTargetIds },
      changeId: 'seed-demo-class-template',
    },
    ...records('students', demo.students),
    ...records('paths', demo.paths),
    ...records('evidence', demo.evidence),
    ...records('decisions', demo.decisions),
  ];
}

/**
 * Replaces every demo id (and every reference to it) with the server's ids or ids derived from it, so two
 * server processes seeding one database at once write the same records under the same change ids.
 */
function rekey(demo: DemoClass, ids: { schoolId: string; teacherId: string; classId: string }): DemoClass {
  const map = new Map<string, string>([
    [demo.school.id, ids.schoolId],
    [demo.teacher.id, ids.teacherId],
    [demo.classGroup.id, ids.classId],
  ]);
  const json = JSON.stringify(demo).replace(/"(demo-[a-z]+-\d+)"/g, (_whole, id: string) => {
    if (!map.has(id)) map.set(id, derivedUuid(id));
    return JSON.stringify(map.get(id));
  });
  return JSON.parse(json) as DemoClass;
}

function withoutId<T extends { id: string }>(row: T): Record<string, unknown> {
  const { id: _id, ...fields } = row;
  return fields;
}

function derivedUuid(name: string): string {
  const hex = createHash('sha256').update(`waypoint-server-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
