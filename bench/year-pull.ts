/**
 * `year.initialPull.ms` and `.wireKB`: a new tablet joining in June. A fresh browser with a persistent
 * profile (IndexedDB on disk) opens the app (which loads its starter content and demo class, as on any
 * first run), goes to Settings and signs in with the teacher's account; the time runs from the tap on
 * "Sign in" to the header saying "Synced": every record pulled and stored (photos and audio stay on the
 * server until they are opened, bar the few the first round fetches). Then the records on the tablet are
 * checked against the year exactly: every table holds the year's records, the starter content and the demo
 * class, and nothing else, so a short pull cannot pass. Wire bytes: every pull page compressed as the
 * browser asks for it.
 */
import { literacyFramework, selFramework } from '#content/index.ts';
import { SYNCED_TABLES, type SyncedTable } from '#protocol';
import { yearRows } from '#tests/helpers/year-class/index.ts';
import type { Page } from 'playwright-core';
import { compressedPullBytes } from './sync-pull-bench.ts';
import { openProfile } from './year-browser.ts';
import { YEAR_EMAIL, YEAR_PASSWORD, type YearServer } from './year-server.ts';

export interface PullRun {
  readonly ms: number;
  /** The profile the run left behind (IndexedDB on disk), for the screen benchmarks. */
  readonly profile: string;
  readonly records: number;
}

/** One new tablet: a fresh profile (`profile`, an empty directory), first run, sign in, everything pulled and checked. */
export async function pullYear(server: Pick<YearServer, 'base' | 'year'>, profile: string): Promise<PullRun> {
  const { context, page } = await openProfile(profile);
  try {
    await page.goto(`${server.base}/`);
    // First run done: the demo class is on the class page.
    await page.getByRole('list', { name: 'Students' }).getByRole('link').nth(7).waitFor({ timeout: 60_000 });
    const before = await keysByTable(page);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Email').fill(YEAR_EMAIL);
    await page.getByLabel('Password').fill(YEAR_PASSWORD);
    const started = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByTestId('sync-status')
      .getByText(/^Synced/)
      .waitFor({ timeout: 300_000 });
    const ms = Date.now() - started;
    const records = checkExactly(server, before, await keysByTable(page));
    return { ms, profile, records };
  } finally {
    await context.close();
  }
}

export function pullWireKB(server: YearServer): Promise<number> {
  return compressedPullBytes(server.base, YEAR_EMAIL, YEAR_PASSWORD).then((bytes) => bytes / 1024);
}

/** The primary keys of every synced table on the tablet. */
export async function keysByTable(page: Page): Promise<Record<SyncedTable, string[]>> {
  return page.evaluate(
    (tables) =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const open = indexedDB.open('waypoint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(tables, 'readonly');
          const out: Record<string, string[]> = {};
          for (const table of tables) {
            const request = tx.objectStore(table).getAllKeys();
            request.onsuccess = () => (out[table] = request.result as string[]);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
    [...SYNCED_TABLES],
  ) as Promise<Record<SyncedTable, string[]>>;
}

/**
 * Every table now holds what it held before the sign-in (starter content, demo class), the year's records,
 * and the school and teacher the server made at sign-up: no more, no less. Answers the year's record count.
 */
export function checkExactly(
  server: Pick<YearServer, 'year'>,
  before: Record<SyncedTable, string[]>,
  after: Record<SyncedTable, string[]>,
): number {
  const rows = yearRows(server.year);
  const made = { schools: [server.year.options.schoolId], teachers: [server.year.options.teacherId] };
  const starter = new Set(
    [literacyFramework, selFramework].flatMap((f) => [
      f.framework.id,
      ...f.targets.map((t) => t.id),
      ...f.itemSets.map((s) => s.id),
    ]),
  );
  let records = 0;
  for (const table of SYNCED_TABLES) {
    const year = [...(rows.get(table)?.keys() ?? [])];
    records += year.length;
    const expected = new Set([...before[table], ...year, ...((made as Record<string, string[]>)[table] ?? [])]);
    const actual = new Set(after[table]);
    const missing = [...expected].filter((id) => !actual.has(id));
    const extra = [...actual].filter((id) => !expected.has(id));
    if (missing.length > 0 || extra.length > 0)
      throw new Error(`${table}: ${missing.length} records missing, ${extra.length} unexpected after the pull`);
    // Only the year's own records (a starter target the teacher edited is in both) count as pulled.
    for (const id of year) if (starter.has(id)) records -= 1;
  }
  return records;
}
