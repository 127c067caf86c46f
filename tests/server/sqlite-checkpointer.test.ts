/**
 * SQLite's write-ahead log is copied back into the database file by the checkpointing worker, not inside
 * a push's COMMIT: the server's own connection checkpoints only past FALLBACK_AUTOCHECKPOINT_PAGES, far
 * beyond what these writes make, so the file grows only if the worker checkpointed.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSqliteDriver } from '#server/storage/sqlite-driver.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

it('moves committed writes into the database file from the worker, and leaves the log empty on close', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-checkpoint-'));
  dirs.push(dir);
  const file = join(dir, 'w.sqlite');
  const db = openSqliteDriver(file);
  await db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const before = statSync(file).size;
  await db.transaction(
    (tx) =>
      tx.runMany(
        'INSERT INTO t (id, body)',
        2,
        Array.from({ length: 500 }, (_, i) => [i, 'x'.repeat(200)]),
      ),
    null,
  );
  // 500 rows of 200 bytes is about 30 pages: far below the fallback, so only the worker copies them.
  await until(() => statSync(file).size > before + 100_000);
  expect((await db.all('SELECT count(*) AS n FROM t'))[0]?.n).toBe(500);
  await db.close();
  expect(statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
});
