/**
 * How much memory reading a year-sized backup takes (issue 17), outside `npm run bench`: writes a backup
 * file of a year's shape (50,000 evidence rows and 1,400 attachments of 400 KB: some 800 MB, more text
 * than one JavaScript string may hold), then reads and checks it the way restore does, a megabyte at a
 * time, and prints the peak of the JavaScript heap. Run:
 *   node --expose-gc --import tsx scripts/restore-heap.ts [file]   (the file goes to $TMPDIR otherwise)
 */
import { openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBackupFile } from '../src/db/backup-read.ts';
import { writeYearBackupFile } from './year-backup-file.ts';

const ROWS = 50_000;
const BLOBS = 1_400;
const BLOB_BYTES = 400_000;
const MB = 1024 * 1024;
const path = process.argv[2] ?? join(tmpdir(), `waypoint-year-backup-${process.pid}.json`);

const made = !process.argv[2];
if (made)
  await writeYearBackupFile(path, { rows: ROWS, media: [{ count: BLOBS, bytes: BLOB_BYTES, mime: 'image/webp' }] });
const size = statSync(path).size;
global.gc?.();
const base = process.memoryUsage().heapUsed;
let peak = base;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
};
const timer = setInterval(sample, 5);
let files = 0;
const started = Date.now();
const checked = await readBackupFile(await openAsBlob(path), async () => {
  files += 1;
  sample();
});
clearInterval(timer);
sample();
console.log(
  JSON.stringify({
    fileMB: +(size / MB).toFixed(1),
    rows: checked.tables.evidence.length,
    files,
    heapBeforeMB: +(base / MB).toFixed(1),
    peakHeapMB: +(peak / MB).toFixed(1),
    seconds: +((Date.now() - started) / 1000).toFixed(1),
    maxStringMB: +((2 ** 29 - 24) / MB).toFixed(1),
  }),
);
if (made) rmSync(path);
