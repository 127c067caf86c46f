/**
 * OneRoster CSV (1.1 and 1.2): orgs, classes, users, enrollments, read into a preview with each row's
 * problems, before anything is written. Pure, so the server could import rosters the same way.
 * Roles come from enrollments.csv, which both versions carry (1.1 also has users.role, 1.2 roles.csv).
 */
export interface RosterProblem {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); 0 for a problem with the whole file. */
  readonly line: number;
  readonly message: string;
}

export interface RosterPerson {
  readonly sourcedId: string;
  readonly givenName: string;
  readonly familyName: string;
  /** The name a child goes by (1.2 preferredGivenName), else the given name. */
  readonly displayName: string;
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
  /** Rows skipped and why; `fatal` problems (a missing file or column, broken CSV) block the import. */
  readonly problems: readonly RosterProblem[];
  readonly fatal: boolean;
}

export const ROSTER_FILES = ['orgs.csv', 'classes.csv', 'users.csv', 'enrollments.csv'] as const;

const REQUIRED: Record<(typeof ROSTER_FILES)[number], readonly string[]> = {
  'orgs.csv': ['sourcedId', 'name', 'type'],
  'classes.csv': ['sourcedId', 'title', 'schoolSourcedId'],
  'users.csv': ['sourcedId', 'givenName', 'familyName'],
  'enrollments.csv': ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'],
};

/** Ids made from sourcedIds must be safe record ids (the sync protocol's id pattern). */
const SOURCED_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  const input = text.replace(/^\ufeff/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line += 1;
    } else field += c;
  }
  if (quoted) throw new CsvSyntaxError(`a quoted field starting before line ${line} never ends`);
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

type Table = { readonly rows: readonly Record<string, string>[]; readonly present: boolean };

function readTable(name: (typeof ROSTER_FILES)[number], text: string | undefined, problems: RosterProblem[]): Table {
  if (text === undefined) {
    problems.push({ file: name, line: 0, message: `${name} is missing` });
    return { rows: [], present: false };
  }
  let cells: string[][];
  try {
    cells = parseCsv(text);
  } catch (error) {
    problems.push({ file: name, line: 0, message: `${name} is not valid CSV: ${(error as Error).message}` });
    return { rows: [], present: false };
  }
  const header = (cells[0] ?? []).map((h) => h.trim());
  const missing = REQUIRED[name].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    problems.push({ file: name, line: 1, message: `${name} has no column ${missing.join(', ')}` });
    return { rows: [], present: false };
  }
  const rows = cells.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()])));
  return { rows, present: true };
}

/** Reads the four files (by name; other OneRoster files are ignored) into a preview. */
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
  const rowProblem = (file: string, index: number, message: string) =>
    problems.push({ file, line: index + 2, message });
  const live = (row: Record<string, string>) => row['status'] !== 'tobedeleted' && row['status'] !== 'inactive';

  // A class's school is whatever org it names: real exports use a department or other org type there.
  const orgsById = new Map(
    valid(orgs.rows, 'orgs.csv', rowProblem, (row) => (row['name'] ? null : 'has no name'))
      .filter(live)
      .map((r) => [r['sourcedId']!, { sourcedId: r['sourcedId']!, name: r['name']! }]),
  );
  const people = new Map<string, RosterPerson>();
  for (const r of valid(users.rows, 'users.csv', rowProblem, (row) =>
    row['givenName'] || row['preferredGivenName'] ? null : 'has no given name',
  ).filter(live)) {
    const given = r['givenName'] ?? '';
    people.set(r['sourcedId']!, {
      sourcedId: r['sourcedId']!,
      givenName: given,
      familyName: r['familyName'] ?? '',
      displayName: r['preferredGivenName'] || given,
    });
  }
  const classRows = valid(classes.rows, 'classes.csv', rowProblem, (row) =>
    !row['title']
      ? 'has no title'
      : orgsById.has(row['schoolSourcedId'] ?? '')
        ? null
        : `names school "${row['schoolSourcedId']}", which is not an org in orgs.csv`,
  ).filter(live);
  const members = new Map(
    classRows.map((c) => [c['sourcedId']!, { students: [] as RosterPerson[], teachers: [] as RosterPerson[] }]),
  );
  enrollments.rows.forEach((row, index) => {
    // A broken users.csv or classes.csv is reported once, not again for every enrollment it breaks.
    if (!live(row) || !users.present || !classes.present) return;
    const group = members.get(row['classSourcedId'] ?? '');
    const person = people.get(row['userSourcedId'] ?? '');
    if (!group) {
      rowProblem('enrollments.csv', index, `names class "${row['classSourcedId']}", which is not in classes.csv`);
    } else if (!person) {
      rowProblem('enrollments.csv', index, `names user "${row['userSourcedId']}", which is not in users.csv`);
    } else if (row['role'] === 'student') group.students.push(person);
    else if (row['role'] === 'teacher') group.teachers.push(person);
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
    problems,
    fatal,
  };
}

/** Rows with a usable, unique sourcedId that pass `check`; the rest become problems. */
function valid(
  rows: readonly Record<string, string>[],
  file: string,
  problem: (file: string, index: number, message: string) => void,
  check: (row: Record<string, string>) => string | null,
): Record<string, string>[] {
  const seen = new Set<string>();
  return rows.filter((row, index) => {
    const id = row['sourcedId'] ?? '';
    const reason = !SOURCED_ID.test(id)
      ? `has a missing or unusable sourcedId "${id}"`
      : seen.has(id)
        ? `repeats sourcedId "${id}"`
        : check(row);
    seen.add(id);
    if (reason) problem(file, index, reason);
    return reason === null;
  });
}

function detectVersion(manifest: string | undefined, users: string | undefined): RosterPreview['version'] {
  const declared = manifest ? /oneroster\.version\s*,\s*"?(1\.[12])/.exec(manifest)?.[1] : undefined;
  if (declared === '1.1' || declared === '1.2') return declared;
  const header = users?.split(/\r?\n/, 1)[0] ?? '';
  if (/\borgSourcedIds\b/.test(header)) return '1.1';
  if (/\bprimaryOrgSourcedId\b|\bpreferredGivenName\b/.test(header)) return '1.2';
  return 'unknown';
}
