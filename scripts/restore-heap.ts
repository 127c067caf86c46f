/**
 * How much memory reading a year-sized backup takes (issue 17), outside `npm run bench`: writes a backup
 * file of a year's shape (50,000 evidence rows and 1,400 attachments of 400 KB: some 800 MB, more text
 * than one JavaScript string may hold), then reads and checks it the way restore does, a megabyte at a
 * time, and prints the peak of the JavaScript heap. Run:
 *   node --expose-gc --import tsx scripts/restore-heap.ts [file]   (the file goes to $TMPDIR otherwise)
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBackupFile } from '../src/db/backup-read.ts';

const ROWS = 50_000;
const BLOBS = 1_400;
const BLOB_BYTES = 400_000;
const MB = 1024 * 1024;
const path = process.argv[2] ?? join(tmpdir(), `waypoint-year-backup-${process.pid}.json`);

const stamp = (n: number) => `${1_790_000_000_000 + n * 60_000}-000000-0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6`;

async function writeYearBackup(): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> =>
    out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
  const head = {
    format: 'waypoint-backup',
    formatVersion: 1,
    createdAt: '2027-06-20T15:00:00.000Z',
    deviceId: 'd',
    schemaVersion: 1,
  };
  await write(`${JSON.stringify(head).slice(0, -1)},"tables":{"evidence":[`);
  for (let i = 0; i < ROWS; i++) {
    const row = {
      id: `0192f3a4-5b6c-7d8e-9fa0-${String(i).padStart(12, '0')}`,
      studentId: `0192f3a4-0000-7000-8000-${String(i % 25).padStart(12, '0')}`,
      targetIds: ['rf-k-1'],
      kind: 'observation',
      level: i % 4,
      note: `Observed at the reading table, day ${i % 180}`,
      observedAt: '2026-10-05T09:00:00.000Z',
      recordedAt: '2026-10-05T09:00:00.000Z',
      recordedBy: { kind: 'teacher', id: '0192f3a4-1111-7000-8000-000000000001' },
      _hlc: Object.fromEntries(
        ['studentId', 'targetIds', 'kind', 'level', 'note', 'observedAt', 'recordedAt', 'recordedBy'].map((f) => [
          f,
          stamp(i),
        ]),
      ),
    };
    await write(`${i > 0 ? ',' : ''}${JSON.stringify(row)}`);
  }
  await write('],"students":[]},"outbox":[],"drafts":[],"settings":[],"blobs":[');
  for (let i = 0; i < BLOBS; i++) {
    const bytes = randomBytes(BLOB_BYTES);
    const blob = {
      id: createHash('sha256').update(bytes).digest('hex'),
      mime: 'image/webp',
      size: BLOB_BYTES,
      createdAt: '2026-10-05T09:00:00.000Z',
      base64: bytes.toString('base64'),
    };
    await write(`${i > 0 ? ',' : ''}${JSON.stringify(blob)}`);
  }
  await write(']}');
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const made = !process.argv[2];
if (made) await writeYearBackup();
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
