/**
 * `year.backup.peakHeapMB`: the most memory the page's JavaScript holds (V8 heap in use plus the ArrayBuffer
 * backing stores it keeps, from the DevTools Protocol's Runtime.getHeapUsage, sampled every 50 ms) while the
 * app saves a full backup with media, from the Backup page's button to the downloaded file, of a school
 * year of one class: 25 children, 50,000 pieces of evidence, and photos and voice clips on the tablet.
 * IndexedDB is on disk (a persistent browser profile). Records are made as the app makes them: UUID v7 ids,
 * a UUID device id in every clock stamp, a stamp per field. The media bytes are pseudo-random (they do not
 * compress, like JPEG and audio) and their ids their real SHA-256. Before the backup is timed the page is
 * reloaded, so the heap holds only what the app itself keeps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startAppServer } from './chromium.ts';
import type { Metric } from './metric.ts';

export const YEAR_STUDENTS = 25;
export const YEAR_EVIDENCE = 50_000;
export const YEAR_PHOTOS = 1_600;
export const YEAR_PHOTO_KB = 180;
export const YEAR_CLIPS = 400;
export const YEAR_CLIP_KB = 320;

export async function benchYearBackupPeakHeap(): Promise<Metric> {
  const server = await startAppServer();
  const profile = mkdtempSync(join(tmpdir(), 'waypoint-bench-year-backup-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.base}/backup`);
    await page.getByRole('button', { name: 'Save a backup file' }).waitFor();
    const seeded = (await page.evaluate(
      `${SEED_YEAR_SCRIPT}(${JSON.stringify({
        students: YEAR_STUDENTS,
        evidence: YEAR_EVIDENCE,
        media: [
          { count: YEAR_PHOTOS, bytes: YEAR_PHOTO_KB * 1024, mime: 'image/jpeg' },
          { count: YEAR_CLIPS, bytes: YEAR_CLIP_KB * 1024, mime: 'audio/webm' },
        ],
      })})`,
      { timeout: 600_000 },
    )) as { records: number; files: number; mediaMB: number };
    await page.reload();
    await page.getByRole('button', { name: 'Save a backup file' }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const sample = async () => {
      const usage = (await cdp.send('Runtime.getHeapUsage')) as {
        usedSize: number;
        backingStorageSize?: number;
      };
      return usage.usedSize + (usage.backingStorageSize ?? 0);
    };
    const atRest = await sample();
    let peak = atRest;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await sample());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const download = page.waitForEvent('download', { timeout: 600_000 });
    await page.getByRole('button', { name: 'Save a backup file' }).click();
    const file = await download;
    await page.getByText(/^Backup saved:/).waitFor({ timeout: 600_000 });
    sampling = false;
    await sampler;
    const path = await file.path();
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return {
      value: mb(peak),
      unit: 'MB',
      detail: `${seeded.records} records and ${seeded.files} files (${seeded.mediaMB} MB of media) in IndexedDB on disk; a ${mb(size)} MB backup file; ${mb(atRest)} MB before the backup`,
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * In-page: writes a school year of one class into the app's IndexedDB, in batches, as the write funnel
 * stores records. Plain JavaScript in a string: tsx would wrap named functions in a helper the page lacks.
 */
const SEED_YEAR_SCRIPT = `(async ({ students, evidence, media }) => {
  const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  const uuidv7 = (ms) => {
    const b = crypto.getRandomValues(new Uint8Array(16));
    for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = hex(b);
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  };
  const devices = [0, 1, 2, 3].map(() => crypto.randomUUID());
  let counter = 0;
  const start = Date.UTC(2026, 7, 24, 8);
  const hlc = (ms, device) => String(ms).padStart(13, '0') + '-' + String(counter++ % 1000000).padStart(6, '0') + '-' + device;
  const stamped = (fields, ms, device) => {
    const stamp = hlc(ms, device);
    return { ...fields, _hlc: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp])) };
  };
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('waypoint');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const put = (store, rows) => new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    for (const row of rows) tx.objectStore(store).put(row);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const teacher = { kind: 'teacher', id: uuidv7(start) };
  const classId = uuidv7(start);
  await put('schools', [stamped({ id: 'bench-year-school', name: 'Bench school', scale: { levels: [0, 1, 2, 3, 4].map((value) => ({ value, label: String(value) })), masteryLevel: 3 } }, start, devices[0])]);
  await put('classes', [stamped({ id: classId, schoolId: 'bench-year-school', name: 'Kindergarten year', teacherIds: [], templateTargetIds: [], language: 'en', schoolYear: '2026–2027' }, start, devices[0])]);
  const kids = Array.from({ length: students }, (_, i) => uuidv7(start + i));
  await put('students', kids.map((id, i) => stamped({ id, classId, displayName: 'Child ' + (i + 1), picture: 'star', familyLanguage: i % 3 ? 'en' : 'es', archived: false }, start + i, devices[0])));
  let mediaBytes = 0;
  const blobIds = [];
  for (const kind of media) {
    for (let n = 0; n < kind.count; n += 20) {
      const rows = [];
      for (let j = n; j < Math.min(kind.count, n + 20); j++) {
        const bytes = new Uint8Array(kind.bytes);
        for (let k = 0; k < bytes.length; k += 65536) crypto.getRandomValues(bytes.subarray(k, k + 65536));
        const id = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
        const made = new Date(start + j * 3600000).toISOString();
        rows.push({ id, mime: kind.mime, size: bytes.length, bytes: bytes.buffer, createdAt: made, uploadedAt: made });
        blobIds.push(id);
        mediaBytes += bytes.length;
      }
      await put('blobs', rows);
    }
  }
  const kinds = ['observation', 'check', 'workSample', 'selfAssessment', 'conferenceNote'];
  for (let n = 0; n < evidence; n += 2000) {
    const rows = [];
    for (let i = n; i < Math.min(evidence, n + 2000); i++) {
      const ms = start + Math.floor((i / evidence) * 180 * 86400000);
      const fields = {
        id: uuidv7(ms),
        studentId: kids[i % students],
        targetIds: ['bench-target-' + (i % 220)],
        kind: kinds[i % kinds.length],
        observedAt: new Date(ms).toISOString(),
        recordedAt: new Date(ms + 1000).toISOString(),
        recordedBy: teacher,
        level: i % 5,
        note: i % 4 === 0 ? 'Said the sounds of the letters on the card, then blended them.' : undefined,
        blobIds: i < blobIds.length ? [blobIds[i]] : undefined,
      };
      for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
      rows.push(stamped(fields, ms, devices[i % devices.length]));
    }
    await put('evidence', rows);
  }
  db.close();
  return { records: 2 + students + evidence, files: blobIds.length, mediaMB: Math.round(mediaBytes / 1048576) };
})`;
