import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { factsJson, type FactsJson } from './facts-json.ts';
import { storedFormTable } from './stored-form.ts';

/**
 * How a student's evidence facts (`studentEvidence`, summaries-middleware.ts) are kept on disk: the facts
 * as one JSON string instead of an array of objects. The summary of a child is rewritten whole by every
 * transaction that writes their evidence, so a pull stores it once per batch of pages; IndexedDB's
 * structured clone of an array of thousands of small objects cost more than storing the evidence itself,
 * while writing and reading one string is a copy (JSON.stringify and JSON.parse of the same facts are
 * several times cheaper than cloning them). Rows an older version stored as an array read as they are.
 * Only this middleware (and the raw reads of bulk-read.ts) meet the stored form.
 */
export const FACTS_TABLE = 'studentEvidence';

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The row as stored: its facts as JSON. Anything else (never written by this app) is stored as it is. */
export function storeFactsRow(row: unknown): unknown {
  if (!isRow(row) || !Array.isArray(row['facts'])) return row;
  const facts = row['facts'] as readonly unknown[];
  const studentId = row['studentId'];
  if (typeof studentId !== 'string') return { ...row, facts: JSON.stringify(facts) };
  const written = factsJson(facts, known.get(studentId));
  remember(studentId, written);
  return { ...row, facts: written.json };
}

/** The row as the app uses it, with its facts as an array (an older row, already an array, as it is). */
export function readFactsRow(row: unknown): unknown {
  if (!isRow(row) || typeof row['facts'] !== 'string') return row;
  const json = row['facts'];
  const studentId = row['studentId'];
  const before = typeof studentId === 'string' ? known.get(studentId) : undefined;
  if (before?.json === json) return { ...row, facts: before.facts };
  const facts = JSON.parse(json) as readonly unknown[];
  if (typeof studentId === 'string') remember(studentId, { json, facts, ends: null });
  return { ...row, facts };
}

/**
 * The facts last stored or read for each of the most recent students, with their JSON. The screens read
 * the same rows again and again, and a pull rewrites each child's facts once per page: a read of the same
 * JSON gets the same (read-only) facts without parsing, and a write stringifies only the facts that are
 * new (facts-json.ts). Both go by content (the JSON read, the very fact objects written), so a write that
 * was rolled back or a row changed by another tab is simply parsed again.
 */
const known = new Map<string, FactsJson>();
/** More than a class: a tablet's screens and a pull move through one class at a time. */
const KNOWN_STUDENTS = 64;

function remember(studentId: string, facts: FactsJson): void {
  known.delete(studentId);
  known.set(studentId, facts);
  if (known.size > KNOWN_STUDENTS) known.delete(known.keys().next().value!);
}

/** Stores facts as JSON and reads them back as arrays, below all of Dexie's own middleware (as stamps do). */
export const storedFactsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'stored-facts',
  level: -10,
  create: (down: DBCore): Partial<DBCore> => ({
    table: (name: string): DBCoreTable => {
      const table = down.table(name);
      return name === FACTS_TABLE ? storedFormTable(table, storeFactsRow, readFactsRow) : table;
    },
  }),
};
