/**
 * runMany, the drivers' many-row INSERT (PostgreSQL sends the rows as one JSON parameter of a prepared
 * statement): every value arrives as written, in the rows' order, nulls stay null, numbers stay numbers,
 * an ON CONFLICT tail applies, and rows holding bytes still insert. On both databases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SqlDriver, SqlValue } from '#server/storage/driver.ts';
import { emptyDatabase, storageKinds, type EmptyDatabase } from './helpers/databases.ts';

const { kinds } = await storageKinds();

const TRICKY = [
  'plain',
  'quote " and \\ backslash',
  '{"json":"as text","n":[1,2]}',
  'ünï ✓ 🦊',
  'line\u2028sep',
  "it's",
  '',
];

describe.each(kinds)('runMany on %s', (kind) => {
  let db: EmptyDatabase | undefined;
  let driver: SqlDriver | undefined;
  afterEach(async () => {
    await driver?.close();
    await db?.dispose();
  });

  const open = async (): Promise<SqlDriver> => {
    db = await emptyDatabase(kind);
    driver = db.driver();
    const serial = kind === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
    await driver.run(`CREATE TABLE t (seq ${serial}, k TEXT NOT NULL UNIQUE, body TEXT, n INTEGER, big BIGINT)`);
    return driver;
  };

  it('inserts every value as written, in order, and applies an ON CONFLICT tail', async () => {
    const d = await open();
    const rows: SqlValue[][] = Array.from({ length: 450 }, (_, i) => [
      `k-${String(i).padStart(3, '0')}`,
      i % 9 === 8 ? null : `${TRICKY[i % TRICKY.length]!} ${i}`,
      i % 5 === 4 ? null : i - 200,
      2 ** 40 + i,
    ]);
    await d.transaction((tx) => tx.runMany('INSERT INTO t (k, body, n, big)', 4, rows), null);
    const back = await d.all('SELECT seq, k, body, n, big FROM t ORDER BY seq');
    expect(back.map((r) => [r.k, r.body, r.n === null ? null : Number(r.n), Number(r.big)])).toEqual(rows);
    expect(back.map((r) => r.k)).toEqual(rows.map((r) => r[0]));

    await d.transaction(
      (tx) =>
        tx.runMany(
          'INSERT INTO t (k, body, n, big)',
          4,
          [
            ['k-000', 'changed', 1, 1],
            ['k-new', 'new', 2, 2],
          ],
          'ON CONFLICT (k) DO UPDATE SET body = excluded.body',
        ),
      null,
    );
    const after = await d.all("SELECT k, body, n FROM t WHERE k IN ('k-000', 'k-new') ORDER BY k");
    expect(after.map((r) => [r.k, r.body, Number(r.n)])).toEqual([
      ['k-000', 'changed', -200],
      ['k-new', 'new', 2],
    ]);
  });

  it('inserts rows holding bytes', async () => {
    const d = await open();
    await d.run(`CREATE TABLE b (k TEXT PRIMARY KEY, bytes ${kind === 'sqlite' ? 'BLOB' : 'BYTEA'} NOT NULL)`);
    await d.runMany('INSERT INTO b (k, bytes)', 2, [
      ['a', Buffer.from([0, 1, 2, 255])],
      ['b', Buffer.from('x')],
    ]);
    const back = await d.all('SELECT k, bytes FROM b ORDER BY k');
    expect(back.map((r) => [r.k, Buffer.from(r.bytes as Uint8Array).toString('hex')])).toEqual([
      ['a', '000102ff'],
      ['b', '78'],
    ]);
  });
});
