import { DEFAULT_SCALE } from '#protocol';
import { bulkRead, keyRuns, type BulkRead } from './bulk-read.ts';
import { ACTIVE_CLASS_KEY, chooseActiveClass } from './classes-repository.ts';
import type { StudentEvidenceRow } from './evidence-facts.ts';
import { alive, aliveOne } from './live.ts';
import type { StudentProgressData } from './progress-data.ts';
import type {
  ClassRecord,
  DecisionRecord,
  FrameworkRecord,
  ItemSetRecord,
  PathRecord,
  SchoolRecord,
  SettingRecord,
  StudentRecord,
  TargetRecord,
} from './records.ts';
import type { Store } from './store.ts';
import { NO_VERSIONS, VERSIONS_KEY, type ProgressVersions } from './summaries-middleware.ts';

/**
 * The class views (the class list, the overview) need each child's rules result, not their year of
 * evidence. So each child's summary (what those views show of the rules' result, made by the caller from
 * `evaluateStudent`: src/db never runs the rules) is cached on the device in `progressCache`, with what it
 * was made from: the rules' input versions (summaries-middleware.ts: moved on by every write to the child's
 * records or to the content), and the caller's key (the rules' version, the summary's shape, the day: the
 * rules' answer changes with the date). A summary whose versions or key differ is made again, from the
 * child's evidence facts, and cached for the next read. Reading the class is then a handful of requests
 * and no rules at all, however long the year.
 */
export interface ProgressCacheRow {
  readonly studentId: string;
  readonly key: string;
  readonly student: number;
  readonly content: number;
  readonly summary: unknown;
}

export interface SummaryMaker<S> {
  /** What the summary depends on besides the records, e.g. `${RULES_VERSION}/1/${day}`. */
  readonly key: string;
  /** Must be pure: the same data and key always give the same summary. */
  summarize(data: StudentProgressData): S;
}

export interface ClassProgress<S> {
  /** The device's active class (as getActiveClass chooses it); null when there is none. */
  readonly group: ClassRecord | null;
  /** Every class on the device, by name. */
  readonly classes: readonly ClassRecord[];
  readonly frameworks: readonly FrameworkRecord[];
  /** Every live target, by sequence. */
  readonly targets: readonly TargetRecord[];
  /** One per child on the class list (archived children left out), by name. */
  readonly rows: readonly { readonly student: StudentRecord; readonly summary: S }[];
  /** How many summaries this read made (the rest came from the cache). */
  readonly made: number;
}

/** The tables whose writes change what a class view shows (the versions live in `settings`). */
export const CLASS_PROGRESS_TABLES = ['settings', 'classes', 'students', 'frameworks', 'targets'] as const;

const READ_TABLES = [
  ...CLASS_PROGRESS_TABLES,
  'itemSets',
  'schools',
  'paths',
  'decisions',
  'studentEvidence',
  'progressCache',
] as const;

/** The active class with each listed child's summary, from the cache where it is current. */
export async function readClassProgress<S>(store: Store, maker: SummaryMaker<S>): Promise<ClassProgress<S>> {
  const read = await bulkRead(store, READ_TABLES, async (tx) => {
    const first = Promise.all([
      tx.get<SettingRecord>('settings', ACTIVE_CLASS_KEY),
      tx.get<SettingRecord>('settings', VERSIONS_KEY),
      tx.getAll<ClassRecord>('classes'),
      tx.getAll<StudentRecord>('students'),
      tx.getAll<ProgressCacheRow>('progressCache'),
    ]);
    const shared = Promise.all([tx.getAll<TargetRecord>('targets'), tx.getAll<FrameworkRecord>('frameworks')]);
    const [active, versionsRow, classes, students, cache] = await first;
    const group = chooseActiveClass(active?.value as string | undefined, classes);
    const versions = (versionsRow?.value as ProgressVersions | undefined) ?? NO_VERSIONS;
    const listed = group ? classList(students, group.id) : [];
    const cached = new Map(cache.map((row) => [row.studentId, row]));
    const current = (student: StudentRecord) => currentSummary(cached.get(student.id), maker.key, versions);
    const stale = listed.filter((student) => !current(student));
    const inputs = group && stale.length > 0 ? await readInputs(tx, group, stale, students, shared) : [];
    const [targets, frameworks] = await shared;
    return { group, classes, listed, versions, current, inputs, targets, frameworks };
  });
  // The rules run after the transaction: it must not wait on them.
  const made = new Map(read.inputs.map((data) => [data.student.id, maker.summarize(data)]));
  if (made.size > 0) saveLater(store, maker.key, read.versions, made);
  return {
    group: read.group,
    classes: alive(read.classes).sort((a, b) => a.name.localeCompare(b.name)),
    frameworks: alive(read.frameworks).sort((a, b) => a.title.localeCompare(b.title)),
    targets: alive(read.targets).sort((a, b) => a.sequence - b.sequence),
    rows: read.listed.map((student) => ({
      student,
      summary: (made.has(student.id) ? made.get(student.id) : read.current(student)!.summary) as S,
    })),
    made: made.size,
  };
}

/** The cached row when it was made from these versions with this key (else undefined: make it again). */
export function currentSummary(
  row: ProgressCacheRow | undefined,
  key: string,
  versions: ProgressVersions,
): ProgressCacheRow | undefined {
  const isCurrent =
    row?.key === key && row.content === versions.content && row.student === (versions.students[row.studentId] ?? 0);
  return isCurrent ? row : undefined;
}

/** The children on a class list: live, in the class, not archived, by name (as listStudents gives them). */
function classList(students: readonly StudentRecord[], classId: string): StudentRecord[] {
  return alive(students)
    .filter((s) => s.classId === classId && !s.archived)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The rules' inputs of some of a class's children, read by key ranges (see keyRuns) in the same transaction. */
async function readInputs(
  tx: BulkRead,
  group: ClassRecord,
  wanted: readonly StudentRecord[],
  students: readonly StudentRecord[],
  shared: Promise<[TargetRecord[], FrameworkRecord[]]>,
): Promise<StudentProgressData[]> {
  const ids = new Set(wanted.map((s) => s.id));
  const runs = keyRuns(
    ids,
    students.map((s) => s.id),
  );
  // A range may also hold rows of a student the device does not know: only the wanted ones are kept.
  const between = <T>(table: string, index: string | null, key: (row: T) => string) =>
    Promise.all(runs.map(([first, last]) => tx.getAllBetween<T>(table, index, first, last))).then((r) =>
      r.flat().filter((row) => ids.has(key(row))),
    );
  const [facts, paths, decisions, itemSets, schools, [targets]] = await Promise.all([
    between<StudentEvidenceRow>('studentEvidence', null, (r) => r.studentId),
    between<PathRecord>('paths', null, (r) => r.id),
    between<DecisionRecord>('decisions', 'studentId', (r) => r.studentId),
    tx.getAll<ItemSetRecord>('itemSets'),
    tx.getAll<SchoolRecord>('schools'),
    shared,
  ]);
  const factsOf = new Map(facts.map((row) => [row.studentId, row.facts]));
  const pathOf = new Map(paths.map((row) => [row.id, row]));
  const decisionsOf = new Map<string, DecisionRecord[]>();
  for (const decision of alive(decisions)) {
    const list = decisionsOf.get(decision.studentId);
    if (list) list.push(decision);
    else decisionsOf.set(decision.studentId, [decision]);
  }
  const school = aliveOne(schools.find((s) => s.id === group.schoolId));
  const common = {
    targets: alive(targets).sort((a, b) => a.sequence - b.sequence),
    itemSets: alive(itemSets),
    scale: school?.scale ?? DEFAULT_SCALE,
  };
  return wanted.map((student) => ({
    student,
    path: aliveOne(pathOf.get(student.id)),
    evidence: factsOf.get(student.id) ?? [],
    decisions: decisionsOf.get(student.id) ?? [],
    ...common,
  }));
}

/**
 * Caches the summaries just made, with the versions they were made from, after the read (a read may run
 * inside a live query, where Dexie allows no writes). A write that came in between moved the versions on,
 * so such a summary is simply made again next time.
 */
export function saveLater(
  store: Store,
  key: string,
  versions: ProgressVersions,
  made: ReadonlyMap<string, unknown>,
): void {
  const rows = [...made].map(([studentId, summary]): ProgressCacheRow => ({
    studentId,
    key,
    student: versions.students[studentId] ?? 0,
    content: versions.content,
    summary,
  }));
  setTimeout(() => {
    store.db.progressCache.bulkPut(rows).catch((error: unknown) => console.warn('Could not cache summaries', error));
  }, 0);
}
