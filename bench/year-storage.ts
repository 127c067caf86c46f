/**
 * `year.indexedDbMB` and `year.indexedDbRatio`: what a year of records takes on a tablet's disk. A new
 * tablet on a fresh persistent profile (IndexedDB on disk, as on a tablet) pulls the year as in
 * year-pull.ts, with photos and audio left on the server (their downloads answered "not found", so the
 * disk holds records only). The browser is closed, then opened on the profile once more so Chromium's
 * store replays its write-ahead log into compressed tables, and closed again; the figure is the size of
 * the files in the origin's IndexedDB folder (what the quota manager also counts: its usage figure reads
 * the same files, but is cached and rounded). The ratio divides it by the same records as JSON: each
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
import { serveYear, YEAR_EMAIL, YEAR_PASSWORD, type YearServer } from './year-server.ts';

/** Keys of a stored row that are sync metadata, in either stored form; everything else is the record. */
const META_KEYS = ['_hlc', STORED_STAMPS_KEY];

interface RecordBytes {
  readonly records: number;
  /** UTF-8 bytes of every synced record as JSON (id and fields, no sync metadata). */
  readonly json: number;
  /** The quota manager's IndexedDB usage, for comparison. */
  readonly estimate: number;
}

export async function benchYearStorage(server: YearServer): Promise<Record<string, Metric>> {
  const profile = mkdtempSync(join(tmpdir(), 'waypoint-year-storage-'));
  try {
    const pulled = await pullRecordsOnly(server, profile);
    await reopen(server, profile);
    const bytes = originIndexedDbBytes(profile);
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
    return {
      'year.indexedDbMB': {
        value: round2(mb),
        unit: 'MB',
        detail: `the origin's IndexedDB files on a persistent profile after the pull (${pulled.records} synced records: the year, starter content and the demo class; no media), the browser closed and the store reopened once; the quota manager said ${round2(pulled.estimate / 1e6)} MB`,
      },
      'year.indexedDbRatio': {
        value: round2(ratio),
        unit: 'x',
        detail: `${round2(mb)} MB on disk ÷ ${round2(pulled.json / 1e6)} MB of the same records as JSON (id and fields, no sync metadata); the year's records alone are ${round2(yearJson / 1e6)} MB as JSON, ${round2(yearJsonWithStamps / 1e6)} MB with a stamp per field`,
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
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Email').fill(YEAR_EMAIL);
    await page.getByLabel('Password').fill(YEAR_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByTestId('sync-status')
      .getByText(/^Synced/)
      .waitFor({ timeout: 300_000 });
    return await recordBytes(page);
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

/** Counts and JSON bytes of every synced record, read from IndexedDB in the page. */
function recordBytes(page: Page): Promise<RecordBytes> {
  return page.evaluate(
    ([tables, meta]) =>
      new Promise<RecordBytes>((resolve, reject) => {
        const open = indexedDB.open('waypoint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(tables, 'readonly');
          const encoder = new TextEncoder();
          let records = 0;
          let json = 0;
          for (const table of tables) {
            const request = tx.objectStore(table).getAll();
            request.onsuccess = () => {
              for (const row of request.result as Record<string, unknown>[]) {
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
              resolve({ records, json, estimate: details?.indexedDB ?? estimate.usage ?? 0 });
            });
          };
        };
      }),
    [[...SYNCED_TABLES], META_KEYS] as const,
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
