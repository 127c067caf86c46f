/**
 * The one description of every synced table's domain fields: their types and ranges (docs/sync-protocol.md,
 * "Record fields"). The server refuses a change whose fields do not fit (`invalidField`); a device leaves out
 * of its screens a stored record that does not fit (one from an older server, or an older backup), so one
 * bad record never breaks a class's pages on every tablet. Typed against domain.ts (see field-rules.ts).
 *
 * Fields a table does not list are let be (a newer app may add some; MAX_RECORD_FIELDS bounds them). On the
 * wire, null clears an optional field and is refused for a required one.
 */
import type {
  Actor,
  ClassGroup,
  Decision,
  DecisionKind,
  Evidence,
  EvidenceKind,
  Framework,
  FrameworkKind,
  Item,
  ItemResult,
  ItemResultValue,
  ItemSet,
  MasteryLevel,
  MasteryRule,
  MasteryScale,
  Path,
  PathEntry,
  School,
  ScoreMethod,
  Student,
  Target,
  Teacher,
  Voiding,
} from './domain.ts';
import {
  calendarDate,
  custom,
  dateTime,
  finiteNumber,
  fitsField,
  flag,
  listOf,
  mapOf,
  nonEmptyText,
  objectOf,
  oneOf,
  optional,
  sha256Hex,
  text,
  wholeNumber,
  type AnyRule,
  type Shape,
} from './field-rules.ts';
import { APPEND_ONLY, DELETED_FIELD, SYNCED_TABLES, type SyncedTable } from './tables.ts';

/** Levels of a school's mastery scale (the default scale is 0–4). */
export const MAX_SCALE_LEVEL = 10;
/** A recording's length: a day is far beyond any the app makes. */
export const MAX_DURATION_MS = 86_400_000;

const level = wholeNumber(0, MAX_SCALE_LEVEL);

const actor = objectOf<Actor>('an actor {kind: teacher, student or family; id}', {
  kind: oneOf<Actor['kind']>({ teacher: true, student: true, family: true }),
  id: nonEmptyText,
});

const masteryScale = objectOf<MasteryScale>('a mastery scale {levels: [{value, label}], masteryLevel}', {
  levels: listOf(objectOf<MasteryLevel>('a level {value, label}', { value: level, label: text })),
  masteryLevel: level,
});

const isWhole = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isPercent = (v: unknown, min: number): boolean =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= 99;

/** The ranges the rules accept (src/rules/validate.ts, item-mastery.ts): a rule outside them stops evaluation. */
function isScoreMethod(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  const kinds: Record<ScoreMethod['kind'], () => boolean> = {
    decayingAverage: () => isPercent(m.weight, 1),
    exponentialDecay: () => isPercent(m.weight, 50),
    nTimes: () => isWhole(m.n, 1, 10),
    mOfN: () => isWhole(m.n, 1) && isWhole(m.m, 1) && (m.m as number) <= (m.n as number),
    inARow: () => isWhole(m.n, 1),
    mostRecent: () => true,
    highest: () => true,
    average: () => true,
  };
  return typeof m.kind === 'string' && Object.hasOwn(kinds, m.kind) && kinds[m.kind as ScoreMethod['kind']]();
}

const masteryRule = custom<MasteryRule>(
  'a mastery rule (score with a method in its range, allItemsOnDistinctDays with days, itemsInOneCheck with count)',
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const r = v as Record<string, unknown>;
    if (r.kind === 'score') return isScoreMethod(r.method);
    if (r.kind === 'allItemsOnDistinctDays') return isWhole(r.days, 1);
    return r.kind === 'itemsInOneCheck' && isWhole(r.count, 1);
  },
);

type Translation = NonNullable<Target['translations']>[string];
const translations = mapOf<Translation>(
  'statements by language {<tag>: {kidStatement?, teacherStatement?}}',
  objectOf<Translation>('a translation', { kidStatement: optional(text), teacherStatement: optional(text) }),
);

/** A table's fields other than `id` (the record id itself: when sent, it must equal the change's recordId). */
type TableShape<T> = Shape<Omit<T, 'id'>>;

const schools: TableShape<School> = { name: text, scale: masteryScale };

const teachers: TableShape<Teacher> = { schoolId: nonEmptyText, displayName: text };

const classes: TableShape<ClassGroup> = {
  schoolId: nonEmptyText,
  name: text,
  teacherIds: listOf(nonEmptyText),
  templateTargetIds: listOf(nonEmptyText),
  language: nonEmptyText,
  schoolYear: optional(text),
  closedAt: optional(dateTime),
  previousClassId: optional(nonEmptyText),
  nextClassId: optional(nonEmptyText),
};

const students: TableShape<Student> = {
  classId: nonEmptyText,
  displayName: text,
  picture: text,
  familyLanguage: nonEmptyText,
  archived: flag,
  personId: optional(nonEmptyText),
  birthDate: optional(calendarDate),
  sourcedId: optional(nonEmptyText),
};

const frameworks: TableShape<Framework> = {
  title: text,
  kind: oneOf<FrameworkKind>({ academic: true, socialEmotional: true }),
  version: text,
  notices: listOf(text),
  caseDocumentIdentifier: optional(text),
};

const targets: TableShape<Target> = {
  frameworkId: nonEmptyText,
  code: text,
  sequence: finiteNumber,
  strand: text,
  teacherStatement: text,
  kidStatement: text,
  icon: text,
  itemSetId: optional(nonEmptyText),
  itemIds: optional(listOf(nonEmptyText)),
  prerequisites: listOf(nonEmptyText),
  rule: masteryRule,
  caseIdentifier: optional(text),
  translations: optional(translations),
};

const itemSets: TableShape<ItemSet> = {
  frameworkId: nonEmptyText,
  title: text,
  items: listOf(
    objectOf<Item>('an item {id, label, prompt?}', { id: nonEmptyText, label: text, prompt: optional(text) }),
  ),
};

const paths: TableShape<Path> = {
  studentId: nonEmptyText,
  entries: listOf(
    objectOf<PathEntry>('a path entry {targetId, plannedDate?, skippedReason?, enrichment?}', {
      targetId: nonEmptyText,
      plannedDate: optional(calendarDate),
      skippedReason: optional(text),
      enrichment: optional(flag),
    }),
  ),
};

const evidence: TableShape<Evidence> = {
  studentId: nonEmptyText,
  targetIds: listOf(nonEmptyText),
  kind: oneOf<EvidenceKind>({
    observation: true,
    check: true,
    workSample: true,
    selfAssessment: true,
    conferenceNote: true,
  }),
  observedAt: dateTime,
  recordedAt: dateTime,
  recordedBy: actor,
  level: optional(level),
  note: optional(text),
  itemResults: optional(
    listOf(
      objectOf<ItemResult>('an item result {itemId, result: correct, notYet or skipped, note?}', {
        itemId: nonEmptyText,
        result: oneOf<ItemResultValue>({ correct: true, notYet: true, skipped: true }),
        note: optional(text),
      }),
    ),
  ),
  blobIds: optional(listOf(sha256Hex)),
  feeling: optional(oneOf<1 | 2 | 3>({ 1: true, 2: true, 3: true })),
  durationMs: optional(wholeNumber(0, MAX_DURATION_MS)),
  needsReview: optional(flag),
  reviewedAt: optional(dateTime),
  sharedWithFamily: optional(flag),
  voided: optional(objectOf<Voiding>('a voiding {reason, at, by}', { reason: text, at: dateTime, by: actor })),
};

const decisions: TableShape<Decision> = {
  studentId: nonEmptyText,
  targetId: nonEmptyText,
  kind: oneOf<DecisionKind>({ markMastered: true, reopen: true, setCurrent: true, chooseNext: true }),
  reason: optional(text),
  showHow: optional(text),
  decidedAt: dateTime,
  decidedBy: actor,
};

export const RECORD_SHAPES: { readonly [T in SyncedTable]: Readonly<Record<string, AnyRule>> } = {
  schools,
  teachers,
  classes,
  students,
  frameworks,
  targets,
  itemSets,
  paths,
  evidence,
  decisions,
};

/**
 * Tables whose new records must carry every required field in their first change: the append-only ones,
 * whose fields are all set at creation and never after. A mutable record may be built field by field (each
 * field merges on its own), so only the fields it sends are checked.
 */
export const COMPLETE_ON_CREATE: readonly SyncedTable[] = Object.keys(APPEND_ONLY) as SyncedTable[];

interface FieldEntry {
  readonly name: string;
  readonly rule: AnyRule;
  /** A record of this table must have it (append-only tables' required fields). */
  readonly required: boolean;
}

/** A table's fields as a list: walked for every record, so made once. */
function fieldList(table: SyncedTable): readonly FieldEntry[] {
  const whole = COMPLETE_ON_CREATE.includes(table);
  return Object.entries(RECORD_SHAPES[table]).map(([name, rule]) => ({
    name,
    rule,
    required: whole && rule.optional !== true,
  }));
}

const FIELD_LISTS = new Map(SYNCED_TABLES.map((table) => [table, fieldList(table)]));

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}

/**
 * Why a change's fields do not fit their table (naming the field, what it must be and what it got), or null.
 * `creates`: the record is new where this is checked, so an append-only table's required fields must be there.
 */
export function fieldProblem(
  table: SyncedTable,
  recordId: string,
  fields: Readonly<Record<string, unknown>>,
  creates: boolean,
): string | null {
  const shape = RECORD_SHAPES[table];
  for (const name in fields) {
    const value = fields[name];
    if (name === 'id') {
      if (value !== recordId)
        return `${table}.id must be the record’s id ${describe(recordId)}, got ${describe(value)}`;
      continue;
    }
    if (name === DELETED_FIELD) {
      if (typeof value !== 'boolean') return `${table}.${DELETED_FIELD} must be true or false, got ${describe(value)}`;
      continue;
    }
    const r = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (r !== undefined && !fitsField(r, value, true)) {
      return `${table}.${name} must be ${r.expect}${value === null ? ' (it is required)' : ''}, got ${describe(value)}`;
    }
  }
  if (creates) {
    for (const f of FIELD_LISTS.get(table) ?? []) {
      if (f.required && fields[f.name] === undefined)
        return `a new ${table} record must set ${table}.${f.name} (${f.rule.expect})`;
    }
  }
  return null;
}

/**
 * Whether a stored row (domain fields plus a device's sync metadata) is whole enough for the screens and the
 * rules: every field it has fits, and an append-only record has every required field.
 */
export function isUsableRecord(table: SyncedTable, record: object): boolean {
  const row = record as Readonly<Record<string, unknown>>;
  for (const f of FIELD_LISTS.get(table) ?? []) {
    const value = row[f.name];
    if (value === undefined ? f.required : !fitsField(f.rule, value, true)) return false;
  }
  return true;
}
