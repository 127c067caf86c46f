import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { isSyncedTable } from '#protocol';
import { storedFormTable } from './stored-form.ts';
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
      return isSyncedTable(name) ? storedFormTable(table, compactRow, expandRow) : table;
    },
  }),
};
