import type { DBCore, DBCoreTable, Middleware } from 'dexie';
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
  return { ...row, facts: JSON.stringify(row['facts']) };
}

/** The row as the app uses it, with its facts as an array (an older row, already an array, as it is). */
export function readFactsRow(row: unknown): unknown {
  if (!isRow(row) || typeof row['facts'] !== 'string') return row;
  return { ...row, facts: JSON.parse(row['facts']) as unknown };
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
