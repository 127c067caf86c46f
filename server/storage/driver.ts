/**
 * The little a SQL database must offer for sql-storage.ts. Queries are written once with `?`
 * placeholders; the PostgreSQL driver rewrites them to `$1, $2, …`.
 */
export type SqlValue = string | number | null | Buffer;
export type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * `${head} VALUES (?, …) ${tail}` for each row of `width` values (`head` is `INSERT INTO t (a, b, …)`):
   * PostgreSQL sends all rows as one JSON parameter of a statement it prepares once (postgres-driver.ts);
   * SQLite runs one prepared single-row statement per row (no round trips to save; many-row statements
   * measured no faster, the B-trees are the cost).
   */
  runMany(head: string, width: number, rows: readonly SqlValue[][], tail?: string): Promise<void>;
  /**
   * PostgreSQL only: a statement in its own syntax (`$1`, …) that each connection prepares once under
   * `name`, for the push's two fixed statements (postgres-slice.ts, whose rows travel as JSON arrays).
   */
  readonly prepared?: (name: string, sql: string, params: readonly SqlValue[]) => Promise<SqlRow[]>;
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** The SQL of a statement inserting `rows` rows of `width` values. */
export function valuesSql(head: string, width: number, rows: number, tail = ''): string {
  const row = `(${marks(width)})`;
  return `${head} VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${tail}`;
}

/** runMany as multi-row statements: 400 rows × at most 12 values stays far below parameter limits. */
export async function runManyMultiRow(
  run: (sql: string, params: readonly SqlValue[]) => Promise<number>,
  head: string,
  width: number,
  rows: readonly SqlValue[][],
  tail = '',
): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    const part = rows.slice(i, i + 400);
    await run(valuesSql(head, width, part.length, tail), part.flat());
  }
}

/** Inside a migration: statements with parameters, and scripts of several statements without. */
export interface MigrationExecutor extends SqlExecutor {
  exec(script: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * One transaction that no other migration of any server process runs beside (PostgreSQL: an advisory
   * lock; SQLite: BEGIN IMMEDIATE), so several processes starting at once apply each migration once.
   */
  migrationTransaction<T>(fn: (tx: MigrationExecutor) => Promise<T>): Promise<T>;
  /**
   * One transaction. With a `lockKey` (a school's id), writers with the same key queue behind one another
   * across every server process (PostgreSQL: an advisory lock per key; SQLite has one writer anyway), so
   * one school's change-log rows become visible in the order of their sequence numbers and a puller of
   * that school never skips a row committed late with a smaller number. Other keys do not wait.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, lockKey: string | null): Promise<T>;
  close(): Promise<void>;
}

/** Serializes async work on one connection (better-sqlite3 has one, and awaits would interleave). */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async lock<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
