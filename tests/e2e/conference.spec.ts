import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** A test photo made in the page itself: a 2400×1800 PNG with shapes, so compression has real work to do. */
async function makeTestPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const context = canvas.getContext('2d')!;
    for (let i = 0; i < 60; i++) {
      context.fillStyle = `hsl(${i * 37}, 70%, ${30 + (i % 5) * 10}%)`;
      context.fillRect((i * 97) % 2200, (i * 53) % 1600, 200 + (i % 7) * 30, 150 + (i % 3) * 40);
    }
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('conference offline: a 26-letter check across a reload, an observation with photo and audio, all kept', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const roster = page.getByRole('list', { name: 'Students' });
  await expect(roster.getByRole('link')).toHaveCount(8);
  // Everything from here on is offline, including the lazily loaded conference screen.
  await context.setOffline(true);

  await roster.getByRole('link').first().click();
  await page.getByRole('link', { name: 'Conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Conference with/ })).toBeVisible();
  const conferenceUrl = page.url();
  await expectNoSeriousA11yViolations(page);

  // The check: open the lowercase stop on the map, start, 13 answers, reload, 13 more.
  const stop = page
    .getByRole('list', { name: 'Learning path map' })
    .getByRole('listitem')
    .filter({ hasText: /Names each lowercase/ });
  await stop.locator('summary').click();
  await stop.getByRole('button', { name: 'Start check: RF.K.1d' }).click();
  await expect(page.getByText('Item 1 of 26')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  for (let i = 0; i < 13; i++) await page.keyboard.press(i === 3 ? 'n' : 'y');
  await expect(page.getByText('13 of 26 answered')).toBeVisible();
  await expect(page.getByTestId('answers-kept')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Item 14 of 26')).toBeVisible();
  await expect(page.getByText('13 of 26 answered')).toBeVisible();
  for (let i = 0; i < 13; i++) await page.keyboard.press(i === 5 ? 'n' : 'y');
  await expect(page.getByRole('heading', { name: 'Check of RF.K.1d saved' })).toBeVisible();
  await expect(page.getByText('24 of 26 correct', { exact: false })).toBeVisible();
  await expect(page.getByTestId('result-next-step')).not.toBeEmpty();
  await expectNoSeriousA11yViolations(page);

  // The observation with a photo and an audio clip (Chromium's fake microphone).
  await page.getByRole('button', { name: 'Back to the conference', exact: true }).click();
  await page.getByRole('button', { name: 'Observation or work sample' }).first().click();
  const form = page.getByRole('form', { name: 'Observation or work sample' });
  await form.getByRole('radio', { name: /Proficient/ }).click();
  const note = `Read her name card ${Date.now()}`;
  await form.getByLabel('Note').fill(note);
  await form.getByLabel('Take or choose a photo').setInputFiles({
    name: 'work.png',
    mimeType: 'image/png',
    buffer: await makeTestPhoto(page),
  });
  await expect(form.getByText(/Photo ready/)).toBeVisible();
  await form.getByRole('button', { name: /^Record$/ }).click();
  await page.waitForTimeout(1200);
  await form.getByRole('button', { name: /Stop/ }).click();
  await expect(form.getByLabel('Listen to the recording')).toBeVisible();
  await form.getByRole('button', { name: 'Keep this recording' }).click();
  await expect(form.getByRole('list', { name: 'Attachments to save' }).getByRole('listitem')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Save evidence' }).click();
  await expect(form.getByText('Evidence saved.')).toBeVisible();

  const stored = await page.evaluate(async () => {
    const open = indexedDB.open('waypoint');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const read = <T>(table: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(table).objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const blobs = await read<{ mime: string; size: number }>('blobs');
    return blobs.map((b) => ({ mime: b.mime, size: b.size }));
  });
  const photo = stored.find((b) => b.mime.startsWith('image/'));
  expect(photo?.size).toBeLessThanOrEqual(300_000);
  expect(stored.some((b) => b.mime.startsWith('audio/'))).toBe(true);

  // Back on the conference: the student's status and next step reflect both; a reload keeps everything.
  await page.goto(conferenceUrl);
  const timeline = page.getByRole('list', { name: 'Evidence timeline' });
  await expect(timeline.getByText(note)).toBeVisible();
  await expect(timeline.getByText('24 of 26 correct', { exact: false }).first()).toBeVisible();
  await expect(timeline.getByRole('img', { name: 'Picture 1' }).first()).toBeVisible();
  await expect(timeline.getByLabel('Recording 2').first()).toBeVisible();
  await expect(stop.getByText(/In progress|Mastered/)).toBeVisible();
  const nextStep = await page.getByTestId('conference-next-step').textContent();
  expect(nextStep).toBeTruthy();
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(timeline.getByText(note)).toBeVisible();
  await expect(timeline.getByText('24 of 26 correct', { exact: false }).first()).toBeVisible();
  await expect(page.getByTestId('conference-next-step')).toHaveText(nextStep!);
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
});
