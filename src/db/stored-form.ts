import type { DBCoreCursor, DBCoreTable } from 'dexie';

/**
 * A table whose rows are kept on disk in another form than the app uses (compact stamps, facts as JSON):
 * `toDisk` turns every row written into its stored form, `fromDisk` every row read back, whichever way it
 * is read (get, getMany, query, cursor). Used by Dexie middlewares below all of Dexie's own (level -10),
 * so everything above them sees the app's form only.
 */
export function storedFormTable(
  table: DBCoreTable,
  toDisk: (row: unknown) => unknown,
  fromDisk: (row: unknown) => unknown,
): DBCoreTable {
  return {
    ...table,
    mutate: (req) =>
      table.mutate(req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map(toDisk) } : req),
    get: async (req) => fromDisk(await table.get(req)),
    getMany: async (req) => (await table.getMany(req)).map(fromDisk),
    query: async (req) => {
      const response = await table.query(req);
      return req.values ? { ...response, result: response.result.map(fromDisk) } : response;
    },
    openCursor: async (req) => {
      const cursor = await table.openCursor(req);
      return cursor && req.values !== false ? readingCursor(cursor, fromDisk) : cursor;
    },
  };
}

/** The cursor with its value read back (the native cursor's own getters need the native object as `this`). */
function readingCursor(cursor: DBCoreCursor, fromDisk: (row: unknown) => unknown): DBCoreCursor {
  let raw: unknown;
  let read: unknown;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get: () => {
        const value: unknown = cursor.value;
        if (value !== raw) {
          raw = value;
          read = fromDisk(value);
        }
        return read;
      },
    },
  }) as DBCoreCursor;
}
