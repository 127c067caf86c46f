import { createHash } from 'node:crypto';
import pg from 'pg';
import { runManyMultiRow, type SqlDriver, type SqlExecutor, type SqlRow, type SqlValue } from './driver.ts';

/**
 * Arbitrary constants naming our advisory locks. Pushes lock per school with the two-key form
 * (PUSH_LOCK_CLASS, a 32-bit hash of the school id): two schools whose ids share a hash merely queue
 * together. (Before per-school locks every push took the one-key lock 7_140_251.)
 */
const PUSH_LOCK_CLASS = 7_140_253;
const MIGRATE_LOCK_KEY = 7_140_252;

/** A school id as a signed 32-bit lock key. */
export function lockKeyHash(key: string): number {
  return createHash('sha256').update(key).digest().readInt32BE(0);
}

/** Rewrites `?` placeholders to `$n`. Our SQL never contains a literal question mark. */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// BIGINT (sequence numbers, sizes) arrive as strings by default; ours stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

function executorFor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  const run = async (sql: string, params: readonly SqlValue[] = []) =>
    (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rowCount ?? 0;
  return {
    all: async (sql, params = []) => (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rows as SqlRow[],
    run,
    runMany: (head, width, rows, tail) => runManyMultiRow(run, head, width, rows, tail),
  };
}

export function openPostgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client's connection error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const poolExecutor = executorFor(pool);
  return {
    kind: 'postgres',
    ...poolExecutor,
    // Several server processes may start at once over one database: migrate one at a time.
    migrationTransaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK_KEY]);
        const result = await fn({
          ...executorFor(client),
          exec: async (script) => void (await client.query(script)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    transaction: async (fn, lockKey) => {
      const client = await pool.connect();
      try {
        // One round trip for both: the lock's keys are integers we compute, never text from a client.
        await client.query(
          lockKey === null
            ? 'BEGIN'
            : `BEGIN; SELECT pg_advisory_xact_lock(${PUSH_LOCK_CLASS}, ${lockKeyHash(lockKey)})`,
        );
        const result = await fn(executorFor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
