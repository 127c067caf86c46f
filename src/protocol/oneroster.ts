/**
 * OneRoster CSV (1.1 and 1.2): orgs, classes, users, enrollments, read into a preview that says for every
 * user and enrollment row what the import will do with it, and why a row cannot be imported, before
 * anything is written. Pure, so the server could import rosters the same way. Roles come from
 * enrollments.csv, which both versions carry (1.1 also has users.role, 1.2 roles.csv). Messages are codes
 * with their values (`RosterIssue`, `RosterOutcome`): the screen words them in the teacher's language.
 */
import { stableUuid } from './case-package.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { normalBirthDate } from './birth-date.ts';

export { CsvSyntaxError, parseCsv } from './csv.ts';

/** Why a file or a row cannot be used. */
export type RosterIssue =
  | { readonly code: 'fileMissing' }
  | { readonly code: 'unterminatedQuote'; readonly line: number }
  | { readonly code: 'columnMissing'; readonly columns: readonly string[] }
  | { readonly code: 'badSourcedId'; readonly value: string }
  | { readonly code: 'repeatedSourcedId'; readonly value: string }
  | { readonly code: 'noOrgName' }
  | { readonly code: 'noGivenName' }
  | { readonly code: 'noTitle' }
  | { readonly code: 'unknownSchool'; readonly value: string }
  | { readonly code: 'unknownClass'; readonly value: string }
  | { readonly code: 'unknownUser'; readonly value: string }
  /** The enrollment names a user (or class) whose own row was skipped, on that line of its file. */
  | { readonly code: 'userSkipped'; readonly value: string; readonly line: number }
  | { readonly code: 'classSkipped'; readonly value: string; readonly line: number };

export interface RosterProblem {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); 0 for a problem with the whole file. */
  readonly line: number;
  readonly issue: RosterIssue;
}

/** What the import does with one users.csv or enrollments.csv row. */
export type RosterOutcome =
  /** users.csv: a student, in these classes (classes.csv order). */
  | { readonly kind: 'student'; readonly classSourcedIds: readonly string[] }
  /** users.csv: enrolled only as a teacher (or another staff role): teachers sign in with their own account. */
  | { readonly kind: 'staff'; readonly classSourcedIds: readonly string[] }
  /** users.csv: enrolled in no class of these files. */
  | { readonly kind: 'noClass' }
  /** enrollments.csv: the student joins the class. */
  | { readonly kind: 'joins' }
  /** enrollments.csv: a teacher's enrollment (not imported: teachers sign in with their own account). */
  | { readonly kind: 'teacher' }
  /** enrollments.csv: a role Waypoint does not import (aide, guardian, administrator…). */
  | { readonly kind: 'otherRole'; readonly role: string }
  /** enrollments.csv: the same person in the same class again, first on `line`. */
  | { readonly kind: 'duplicate'; readonly line: number }
  /** Status tobedeleted or inactive: left out. */
  | { readonly kind: 'inactive'; readonly status: string }
  | { readonly kind: 'skipped'; readonly issue: RosterIssue };

export interface RosterRow {
  readonly file: 'users.csv' | 'enrollments.csv';
  readonly line: number;
  readonly sourcedId: string;
  /** users.csv: the row's own sourcedId; enrollments.csv: the user it names. */
  readonly userSourcedId: string;
  /** enrollments.csv only. */
  readonly classSourcedId?: string;
  readonly outcome: RosterOutcome;
}

export interface RosterPerson {
  readonly sourcedId: string;
  readonly givenName: string;
  readonly familyName: string;
  /** The name a child goes by (1.2 preferredGivenName), else the given name. */
  readonly displayName: string;
  /** From demographics.csv (YYYY-MM-DD), when the files carry one: how a child already known is recognized. */
  readonly birthDate?: string;
}

export interface RosterClass {
  readonly sourcedId: string;
  readonly title: string;
  readonly schoolSourcedId: string;
  readonly students: readonly RosterPerson[];
  readonly teachers: readonly RosterPerson[];
}

export interface RosterPreview {
  readonly version: '1.1' | '1.2' | 'unknown';
  readonly schools: readonly { readonly sourcedId: string; readonly name: string }[];
  readonly classes: readonly RosterClass[];
  /** Every user (by sourcedId) the files hold a usable row for. */
  readonly people: Readonly<Record<string, RosterPerson>>;
  /** Each users.csv row, then each enrollments.csv row, in file order, with what happens to it. */
  readonly rows: readonly RosterRow[];
  /** Whole-file problems and unusable orgs.csv / classes.csv rows; `fatal` ones block the import. */
  readonly problems: readonly RosterProblem[];
  readonly fatal: boolean;
}

/** Record ids of imported rows: stable, so importing the next term's files updates rather than duplicates. */
export const rosterId = (sourcedId: string): string => `oneroster:${sourcedId}`;

const ENROLLMENT_PREFIX = 'oneroster.in:';
const MAX_RECORD_ID = 128;

/**
 * The record of a child in a second (third…) class: each class keeps its own record of the child (its own
 * path and evidence; see src/features/roster/README.md), linked to the others by the user's sourcedId, which
 * the id carries with its length so it can be read back unambiguously. A class sourcedId too long for the
 * record id limit is shortened to a stable hash.
 */
export function rosterEnrollmentId(userSourcedId: string, classSourcedId: string): string {
  const head = rosterEnrollmentPrefix(userSourcedId);
  const full = head + classSourcedId;
  // Within one child's records only: 8 hex digits (what the longest user sourcedId leaves room for) suffice.
  const hash = stableUuid(classSourcedId).replace(/-/g, '').slice(0, 8);
  return full.length <= MAX_RECORD_ID ? full : `${head}h.${hash}`;
}

/** The start of every `rosterEnrollmentId` of one user. */
export const rosterEnrollmentPrefix = (userSourcedId: string): string =>
  `${ENROLLMENT_PREFIX}${userSourcedId.length}:${userSourcedId}:`;

/** The OneRoster user behind a student record (either id form above); null for a record made on a device. */
export function rosterUserOf(recordId: string): string | null {
  if (recordId.startsWith('oneroster:')) return recordId.slice('oneroster:'.length);
  if (!recordId.startsWith(ENROLLMENT_PREFIX)) return null;
  const rest = recordId.slice(ENROLLMENT_PREFIX.length);
  const colon = rest.indexOf(':');
  const length = Number(rest.slice(0, colon));
  return colon > 0 && Number.isInteger(length) ? rest.slice(colon + 1, colon + 1 + length) : null;
}

export const ROSTER_FILES = ['orgs.csv', 'classes.csv', 'users.csv', 'enrollments.csv'] as const;
type RosterFile = (typeof ROSTER_FILES)[number];

const REQUIRED: Record<RosterFile, readonly string[]> = {
  'orgs.csv': ['sourcedId', 'name', 'type'],
  'classes.csv': ['sourcedId', 'title', 'schoolSourcedId'],
  'users.csv': ['sourcedId', 'givenName', 'familyName'],
  'enrollments.csv': ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'],
};

/** Ids made from sourcedIds must be safe record ids (the sync protocol's id pattern). */
const SOURCED_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const INACTIVE = new Set(['tobedeleted', 'inactive']);

type Row = Readonly<Record<string, string>>;
type Table = { readonly rows: readonly Row[]; readonly present: boolean };

function readTable(name: RosterFile, text: string | undefined, problems: RosterProblem[]): Table {
  if (text === undefined) {
    problems.push({ file: name, line: 0, issue: { code: 'fileMissing' } });
    return { rows: [], present: false };
  }
  let cells: string[][];
  try {
    cells = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    problems.push({ file: name, line: 0, issue: { code: 'unterminatedQuote', line: error.line } });
    return { rows: [], present: false };
  }
  const header = (cells[0] ?? []).map((h) => h.trim());
  const missing = REQUIRED[name].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    problems.push({ file: name, line: 1, issue: { code: 'columnMissing', columns: missing } });
    return { rows: [], present: false };
  }
  const rows = cells.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()])));
  return { rows, present: true };
}

const lineOf = (index: number): number => index + 2;
const statusOf = (row: Row): string | null => (INACTIVE.has(row['status'] ?? '') ? row['status']! : null);

/** Each row's sourcedId problem (missing, unusable or repeated), else `check`'s; null when the row is usable. */
function checkRows(rows: readonly Row[], check: (row: Row) => RosterIssue | null): (RosterIssue | null)[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const id = row['sourcedId'] ?? '';
    const issue: RosterIssue | null = !SOURCED_ID.test(id)
      ? { code: 'badSourcedId', value: id }
      : seen.has(id)
        ? { code: 'repeatedSourcedId', value: id }
        : check(row);
    seen.add(id);
    return issue;
  });
}

/** Reads the four files (by name; other OneRoster files are ignored) into a row-by-row preview. */
export function previewOneRoster(files: Readonly<Record<string, string>>): RosterPreview {
  const problems: RosterProblem[] = [];
  const [orgs, classes, users, enrollments] = ROSTER_FILES.map((name) => readTable(name, files[name], problems)) as [
    Table,
    Table,
    Table,
    Table,
  ];
  const fatal = problems.length > 0;
  const version = detectVersion(files['manifest.csv'], files['users.csv']);

  // A class's school is whatever org it names: real exports use a department or other org type there.
  const orgIssues = checkRows(orgs.rows, (row) => (row['name'] ? null : { code: 'noOrgName' }));
  const orgsById = new Map<string, { sourcedId: string; name: string }>();
  orgs.rows.forEach((row, i) => {
    const issue = orgIssues[i];
    if (issue) problems.push({ file: 'orgs.csv', line: lineOf(i), issue });
    else if (!statusOf(row)) orgsById.set(row['sourcedId']!, { sourcedId: row['sourcedId']!, name: row['name']! });
  });

  const classIssues = checkRows(classes.rows, (row) =>
    !row['title']
      ? { code: 'noTitle' }
      : orgsById.has(row['schoolSourcedId'] ?? '')
        ? null
        : { code: 'unknownSchool', value: row['schoolSourcedId'] ?? '' },
  );
  const classRows: Row[] = [];
  /** Classes whose row was skipped or left out, with its line, so an enrollment in one says why. */
  const classLines = new Map<string, { line: number; usable: boolean }>();
  classes.rows.forEach((row, i) => {
    const issue = classIssues[i];
    const id = row['sourcedId'] ?? '';
    if (!classLines.has(id)) classLines.set(id, { line: lineOf(i), usable: !issue && !statusOf(row) });
    if (issue) problems.push({ file: 'classes.csv', line: lineOf(i), issue });
    else if (!statusOf(row)) classRows.push(row);
  });
  const classOrder = new Map(classRows.map((r, i) => [r['sourcedId']!, i]));

  const people = new Map<string, RosterPerson>();
  const userIssues = checkRows(users.rows, (row) =>
    row['givenName'] || row['preferredGivenName'] ? null : { code: 'noGivenName' },
  );
  const userLines = new Map<string, number>();
  users.rows.forEach((row, i) => {
    const id = row['sourcedId'] ?? '';
    if (!userLines.has(id)) userLines.set(id, lineOf(i));
    if (userIssues[i] || statusOf(row)) return;
    const given = row['givenName'] ?? '';
    people.set(id, {
      sourcedId: id,
      givenName: given,
      familyName: row['familyName'] ?? '',
      displayName: row['preferredGivenName'] || given,
    });
  });

  for (const [id, birthDate] of birthDates(files['demographics.csv'])) {
    const person = people.get(id);
    if (person) people.set(id, { ...person, birthDate });
  }

  const members = new Map(
    classRows.map((c) => [c['sourcedId']!, { students: [] as RosterPerson[], teachers: [] as RosterPerson[] }]),
  );
  const studentClasses = new Map<string, string[]>();
  const staffClasses = new Map<string, string[]>();
  const firstLine = new Map<string, number>();
  const enrollmentRows: RosterRow[] = [];
  // A broken users.csv or classes.csv is reported once, not again for every enrollment it breaks.
  const canJudge = users.present && classes.present;
  enrollments.rows.forEach((row, i) => {
    const line = lineOf(i);
    const classId = row['classSourcedId'] ?? '';
    const userId = row['userSourcedId'] ?? '';
    const role = row['role'] ?? '';
    const base = { file: 'enrollments.csv' as const, line, sourcedId: row['sourcedId'] ?? '', userSourcedId: userId };
    const outcome = ((): RosterOutcome => {
      const status = statusOf(row);
      if (status) return { kind: 'inactive', status };
      const group = members.get(classId);
      const person = people.get(userId);
      if (!group) {
        const known = classLines.get(classId);
        return {
          kind: 'skipped',
          issue: known
            ? { code: 'classSkipped', value: classId, line: known.line }
            : { code: 'unknownClass', value: classId },
        };
      }
      if (!person) {
        const known = userLines.get(userId);
        return {
          kind: 'skipped',
          issue: known ? { code: 'userSkipped', value: userId, line: known } : { code: 'unknownUser', value: userId },
        };
      }
      const key = `${role}\n${userId}\n${classId}`;
      const earlier = firstLine.get(key);
      if (earlier !== undefined) return { kind: 'duplicate', line: earlier };
      firstLine.set(key, line);
      if (role === 'student') {
        group.students.push(person);
        studentClasses.set(userId, [...(studentClasses.get(userId) ?? []), classId]);
        return { kind: 'joins' };
      }
      staffClasses.set(userId, [...(staffClasses.get(userId) ?? []), classId]);
      if (role === 'teacher') {
        group.teachers.push(person);
        return { kind: 'teacher' };
      }
      return { kind: 'otherRole', role };
    })();
    if (canJudge) enrollmentRows.push({ ...base, classSourcedId: classId, outcome });
  });

  const inClassOrder = (ids: readonly string[]): string[] =>
    [...new Set(ids)].sort((a, b) => classOrder.get(a)! - classOrder.get(b)!);
  const userRows: RosterRow[] = users.rows.map((row, i) => {
    const id = row['sourcedId'] ?? '';
    const base = { file: 'users.csv' as const, line: lineOf(i), sourcedId: id, userSourcedId: id };
    const issue = userIssues[i];
    const status = statusOf(row);
    if (issue) return { ...base, outcome: { kind: 'skipped', issue } };
    if (status) return { ...base, outcome: { kind: 'inactive', status } };
    const asStudent = studentClasses.get(id);
    if (asStudent) return { ...base, outcome: { kind: 'student', classSourcedIds: inClassOrder(asStudent) } };
    const asStaff = staffClasses.get(id);
    if (asStaff) return { ...base, outcome: { kind: 'staff', classSourcedIds: inClassOrder(asStaff) } };
    return { ...base, outcome: { kind: 'noClass' } };
  });

  return {
    version,
    // Only the orgs a class names, so a district above the school is not taken for one.
    schools: [...orgsById.values()].filter((org) => classRows.some((c) => c['schoolSourcedId'] === org.sourcedId)),
    classes: classRows.map((r) => ({
      sourcedId: r['sourcedId']!,
      title: r['title']!,
      schoolSourcedId: r['schoolSourcedId']!,
      ...members.get(r['sourcedId']!)!,
    })),
    people: Object.fromEntries(people),
    rows: [...(users.present ? userRows : []), ...enrollmentRows],
    problems,
    fatal,
  };
}

/**
 * Dates of birth by user sourcedId from the optional demographics.csv (OneRoster 1.1 and 1.2 keep them
 * there, not in users.csv). A file or row that cannot be read adds nothing: the date only helps recognize a
 * child already known, and the import never depends on it.
 */
function birthDates(text: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  if (text === undefined) return found;
  let cells: string[][];
  try {
    cells = parseCsv(text);
  } catch {
    return found;
  }
  const header = (cells[0] ?? []).map((h) => h.trim());
  const idColumn = header.indexOf('sourcedId');
  const dateColumn = header.indexOf('birthDate');
  if (idColumn < 0 || dateColumn < 0) return found;
  for (const row of cells.slice(1)) {
    const date = normalBirthDate(row[dateColumn]);
    const id = row[idColumn]?.trim() ?? '';
    if (date !== null && id !== '') found.set(id, date);
  }
  return found;
}

function detectVersion(manifest: string | undefined, users: string | undefined): RosterPreview['version'] {
  const declared = manifest ? /oneroster\.version\s*,\s*"?(1\.[12])/.exec(manifest)?.[1] : undefined;
  if (declared === '1.1' || declared === '1.2') return declared;
  const header = users?.split(/\r?\n/, 1)[0] ?? '';
  if (/\borgSourcedIds\b/.test(header)) return '1.1';
  if (/\bprimaryOrgSourcedId\b|\bpreferredGivenName\b/.test(header)) return '1.2';
  return 'unknown';
}
