import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { removeFacts, updateFacts, type EvidenceFact, type StudentEvidenceRow } from './evidence-facts.ts';

/**
 * Keeps the summaries screens read instead of a whole year of records, in the same transaction as every
 * write to the records they come from, whoever writes (the write funnel, merging pulled changes or a
 * backup, a restore, an upgrade):
 *
 * - `studentEvidence`: each student's evidence facts (evidence-facts.ts), updated from the evidence rows
 *   as stored after each write;
 * - the rules' input versions (`settings` row `progressVersions`): a counter per student, moved on by any
 *   write to their evidence, decisions, path or student row, and one for the content every child shares
 *   (targets, item sets, schools, classes). A cached rules summary (class-progress.ts) is good only for
 *   the versions it was made from.
 *
 * A Dexie DBCore middleware, so no write path can forget it: it adds the summary tables to every read-write
 * transaction over the tables they follow (IndexedDB fixes a transaction's tables when it starts) and
 * updates them after each write, below Dexie's change tracking, so live reads of them wake up too.
 */
export const STUDENT_EVIDENCE_TABLE = 'studentEvidence';
export const VERSIONS_KEY = 'progressVersions';

export interface ProgressVersions {
  /** Targets, item sets, schools and classes: what every child's evaluation shares. */
  readonly content: number;
  readonly students: Readonly<Record<string, number>>;
}

export const NO_VERSIONS: ProgressVersions = { content: 0, students: {} };

/** Where each followed table names the student a row belongs to; null: content shared by the class. */
const FOLLOWED: Readonly<Record<string, string | null>> = {
  evidence: 'studentId',
  decisions: 'studentId',
  paths: 'id',
  students: 'id',
  targets: null,
  itemSets: null,
  schools: null,
  classes: null,
};

type Row = Readonly<Record<string, unknown>>;

/** DBCoreRangeType.Any (a const enum Dexie does not export as a value): every key. */
const ANY_RANGE = 3;
const ANY = { type: ANY_RANGE, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } as const;

export const summariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'WaypointSummaries',
  create(down) {
    return {
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.some((name) => name in FOLLOWED))
          return down.transaction(stores, mode, options);
        const extra = ['settings', ...(stores.includes('evidence') ? [STUDENT_EVIDENCE_TABLE] : [])];
        return down.transaction([...new Set([...stores, ...extra])], mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!(name in FOLLOWED)) return table;
        return {
          ...table,
          async mutate(req) {
            // A whole table cleared (a restore): every summary of it goes, and every cached evaluation.
            const cleared = req.type === 'deleteRange' && req.range.type === ANY_RANGE;
            const removed = req.type === 'put' || req.type === 'add' || cleared ? [] : await rowsToRemove(table, req);
            const response = await table.mutate(req);
            const written =
              req.type === 'put' || req.type === 'add'
                ? req.values.filter((_, i) => response.failures[i] === undefined)
                : [];
            await follow(down, req.trans, name, { written: written as Row[], removed, cleared });
            return response;
          },
        };
      },
    };
  },
};

/** The rows a delete is about to remove (their student ids are needed once they are gone). */
async function rowsToRemove(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Row[]> {
  if (req.type === 'delete') {
    const rows = (await table.getMany({ trans: req.trans, keys: req.keys })) as (Row | undefined)[];
    return rows.flatMap((row) => (row ? [row] : []));
  }
  if (req.type === 'deleteRange') {
    const query = { index: table.schema.primaryKey, range: req.range };
    return (await table.query({ trans: req.trans, query, values: true })).result as Row[];
  }
  return [];
}

interface Mutation {
  readonly written: Row[];
  readonly removed: Row[];
  readonly cleared: boolean;
}

async function follow(down: DBCore, trans: DBCoreTransaction, name: string, mutation: Mutation): Promise<void> {
  const { written, removed, cleared } = mutation;
  if (written.length === 0 && removed.length === 0 && !cleared) return;
  const field = FOLLOWED[name] ?? null;
  const students = field === null ? [] : [...new Set([...written, ...removed].map((row) => row[field]))].filter(isText);
  const facts = down.table(STUDENT_EVIDENCE_TABLE);
  if (name === 'evidence' && cleared) await facts.mutate({ type: 'deleteRange', trans, range: ANY });
  else if (name === 'evidence') await updateStudentEvidence(facts, trans, written, removed);
  const settings = down.table('settings');
  const row = (await settings.get({ trans, key: VERSIONS_KEY })) as { value?: ProgressVersions } | undefined;
  const current = row?.value ?? NO_VERSIONS;
  const next: ProgressVersions =
    field === null || cleared
      ? { ...current, content: current.content + 1 }
      : {
          ...current,
          students: {
            ...current.students,
            ...Object.fromEntries(students.map((id) => [id, (current.students[id] ?? 0) + 1])),
          },
        };
  await settings.mutate({ type: 'put', trans, values: [{ key: VERSIONS_KEY, value: next }] });
}

async function updateStudentEvidence(table: DBCoreTable, trans: DBCoreTransaction, written: Row[], removed: Row[]) {
  const byStudent = new Map<string, { written: Row[]; removed: Set<string> }>();
  const entry = (studentId: unknown) => {
    if (!isText(studentId)) return null;
    let found = byStudent.get(studentId);
    if (!found) byStudent.set(studentId, (found = { written: [], removed: new Set() }));
    return found;
  };
  for (const row of written) entry(row['studentId'])?.written.push(row);
  for (const row of removed) entry(row['studentId'])?.removed.add(row['id'] as string);
  const ids = [...byStudent.keys()];
  const rows = (await table.getMany({ trans, keys: ids })) as (StudentEvidenceRow | undefined)[];
  const values = ids.map((studentId, i): StudentEvidenceRow => {
    const change = byStudent.get(studentId)!;
    let facts: readonly EvidenceFact[] = rows[i]?.facts ?? [];
    if (change.removed.size > 0) facts = removeFacts(facts, change.removed);
    if (change.written.length > 0) facts = updateFacts(facts, change.written);
    return { studentId, facts };
  });
  await table.mutate({ type: 'put', trans, values });
}

const isText = (value: unknown): value is string => typeof value === 'string';
