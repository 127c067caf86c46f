/**
 * The year class as a tablet holds it once everything is pulled: every record with its fields merged last
 * writer wins per field (as src/db/merge-remote.ts and the server merge them) and its stamp per field.
 */
import { literacyFramework, selFramework } from '#content/index.ts';
import {
  DEFAULT_SCALE,
  type Change,
  type Decision,
  type Evidence,
  type ItemSet,
  type Path,
  type SyncedTable,
  type Target,
} from '#protocol';
import type { ProgressSource } from '#ui/progress-input.ts';
import type { YearClass } from './generate-year.ts';

export type YearRow = Record<string, unknown> & { readonly id: string; readonly _hlc: Record<string, string> };

export function yearChanges(year: YearClass): Change[] {
  return year.rounds.flatMap((round) => round.changes);
}

/** Rows by table, as `applyRemoteChanges` would leave them on a fresh tablet. */
export function yearRows(year: YearClass): Map<SyncedTable, Map<string, YearRow>> {
  const tables = new Map<SyncedTable, Map<string, YearRow>>();
  for (const change of yearChanges(year)) {
    let rows = tables.get(change.table);
    if (!rows) tables.set(change.table, (rows = new Map()));
    const row = rows.get(change.recordId) ?? ({ id: change.recordId, _hlc: {} } as YearRow);
    for (const [field, value] of Object.entries(change.fields)) {
      const stamp = row._hlc[field];
      if (stamp !== undefined && stamp >= change.hlc) continue;
      row[field] = value;
      row._hlc[field] = change.hlc;
    }
    rows.set(change.recordId, row);
  }
  return tables;
}

/**
 * What the rules get for each child on the class list at the end of the year, the way the app's screens
 * build it (src/ui/progress-input.ts): the starter content every tablet holds with the year's edits merged
 * in, and the child's live path, evidence and decisions.
 */
export function yearProgressSources(year: YearClass): (ProgressSource & { readonly studentId: string })[] {
  const rows = yearRows(year);
  const starterTargets = [...literacyFramework.targets, ...selFramework.targets];
  const targets = new Map<string, Target>(starterTargets.map((t) => [t.id, t]));
  for (const row of rows.get('targets')?.values() ?? [])
    targets.set(row.id, { ...targets.get(row.id), ...strip(row) } as Target);
  const itemSets = [...literacyFramework.itemSets, ...selFramework.itemSets] as ItemSet[];
  for (const row of rows.get('itemSets')?.values() ?? []) itemSets.push(strip(row) as unknown as ItemSet);
  const alive = (table: SyncedTable) => [...(rows.get(table)?.values() ?? [])].filter((r) => r['deleted'] !== true);
  const sortedTargets = [...targets.values()].sort((a, b) => a.sequence - b.sequence);
  return year.listedStudentIds.map((studentId) => ({
    studentId,
    path: rows.get('paths')?.get(studentId) as unknown as Path | undefined,
    targets: sortedTargets,
    itemSets,
    evidence: alive('evidence').filter((e) => e['studentId'] === studentId) as unknown as Evidence[],
    decisions: alive('decisions').filter((d) => d['studentId'] === studentId) as unknown as Decision[],
    scale: DEFAULT_SCALE,
  }));
}

function strip(row: YearRow): Record<string, unknown> {
  const { _hlc: _stamps, ...fields } = row;
  return fields;
}
