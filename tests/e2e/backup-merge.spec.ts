/**
 * Merging another tablet's backup (issue 17), in Debian's Chromium with IndexedDB on disk: the file is read
 * in pieces (checked whole, then merged), a foreign or damaged file is refused with nothing changed, a
 * merge that meets a full disk half-way leaves nothing of itself and says so, the next try is refused
 * before anything is written, and on a tablet with room the child, the evidence and its photo arrive.
 * The tablets never sign in to a server: this is how a class without one gathers its work.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;
/** Chromium's IndexedDB rereads the space left at most every 30 seconds (see quota-capture.spec.ts). */
const BUCKET_SPACE_CACHE_MS = 31_000;
const NOTE = 'Counted to twenty with the beads';

/** A photo of noise (it does not compress, like a real one), as a PNG. */
async function noisyPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 600;
    canvas.height = 450;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(canvas.width, canvas.height);
    let x = 12345;
    for (let i = 0; i < image.data.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      image.data[i] = i % 4 === 3 ? 255 : x >>> 24;
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

/** Every record, change and attachment as stored in IndexedDB: what "nothing was changed" compares. */
function readStored(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const open = indexedDB.open('waypoint');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const out: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames].filter((n) => n !== 'settings')) {
      out[name] = await new Promise<unknown[]>((resolve) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () =>
          resolve(
            (request.result as Record<string, unknown>[]).map((row) =>
              name === 'blobs' ? { id: row['id'], held: row['bytes'] !== undefined } : row,
            ),
          );
      });
    }
    db.close();
    return out;
  });
}

/** Tablet B: a child added by hand and an observation with a photo, saved to a backup file. */
async function otherTabletsBackup(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  await page.goto('/roster');
  await page.getByLabel('New student’s name').fill('Mia Merge');
  await page.getByRole('button', { name: 'Add student' }).click();
  await expect(page.getByText('Mia Merge added, with a picture of their own.')).toBeVisible();
  await page.goto('/class');
  await page.getByRole('list', { name: 'Students' }).getByRole('link').first().click();
  await page.getByRole('link', { name: 'Conference' }).click();
  await page.getByRole('button', { name: 'Observation or work sample' }).first().click();
  const form = page.getByRole('form', { name: 'Observation or work sample' });
  await form.getByRole('radio', { name: /Proficient/ }).click();
  await form.getByLabel('Note').fill(NOTE);
  await form.getByLabel('Take or choose a photo').setInputFiles({
    name: 'beads.png',
    mimeType: 'image/png',
    buffer: await noisyPhoto(page),
  });
  await expect(form.getByText(/Photo ready/)).toBeVisible({ timeout: 30_000 });
  await form.getByRole('button', { name: 'Save evidence' }).click();
  await expect(form.getByText('Evidence saved.')).toBeVisible();
  await page.goto('/backup');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup file' }).click();
  const path = join(mkdtempSync(join(tmpdir(), 'waypoint-merge-')), 'tablet-b.json');
  await (await download).saveAs(path);
  await page.close();
  return path;
}

async function chooseToMerge(page: Page, path: string) {
  await page.getByLabel('Choose a backup file to merge').setInputFiles(path);
}

test('merging another tablet’s backup: refused whole when foreign, damaged or too big; merged with its photo where it fits', async ({
  browser,
}) => {
  // Photos made in the browser on a shared machine, and Chromium's 30-second space cache.
  test.setTimeout(300_000);
  const other = await browser.newContext();
  const file = await otherTabletsBackup(other);
  await other.close();
  const text = readFileSync(file, 'utf8');
  const dir = join(file, '..');
  const foreign = join(dir, 'not-a-backup.json');
  writeFileSync(foreign, JSON.stringify({ format: 'something-else', rows: [1, 2, 3] }));
  const damaged = join(dir, 'damaged.json');
  const at = text.lastIndexOf('"base64":"') + 400;
  writeFileSync(damaged, text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));

  // The teacher's tablet, IndexedDB on disk and the storage to be limited.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'waypoint-merge-quota-')), {
    baseURL: origin,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/class');
    await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);
    await page.getByRole('link', { name: 'Backup', exact: true }).click();
    const before = await readStored(page);
    const panel = page.getByRole('region', { name: 'Merge another tablet’s backup' });

    await chooseToMerge(page, foreign);
    await expect(panel.getByRole('alert')).toContainText('This file cannot be used. Nothing was changed.');
    await expect(panel.getByRole('alert')).toContainText('it is not a Waypoint backup');

    await chooseToMerge(page, damaged);
    await expect(panel.getByRole('alert')).toContainText(/attachment .* is damaged/);
    expect(await readStored(page)).toEqual(before);

    // Room for the records but not the photo: the write is refused half-way, and nothing of it stays.
    const cdp = await context.newCDPSession(page);
    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 100_000 });
    await page.waitForTimeout(BUCKET_SPACE_CACHE_MS);
    await chooseToMerge(page, file);
    await expect(panel.getByRole('alert')).toHaveText(
      'This tablet ran out of space while merging. Nothing was changed. Make room or merge on a device with more space.',
    );
    expect(await readStored(page)).toEqual(before);
    // The refusal taught the tablet its limit: the next try says so before writing anything.
    await chooseToMerge(page, file);
    await expect(panel.getByRole('alert')).toHaveText(
      /^This merge needs about [\d.]+ MB of free space and this tablet has [\d.]+ (B|KB|MB) left\. Nothing was changed\./,
    );
    expect(await readStored(page)).toEqual(before);
  } finally {
    await context.close();
  }

  // A tablet with room: the child, the evidence and its photo arrive, and a second merge adds nothing.
  const roomy = await browser.newContext();
  const page = await roomy.newPage();
  await page.goto('/backup');
  await chooseToMerge(page, file);
  await expect(
    page.getByText(/^Merged: \d+ new records \(1 of them evidence\), \d+ updated, 1 new photo or recording\./),
  ).toBeVisible();
  await chooseToMerge(page, file);
  await expect(
    page.getByText('Merged: 0 new records (0 of them evidence), 0 updated, 0 new photos or recordings.'),
  ).toBeVisible();
  await page.goto('/class');
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link', { name: /Mia Merge/ })).toBeVisible();
  await page.getByRole('list', { name: 'Students' }).getByRole('link').first().click();
  await expect(page.getByText(NOTE)).toBeVisible();
  await page.getByRole('link', { name: 'Conference' }).click();
  await expect(page.getByText(NOTE)).toBeVisible();
  await expect(page.getByRole('img', { name: /^Picture \d+$/ })).toBeVisible();
  const stored = await readStored(page);
  expect(stored['blobs']).toEqual([{ id: expect.any(String), held: true }]);
  await roomy.close();
});
