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

/** `INSERT INTO table (a, b, …)`: the statement heads runMany is given. */
const INSERT_HEAD = /^\s*INSERT INTO (\w+) \(([\w\s,]+)\)\s*$/;

/** Column types per table (`text`, `integer`, …), read from the catalog once per process. */
type ColumnTypes = Map<string, Map<string, string>>;

async function columnTypesOf(
  client: pg.Pool | pg.PoolClient,
  cache: ColumnTypes,
  table: string,
  columns: readonly string[],
): Promise<Map<string, string>> {
  const known = cache.get(table);
  if (known && columns.every((c) => known.has(c))) return known;
  const result = await client.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [table],
  );
  const types = new Map(result.rows.map((r) => [r.name, r.type]));
  cache.set(table, types);
  return types;
}

/**
 * runMany as one statement of fixed text per head: the rows travel as one JSON parameter, unpacked by
 * jsonb_array_elements in order. A multi-row VALUES of 200 rows × 12 values is 2,400 parameters that pg
 * serializes one by one and PostgreSQL parses and plans anew each time; this is one string, built by
 * JSON.stringify, and a statement each connection prepares once. Rows holding bytes fall back to VALUES.
 */
async function runManyJson(
  client: pg.Pool | pg.PoolClient,
  cache: ColumnTypes,
  head: string,
  width: number,
  rows: readonly SqlValue[][],
  tail = '',
): Promise<void> {
  const parsed = INSERT_HEAD.exec(head);
  if (rows.length === 0) return;
  if (!parsed || rows.some((row) => row.some((v) => Buffer.isBuffer(v)))) {
    const run = async (sql: string, params: readonly SqlValue[]) =>
      (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rowCount ?? 0;
    return runManyMultiRow(run, head, width, rows, tail);
  }
  const [, table, list] = parsed as unknown as [string, string, string];
  const columns = list.split(',').map((c) => c.trim());
  const types = await columnTypesOf(client, cache, table, columns);
  const values = columns.map((c, i) => {
    const type = types.get(c);
    if (!type) throw new Error(`runMany: ${table} has no column ${c}`);
    return `(r->>${i})::${type}`;
  });
  const text = `${head} SELECT ${values.join(', ')} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, n) ORDER BY n ${tail}`;
  const name = `wp_many_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  await client.query({ name, text, values: [JSON.stringify(rows)] });
}

function executorFor(client: pg.Pool | pg.PoolClient, types: ColumnTypes): SqlExecutor {
  const run = async (sql: string, params: readonly SqlValue[] = []) =>
    (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rowCount ?? 0;
  return {
    all: async (sql, params = []) => (await client.query(toPgPlaceholders(sql), params as SqlValue[])).rows as SqlRow[],
    run,
    runMany: (head, width, rows, tail) => runManyJson(client, types, head, width, rows, tail),
    prepared: async (name, text, values) => (await client.query({ name, text, values: values as SqlValue[] })).rows,
  };
}

export function openPostgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client's connection error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const types: ColumnTypes = new Map();
  const poolExecutor = executorFor(pool, types);
  return {
    kind: 'postgres',
    ...poolExecutor,
    // Several server processes may start at once over one database: migrate one at a time.
    migrationTransaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK_KEY]);
        types.clear(); // a migration may change a table's columns
        const result = await fn({
          ...executorFor(client, types),
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
        const result = await fn(executorFor(client, types));
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
