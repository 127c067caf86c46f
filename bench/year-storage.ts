/**
 * `year.indexedDbMB` and `year.indexedDbRatio`: what a year of records takes on a tablet's disk. A new
 * tablet on a fresh persistent profile (IndexedDB on disk, as on a tablet) pulls the year as in
 * year-pull.ts, with photos and audio left on the server (their downloads answered "not found", so the
 * disk holds records only), and the records on the tablet are checked one by one against the year. The
 * browser is closed, then opened on the profile again (Chromium's store replays its write-ahead log into
 * compressed tables and compacts) until the size stops changing; the figure is the size of the files in
 * the origin's IndexedDB folder (what the quota manager also counts: its usage figure reads the same
 * files, but is cached and rounded). The ratio divides it by the same records as JSON: each
 * record's id and fields, without sync metadata, as a document store would hold the data.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYNCED_TABLES } from '#protocol';
import { STORED_STAMPS_KEY } from '#db/stored-stamps.ts';
import { yearRows, type YearOptions } from '#tests/helpers/year-class/index.ts';
import type { BrowserContext, Page } from 'playwright-core';
import type { Metric } from './metric.ts';
import { openProfile } from './year-browser.ts';
import { checkExactly, keysByTable } from './year-pull.ts';
import { serveYear, YEAR_EMAIL, YEAR_PASSWORD, type YearServer } from './year-server.ts';

/** Keys of a stored row that are sync metadata, in either stored form; everything else is the record. */
const META_KEYS = ['_hlc', STORED_STAMPS_KEY];

interface RecordBytes {
  readonly records: number;
  /** The year's records among them, checked one by one against the year. */
  readonly yearRecords: number;
  /** UTF-8 bytes of the device's own tables as JSON (summaries, outbox, settings), for the detail line. */
  readonly localJson: number;
  /** UTF-8 bytes of every synced record as JSON (id and fields, no sync metadata). */
  readonly json: number;
  /** The quota manager's IndexedDB usage, for comparison. */
  readonly estimate: number;
}

export async function benchYearStorage(server: YearServer): Promise<Record<string, Metric>> {
  const profile = mkdtempSync(join(tmpdir(), 'waypoint-year-storage-'));
  try {
    const pulled = await pullRecordsOnly(server, profile);
    // LevelDB writes to a log, then into compressed tables, and compacts away overwritten rows and index
    // entries in the background: reopen until two reopenings measure the same (within 1 %).
    const sizes = [originIndexedDbBytes(profile)];
    do {
      await reopen(server, profile);
      sizes.push(originIndexedDbBytes(profile));
    } while (sizes.length < 5 && Math.abs(sizes.at(-1)! - sizes.at(-2)!) > sizes.at(-1)! / 100);
    const bytes = sizes.at(-1)!;
    const year = yearRows(server.year);
    let yearJson = 0;
    let yearJsonWithStamps = 0;
    for (const rows of year.values())
      for (const row of rows.values()) {
        yearJsonWithStamps += Buffer.byteLength(JSON.stringify(row));
        const { _hlc: _stamps, ...fields } = row;
        yearJson += Buffer.byteLength(JSON.stringify(fields));
      }
    const mb = bytes / 1e6;
    const ratio = bytes / pulled.json;
    const settling = sizes.map((b) => round2(b / 1e6)).join(' → ');
    return {
      'year.indexedDbMB': {
        value: round2(mb),
        unit: 'MB',
        detail: `the origin's IndexedDB files on a persistent profile after the pull (${pulled.records} synced records: the ${pulled.yearRecords} of the year checked exactly, starter content and the demo class; no media), the browser closed and reopened until the size settled (${settling} MB); the quota manager said ${round2(pulled.estimate / 1e6)} MB`,
      },
      'year.indexedDbRatio': {
        value: round2(ratio),
        unit: 'x',
        detail: `${round2(mb)} MB on disk (records, their indexes and the device's own tables: summaries, outbox, settings, ${round2(pulled.localJson / 1e6)} MB as JSON) ÷ ${round2(pulled.json / 1e6)} MB of the synced records as JSON (id and fields, no sync metadata); the year's records alone are ${round2(yearJson / 1e6)} MB as JSON, ${round2(yearJsonWithStamps / 1e6)} MB with a stamp per field`,
      },
    };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Photos and audio stay on the server: the tablet is told they are not there, and syncs without them. */
async function withoutMedia(context: BrowserContext): Promise<void> {
  await context.route('**/api/v1/blobs/**', (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({
          status: 404,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'notFound', message: 'Not on this bench' } }),
        })
      : route.continue(),
  );
}

async function pullRecordsOnly(server: YearServer, profile: string): Promise<RecordBytes> {
  const { context, page } = await openProfile(profile);
  try {
    await withoutMedia(context);
    await page.goto(`${server.base}/`);
    await page.getByRole('list', { name: 'Students' }).getByRole('link').nth(7).waitFor({ timeout: 60_000 });
    const before = await keysByTable(page);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Email').fill(YEAR_EMAIL);
    await page.getByLabel('Password').fill(YEAR_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // This bench measures bytes, not time: a busy machine may take long.
    await page
      .getByTestId('sync-status')
      .getByText(/^Synced/)
      .waitFor({ timeout: 900_000 });
    // Exactly the year, the starter content and the demo class, or the figure means nothing.
    const yearRecords = checkExactly(server, before, await keysByTable(page));
    return { ...(await recordBytes(page)), yearRecords };
  } finally {
    await context.close();
  }
}

/** Opens the app on the profile once more (the store replays its log), then closes the browser. */
async function reopen(server: YearServer, profile: string): Promise<void> {
  const { context, page } = await openProfile(profile);
  try {
    await withoutMedia(context);
    await page.goto(`${server.base}/`);
    await page
      .getByTestId('sync-status')
      .getByText(/^Synced/)
      .waitFor({ timeout: 120_000 });
  } finally {
    await context.close();
  }
}

/** Counts and JSON bytes of every synced record, and of the device's own tables, read from IndexedDB in the page. */
function recordBytes(page: Page): Promise<Omit<RecordBytes, 'yearRecords'>> {
  return page.evaluate(
    ([synced, meta]) =>
      new Promise<Omit<RecordBytes, 'yearRecords'>>((resolve, reject) => {
        const open = indexedDB.open('waypoint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tables = [...db.objectStoreNames];
          const tx = db.transaction(tables, 'readonly');
          const encoder = new TextEncoder();
          let records = 0;
          let json = 0;
          let localJson = 0;
          for (const table of tables) {
            const request = tx.objectStore(table).getAll();
            request.onsuccess = () => {
              for (const row of request.result as Record<string, unknown>[]) {
                if (!synced.includes(table)) {
                  localJson += encoder.encode(JSON.stringify(row)).length;
                  continue;
                }
                const fields: Record<string, unknown> = {};
                for (const [key, value] of Object.entries(row)) if (!meta.includes(key)) fields[key] = value;
                records += 1;
                json += encoder.encode(JSON.stringify(fields)).length;
              }
            };
          }
          tx.oncomplete = () => {
            db.close();
            void navigator.storage.estimate().then((estimate) => {
              const details = (estimate as { usageDetails?: { indexedDB?: number } }).usageDetails;
              resolve({ records, json, localJson, estimate: details?.indexedDB ?? estimate.usage ?? 0 });
            });
          };
        };
      }),
    [[...SYNCED_TABLES] as string[], META_KEYS] as const,
  );
}

/** Bytes of every file under the profile's IndexedDB folders (the app's origin is the only one there). */
function originIndexedDbBytes(profile: string): number {
  const root = join(profile, 'Default', 'IndexedDB');
  return folderBytes(root);
}

function folderBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The year on its own server, its media left off (this bench never downloads them). */
export async function benchYearStorageAlone(options: YearOptions = {}): Promise<Record<string, Metric>> {
  const server = await serveYear(options, false);
  try {
    return await benchYearStorage(server);
  } finally {
    await server.close();
  }
}

// Run on its own: `node --import tsx bench/year-storage.ts` (after `npx vite build`); `… small` for a
// smaller year.
if (import.meta.url === `file://${process.argv[1]}`) {
  const small = process.argv[2] === 'small';
  console.log(
    await benchYearStorageAlone(
      small ? { students: 8, days: 40, evidence: 4_000, photos: 80, clips: 60, drawings: 20, mediaScale: 'small' } : {},
    ),
  );
}
