/**
 * How much memory merging another tablet's year backup with media takes in the browser (issue 17), outside
 * `npm run bench`: writes a backup file of a year's shape (50,000 evidence rows, and photos and voice clips
 * as `year.backup.peakHeapMB` seeds them: some 600 MB), opens the Backup page of the built app in a fresh
 * Chromium profile (IndexedDB on disk), merges the file there and prints the peak of the page's memory (V8
 * heap in use plus ArrayBuffer backing stores, sampled every 50 ms, as year-backup-bench.ts measures it).
 * `--dist` serves another build (today's main, say) for a side-by-side run; `--media-share 0.5` halves the
 * media (a file today's merge, which reads it as one string, can still read). Run:
 *   node --import tsx scripts/merge-heap.ts [--dist dist] [--media-share 1] [--file path]
 */
import { rmSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startAppServer } from '../bench/chromium.ts';
import { YEAR_CLIP_KB, YEAR_CLIPS, YEAR_EVIDENCE, YEAR_PHOTO_KB, YEAR_PHOTOS } from '../bench/year-backup-bench.ts';
import { writeYearBackupFile } from './year-backup-file.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    'media-share': { type: 'string', default: '1' },
    file: { type: 'string' },
  },
});
const share = Number(values['media-share']);
const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

const path = values.file ?? join(tmpdir(), `waypoint-year-merge-${process.pid}.json`);
if (!values.file) {
  await writeYearBackupFile(path, {
    rows: YEAR_EVIDENCE,
    media: [
      { count: Math.round(YEAR_PHOTOS * share), bytes: YEAR_PHOTO_KB * 1024, mime: 'image/jpeg' },
      { count: Math.round(YEAR_CLIPS * share), bytes: YEAR_CLIP_KB * 1024, mime: 'audio/webm' },
    ],
  });
}
const server = await startAppServer({ staticDir: values.dist });
const profile = mkdtempSync(join(tmpdir(), 'waypoint-merge-heap-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.base}/backup`);
  const input = page.getByLabel('Choose a backup file to merge');
  await input.waitFor({ state: 'attached' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const sample = async () => {
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return usage.usedSize + (usage.backingStorageSize ?? 0);
  };
  const atRest = await sample();
  let peak = atRest;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await sample().catch(() => peak));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = Date.now();
  await input.setInputFiles(path);
  const panel = page.getByRole('region', { name: 'Merge another tablet’s backup' });
  const outcome = panel.getByText(/^Merged:/).or(panel.getByRole('alert'));
  await outcome.first().waitFor({ timeout: 1_800_000 });
  sampling = false;
  await sampler;
  console.log(
    JSON.stringify({
      dist: values.dist,
      fileMB: mb(statSync(path).size),
      outcome: (await outcome.first().innerText()).slice(0, 160),
      heapAtRestMB: mb(atRest),
      peakHeapMB: mb(peak),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    }),
  );
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  if (!values.file) rmSync(path, { force: true });
}
