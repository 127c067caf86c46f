import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { isSyncedTable } from '#protocol';
import { compactRow, expandRow } from './stored-stamps.ts';

/**
 * Synced rows keep their stamps compact on disk (stored-stamps.ts) and whole everywhere else: this Dexie
 * middleware compacts every row a synced table stores and expands every row it reads, below all of Dexie's
 * own middleware (level -10: closest to IndexedDB), so the write funnel, merges, backups, liveQuery, the
 * sync engine and any other middleware see `_hlc` exactly as before. The upgrade to schema version 5
 * (database.ts) rewrites the rows an older version stored; until then they are read as they are.
 */
export const stampsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'compact-stamps',
  level: -10,
  create: (down: DBCore): Partial<DBCore> => ({
    table: (name: string): DBCoreTable => {
      const table = down.table(name);
      return isSyncedTable(name) ? compactingTable(table) : table;
    },
  }),
};

function compactingTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest) =>
      table.mutate(req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map(compactRow) } : req),
    get: async (req) => expandRow(await table.get(req)),
    getMany: async (req) => (await table.getMany(req)).map(expandRow),
    query: async (req) => {
      const response = await table.query(req);
      return req.values ? { ...response, result: response.result.map(expandRow) } : response;
    },
    openCursor: async (req) => {
      const cursor = await table.openCursor(req);
      return cursor && req.values !== false ? expandingCursor(cursor) : cursor;
    },
  };
}

/** The cursor with its value expanded (the native cursor's own getters need the native object as `this`). */
function expandingCursor(cursor: DBCoreCursor): DBCoreCursor {
  let raw: unknown;
  let expanded: unknown;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get: () => {
        const value: unknown = cursor.value;
        if (value !== raw) {
          raw = value;
          expanded = expandRow(value);
        }
        return expanded;
      },
    },
  }) as DBCoreCursor;
}
