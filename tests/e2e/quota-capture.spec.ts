/**
 * A full disk during capture (issue 17), in Debian's Chromium with a storage-limited origin. The quota is
 * lowered through the DevTools protocol (`Storage.overrideQuotaForOrigin`): Chromium then refuses IndexedDB
 * writes past it with a real QuotaExceededError, while `navigator.storage.estimate()` still reports usage
 * + 10 GiB, as Chrome does for every site. A persistent profile keeps IndexedDB on disk, as on a tablet.
 *
 * A photo already on the school server leaves the tablet to make room for the next capture; when nothing
 * can leave (the photos wait to upload), the capture fails with a clear message, keeps its photo and
 * recording in the form, writes none of it, and loses nothing saved before; once space is freed the same
 * capture saves; online again, the photo that left comes back when shown.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, expect, test, type Locator, type Page } from '@playwright/test';
import { teacherTablet } from './teacher-tablet.ts';

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;

/**
 * Chromium's IndexedDB keeps the space it last learned was left for up to 30 seconds
 * (BucketContext::kBucketSpaceCacheTimeLimit) before it asks the quota manager again: a lowered quota
 * counts once that has passed.
 */
const BUCKET_SPACE_CACHE_MS = 31_000;

/** A photo of noise, so it compresses to near the app's 300 KB limit and each one is different. */
async function noisyPhoto(page: Page, seed: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (s) => {
    const canvas = document.createElement('canvas');
    canvas.width = 700;
    canvas.height = 520;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(canvas.width, canvas.height);
    let x = s * 2654435761;
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
  }, seed);
  return Buffer.from(base64, 'base64');
}

interface StoredState {
  readonly blobs: readonly { id: string; mime: string; held: boolean; uploaded: boolean }[];
  readonly notes: readonly string[];
}

/** The blobs and evidence notes as stored in IndexedDB. */
function readStored(page: Page): Promise<StoredState> {
  return page.evaluate(async () => {
    const open = indexedDB.open('waypoint');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const read = <T>(table: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(table).objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const blobs = await read<{ id: string; mime: string; bytes?: ArrayBuffer; uploadedAt?: string }>('blobs');
    const evidence = await read<{ note?: string }>('evidence');
    db.close();
    return {
      blobs: blobs.map((b) => ({
        id: b.id,
        mime: b.mime,
        held: b.bytes !== undefined,
        uploaded: b.uploadedAt !== undefined,
      })),
      notes: evidence.flatMap((e) => (e.note ? [e.note] : [])),
    };
  });
}

const onServerText = 'This photo is on the school server; it will show when the tablet is online.';

const trayOf = (form: Locator) => form.getByRole('list', { name: 'Attachments to save' }).getByRole('listitem');

async function fillObservation(page: Page, note: string): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Observation or work sample' });
  await form.getByRole('radio', { name: /Proficient/ }).click();
  await form.getByLabel('Note').fill(note);
  return form;
}

async function attachPhoto(page: Page, form: Locator, seed: number) {
  await form.getByLabel('Take or choose a photo').setInputFiles({
    name: `work-${seed}.png`,
    mimeType: 'image/png',
    buffer: await noisyPhoto(page, seed),
  });
  await expect(form.getByText(/Photo ready/)).toBeVisible({ timeout: 30_000 });
}

/** A short clip from Chromium's fake microphone. */
async function attachRecording(page: Page, form: Locator) {
  await form.getByRole('button', { name: /^Record$/ }).click();
  await page.waitForTimeout(1200);
  await form.getByRole('button', { name: /Stop/ }).click();
  await form.getByRole('button', { name: 'Keep this recording' }).click();
}

test('a capture that meets a full disk frees room or fails clearly, saves once space is freed, and nothing saved is lost', async () => {
  // Noisy photos compressed in the browser on a shared 2-core machine, and Chromium's 30-second space cache.
  test.setTimeout(300_000);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'waypoint-quota-')), {
    baseURL: origin,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
  try {
    const page = await teacherTablet(context);
    await page.getByRole('list', { name: 'Students' }).getByRole('link').first().click();
    await page.getByRole('link', { name: 'Conference' }).click();
    await page.getByRole('button', { name: 'Observation or work sample' }).first().click();

    // Online: the first photo reaches the school server.
    const first = await fillObservation(page, 'First photo, uploaded');
    await attachPhoto(page, first, 1);
    await first.getByRole('button', { name: 'Save evidence' }).click();
    await expect(first.getByText('Evidence saved.')).toBeVisible();
    await expect(trayOf(first)).toHaveCount(0);
    await expect
      .poll(async () => (await readStored(page)).blobs.every((b) => b.uploaded), { timeout: 30_000 })
      .toBe(true);

    // Offline, with room for less than one more photo.
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 150_000 });
    await page.waitForTimeout(BUCKET_SPACE_CACHE_MS);

    // The second photo does not fit: the first (on the server) leaves the tablet, and the second is saved.
    const second = await fillObservation(page, 'Second photo, made room for');
    await attachPhoto(page, second, 2);
    await second.getByRole('button', { name: 'Save evidence' }).click();
    await expect(second.getByText('Evidence saved.')).toBeVisible();
    await expect(trayOf(second)).toHaveCount(0);
    const afterSecond = await readStored(page);
    expect(afterSecond.blobs.filter((b) => b.held && !b.uploaded)).toHaveLength(1);
    expect(afterSecond.blobs.filter((b) => !b.held)).toHaveLength(1);
    // The refused write taught the tablet its real limit: it warns before the next capture.
    await expect(second.getByText(/This tablet is almost full/)).toBeVisible();

    // A recording and a photo that cannot both fit, and nothing may leave (the second photo waits to
    // upload): a clear message, the capture kept in the form, and none of it written (not even the clip).
    const third = await fillObservation(page, 'Third capture, no room at first');
    await attachRecording(page, third);
    await attachPhoto(page, third, 3);
    const tray = trayOf(third);
    await expect(tray).toHaveCount(2);
    await third.getByRole('button', { name: 'Save evidence' }).click();
    await expect(
      third.getByRole('alert').filter({ hasText: 'This tablet is full, so this was not saved.' }),
    ).toHaveText(
      'This tablet is full, so this was not saved. Everything saved before is safe, and your photos and recordings are still here to save again: connect to the school server so older photos can move there, or free space on the tablet.',
    );
    await expect(tray).toHaveCount(2);
    await expect(third.getByLabel('Note')).toHaveValue('Third capture, no room at first');
    expect(await readStored(page)).toEqual(afterSecond);
    await expect(third.getByText(/This tablet is almost full/)).toBeVisible();

    // Space is freed on the tablet: the same capture, kept in the form, saves on the next try.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 5_000_000 });
    await third.getByRole('button', { name: 'Save evidence' }).click();
    await expect(third.getByText('Evidence saved.')).toBeVisible();
    await expect(tray).toHaveCount(0);
    const afterThird = await readStored(page);
    expect(afterThird.blobs.filter((b) => b.held && !b.uploaded)).toHaveLength(3);
    // Other specs on the same server recorded clips too; this tablet may have fetched some (uploaded ones).
    expect(afterThird.blobs.filter((b) => !b.uploaded && b.mime.startsWith('audio/'))).toHaveLength(1);

    // Nothing saved is lost, across a reload; the photo that left says where it is.
    const notes = ['First photo, uploaded', 'Second photo, made room for', 'Third capture, no room at first'];
    await page.getByRole('button', { name: /Back to the conference/ }).click();
    for (const note of notes) await expect(page.getByText(note)).toBeVisible();
    await expect(page.getByText(onServerText)).toHaveCount(1);
    await expect(page.getByRole('img', { name: /^Picture \d+$/ })).toHaveCount(2);
    await page.reload();
    for (const note of notes) await expect(page.getByText(note)).toBeVisible();
    await expect(page.getByText(onServerText)).toHaveCount(1);

    // Online again: the photo that left comes back when shown.
    await context.setOffline(false);
    await page.reload();
    await expect(page.getByRole('img', { name: /^Picture \d+$/ })).toHaveCount(3, { timeout: 30_000 });
    await expect(page.getByText(onServerText)).toHaveCount(0);
    await expect.poll(async () => (await readStored(page)).blobs.every((b) => b.held), { timeout: 30_000 }).toBe(true);
  } finally {
    await context.close();
  }
});
