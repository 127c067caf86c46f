/**
 * OneRoster 1.2 Gradebook CSV: a class's results on its learning targets, for a school's gradebook or
 * student information system. Pure: the caller gathers statuses and scores from the rules; this file only
 * writes the files (column names and order from the 1EdTech OneRoster 1.2 CSV binding).
 *
 * The set is a delta package (status `active`, `dateLastModified` = the export time): it adds or updates
 * line items and results in a system that already holds the roster (classes, students, terms).
 */
import { toCsv } from './csv.ts';
import { stableUuid } from './case-package.ts';
import { rosterUserOf } from './oneroster.ts';

/** Our status for one student on one target (a skipped target is exempt). */
export type GradebookStatus = 'notStarted' | 'inProgress' | 'mastered' | 'skipped';

export interface GradebookCategory {
  /** Our key (a framework id); the sourcedId is derived from it. */
  readonly key: string;
  readonly title: string;
}

export interface GradebookLineItem {
  readonly targetId: string;
  readonly title: string;
  readonly description: string;
  readonly categoryKey: string;
  /** YYYY-MM-DD */
  readonly assignDate: string;
  /** YYYY-MM-DD */
  readonly dueDate: string;
  readonly resultValueMin: number;
  readonly resultValueMax: number;
  /** The CASE CFItem identifier, when the target came from a CASE package. */
  readonly caseIdentifier?: string;
}

export interface GradebookResult {
  readonly targetId: string;
  readonly studentId: string;
  readonly status: GradebookStatus;
  /** The rules' score on the mastery scale; null when the rule gives none (mOfN, inARow, item rules). */
  readonly score: number | null;
  /** YYYY-MM-DD */
  readonly scoreDate: string;
  /** The status as a word for people reading the gradebook. */
  readonly textScore: string;
  /** Why: the rules' explanation sentence. */
  readonly comment: string;
}

export interface GradebookInput {
  /** ISO 8601 instant; every row's dateLastModified. */
  readonly exportedAt: string;
  /** Our record ids; records imported from OneRoster give back their own sourcedIds. */
  readonly classId: string;
  readonly schoolId: string;
  /** The term in the receiving system (Waypoint has no terms). */
  readonly academicSessionSourcedId: string;
  readonly categories: readonly GradebookCategory[];
  readonly lineItems: readonly GradebookLineItem[];
  readonly results: readonly GradebookResult[];
}

export interface CsvFile {
  readonly name: string;
  readonly text: string;
}

export const CATEGORY_COLUMNS = ['sourcedId', 'status', 'dateLastModified', 'title', 'weight'] as const;
export const LINE_ITEM_COLUMNS = [
  'sourcedId',
  'status',
  'dateLastModified',
  'title',
  'description',
  'assignDate',
  'dueDate',
  'classSourcedId',
  'categorySourcedId',
  'academicSessionSourcedId',
  'resultValueMin',
  'resultValueMax',
  'schoolSourcedId',
] as const;
export const LINE_ITEM_OBJECTIVE_COLUMNS = [
  'sourcedId',
  'status',
  'dateLastModified',
  'lineItemSourcedId',
  'source',
  'learningObjectiveId',
] as const;
export const RESULT_COLUMNS = [
  'sourcedId',
  'status',
  'dateLastModified',
  'lineItemSourcedId',
  'studentSourcedId',
  'scoreStatus',
  'score',
  'scoreDate',
  'comment',
  'textScore',
  'classSourcedId',
  'inProgress',
  'incomplete',
  'late',
  'missing',
] as const;

/** Every data file a 1.2 manifest names, in the order the binding lists them. */
const MANIFEST_FILES = [
  'academicSessions',
  'categories',
  'classResources',
  'classes',
  'courseResources',
  'courses',
  'demographics',
  'enrollments',
  'lineItemLearningObjectiveIds',
  'lineItemScoreScales',
  'lineItems',
  'orgs',
  'resources',
  'resultLearningObjectiveIds',
  'resultScoreScales',
  'results',
  'roles',
  'scoreScales',
  'userProfiles',
  'userResources',
  'users',
] as const;

const SCORE_STATUS: Readonly<Record<GradebookStatus, string>> = {
  mastered: 'fully graded',
  inProgress: 'partially graded',
  notStarted: 'not submitted',
  skipped: 'exempt',
};

/**
 * The sourcedId of one of our records: a record imported from OneRoster gets its own sourcedId back (a
 * child's record in a second class, that child's user sourcedId), so the receiving system recognises its
 * students and classes; any other id is kept, with ':' (not allowed in a OneRoster GUID) written as '@'
 * (never in our ids, so two ids never meet).
 */
export function recordSourcedId(id: string): string {
  return rosterUserOf(id) ?? id.replace(/:/g, '@');
}

/** Stable ids for what only the export creates: the same class and target give the same line item. */
export const gradebookIds = {
  category: (key: string) => stableUuid(`oneroster-category:${key}`),
  lineItem: (classId: string, targetId: string) => stableUuid(`oneroster-lineItem:${classId}:${targetId}`),
  lineItemObjective: (classId: string, targetId: string) =>
    stableUuid(`oneroster-lineItemObjective:${classId}:${targetId}`),
  result: (classId: string, targetId: string, studentId: string) =>
    stableUuid(`oneroster-result:${classId}:${targetId}:${studentId}`),
};

/** The files of the package: manifest, categories, line items, their CASE objectives (if any), results. */
export function buildOneRosterResults(input: GradebookInput): CsvFile[] {
  const modified = new Date(input.exportedAt).toISOString();
  const classSourcedId = recordSourcedId(input.classId);
  const lineItemId = (targetId: string) => gradebookIds.lineItem(input.classId, targetId);
  const number = (value: number) => String(value);

  const categories = input.categories.map((c) => [gradebookIds.category(c.key), 'active', modified, c.title, '']);
  const lineItems = input.lineItems.map((li) => [
    lineItemId(li.targetId),
    'active',
    modified,
    li.title,
    li.description,
    li.assignDate,
    li.dueDate,
    classSourcedId,
    gradebookIds.category(li.categoryKey),
    input.academicSessionSourcedId,
    number(li.resultValueMin),
    number(li.resultValueMax),
    recordSourcedId(input.schoolId),
  ]);
  const objectives = input.lineItems.flatMap((li) =>
    li.caseIdentifier
      ? [
          [
            gradebookIds.lineItemObjective(input.classId, li.targetId),
            'active',
            modified,
            lineItemId(li.targetId),
            'case',
            li.caseIdentifier,
          ],
        ]
      : [],
  );
  const results = input.results.map((r) => [
    gradebookIds.result(input.classId, r.targetId, r.studentId),
    'active',
    modified,
    lineItemId(r.targetId),
    recordSourcedId(r.studentId),
    SCORE_STATUS[r.status],
    r.score === null ? '' : number(r.score),
    r.scoreDate,
    r.comment,
    r.textScore,
    classSourcedId,
    r.status === 'inProgress' ? 'true' : 'false',
    '',
    '',
    '',
  ]);

  const present = new Set<string>(['categories', 'lineItems', 'results']);
  if (objectives.length > 0) present.add('lineItemLearningObjectiveIds');
  const manifest = [
    ['propertyName', 'value'],
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
    ...MANIFEST_FILES.map((file) => [`file.${file}`, present.has(file) ? 'delta' : 'absent']),
    ['source.systemName', 'Waypoint'],
    ['source.systemCode', 'waypoint'],
  ];
  const csv = (header: readonly string[], rows: readonly (readonly string[])[]) =>
    toCsv([header, ...rows], { defuse: false });
  return [
    { name: 'manifest.csv', text: csv(manifest[0]!, manifest.slice(1)) },
    { name: 'categories.csv', text: csv(CATEGORY_COLUMNS, categories) },
    { name: 'lineItems.csv', text: csv(LINE_ITEM_COLUMNS, lineItems) },
    ...(objectives.length > 0
      ? [{ name: 'lineItemLearningObjectiveIds.csv', text: csv(LINE_ITEM_OBJECTIVE_COLUMNS, objectives) }]
      : []),
    { name: 'results.csv', text: csv(RESULT_COLUMNS, results) },
  ];
}
