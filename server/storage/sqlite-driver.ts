import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Mutex, valuesSql, type SqlDriver, type SqlExecutor, type SqlRow, type SqlValue } from './driver.ts';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from './sqlite-checkpointer.ts';

/** better-sqlite3 over one file in WAL mode. Every call goes through one mutex: see Mutex. */
export function openSqliteDriver(file: string): SqlDriver {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A larger page cache than SQLite's 2 MB: a school's indexes stay in memory between pushes.
  db.pragma('cache_size = -65536');
  const mutex = new Mutex();
  // Checkpoints run in a worker (sqlite-checkpointer.ts); SQLite's own remain as a fallback, far later.
  let checkpointer: Checkpointer | null = null;
  if (file !== ':memory:') {
    db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    checkpointer = startCheckpointer(file, () => {
      checkpointer = null;
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    });
  }
  // Preparing is a large share of a small statement's cost; the same few shapes recur on every push.
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size > 500) statements.clear();
      statements.set(sql, (statement = db.prepare(sql)));
    }
    return statement;
  };

  const executor: SqlExecutor = {
    all: (sql, params = []) => Promise.resolve(prepare(sql).all(...(params as SqlValue[])) as SqlRow[]),
    run: (sql, params = []) => Promise.resolve(prepare(sql).run(...(params as SqlValue[])).changes),
    runMany: (head, width, rows, tail) => {
      if (rows.length === 0) return Promise.resolve();
      const statement = prepare(valuesSql(head, width, 1, tail));
      for (const row of rows) statement.run(...row);
      return Promise.resolve();
    },
  };
  const committed = () => {
    db.exec('COMMIT');
    checkpointer?.wrote();
  };

  return {
    kind: 'sqlite',
    all: (sql, params) => mutex.lock(() => executor.all(sql, params)),
    run: (sql, params) =>
      mutex.lock(async () => {
        const changed = await executor.run(sql, params);
        checkpointer?.wrote();
        return changed;
      }),
    runMany: (head, width, rows, tail) =>
      mutex.lock(async () => {
        await executor.runMany(head, width, rows, tail);
        checkpointer?.wrote();
      }),
    migrationTransaction: (fn) =>
      mutex.lock(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn({
            ...executor,
            exec: (script) => {
              db.exec(script);
              statements.clear(); // a schema change invalidates prepared statements
              return Promise.resolve();
            },
          });
          committed();
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    transaction: (fn) =>
      mutex.lock(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(executor);
          committed();
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      mutex.lock(async () => {
        await checkpointer?.close();
        db.close(); // checkpoints what is left
      }),
  };
}
