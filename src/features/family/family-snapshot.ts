import {
  DEFAULT_SCALE,
  isUsableRecord,
  type Decision,
  type Evidence,
  type FamilyViewResponse,
  type ItemSet,
  type MasteryScale,
  type Path,
  type RecordSnapshot,
  type Student,
  type Target,
} from '#protocol';
import type { FamilyReportSource } from './family-report-view.ts';

type Row = Readonly<Record<string, unknown>> & { readonly id: string };

const isArray = (value: unknown): value is readonly unknown[] => Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Records the server may hold half-written (a field not yet pushed), or malformed by an older server (see
 * record-shapes.ts), are left out rather than break the rules.
 */
const SHAPES = {
  targets: (r: Row) => isText(r['code']) && isObject(r['rule']) && isArray(r['prerequisites']),
  itemSets: (r: Row) => isArray(r['items']),
  evidence: (r: Row) => isUsableRecord('evidence', r),
  decisions: (r: Row) => isUsableRecord('decisions', r),
} as const;

/**
 * The server's read-only snapshot of one child (GET /family/:token) as the same source the teacher's
 * device hands the rules: live records only, targets in sequence order, the school's scale. Null when the
 * snapshot holds no such child.
 */
export function sourceFromSnapshot(view: FamilyViewResponse): FamilyReportSource | null {
  const live = view.records.filter((r) => r.fields['deleted'] !== true);
  const rows = (table: string): Row[] =>
    live.filter((r: RecordSnapshot) => r.table === table).map((r) => ({ ...r.fields, id: r.recordId }));
  const ofChild = (r: Row) => r['studentId'] === view.studentId;

  const student = rows('students').find((r) => r.id === view.studentId);
  if (!student || !isText(student['displayName'])) return null;
  const school = rows('schools').find((r) => isObject(r['scale']));
  const path = rows('paths').find((r) => r.id === view.studentId && isArray(r['entries']));

  const evidence = rows('evidence').filter((r) => ofChild(r) && SHAPES.evidence(r)) as unknown as Evidence[];
  return {
    student: {
      displayName: student['displayName'],
      familyLanguage: isText(student['familyLanguage']) ? student['familyLanguage'] : 'en',
    } satisfies Pick<Student, 'displayName' | 'familyLanguage'>,
    path: path as Path | undefined,
    targets: (rows('targets').filter(SHAPES.targets) as unknown as Target[]).sort(
      (a, b) => (a.sequence ?? 0) - (b.sequence ?? 0),
    ),
    itemSets: rows('itemSets').filter(SHAPES.itemSets) as unknown as ItemSet[],
    evidence,
    work: evidence,
    decisions: rows('decisions').filter((r) => ofChild(r) && SHAPES.decisions(r)) as unknown as Decision[],
    scale: (school?.['scale'] as MasteryScale | undefined) ?? DEFAULT_SCALE,
  };
}
