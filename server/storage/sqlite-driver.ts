import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Mutex, type SqlDriver, type SqlExecutor, type SqlRow, type SqlValue } from './driver.ts';

/** better-sqlite3 over one file in WAL mode. Every call goes through one mutex: see Mutex. */
export function openSqliteDriver(file: string): SqlDriver {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const mutex = new Mutex();
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
  };

  return {
    kind: 'sqlite',
    all: (sql, params) => mutex.lock(() => executor.all(sql, params)),
    run: (sql, params) => mutex.lock(() => executor.run(sql, params)),
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
          db.exec('COMMIT');
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
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      mutex.lock(() => {
        db.close();
        return Promise.resolve();
      }),
  };
}
