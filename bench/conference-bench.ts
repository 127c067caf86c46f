/**
 * Conference benchmarks in real Chromium against the built app (`vite build` first):
 * - conference.recordObservation.p50Ms: tap on "Save evidence" to "Evidence saved." (shown only after the
 *   Dexie transaction commits), no attachments;
 * - conference.photoCompress.p50Ms: a 12-megapixel JPEG chosen in the photo picker to "Photo ready", i.e.
 *   decode, resize to 1600 px and encode under 300 KB in the browser.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, median, startAppServer } from './chromium.ts';
import type { Metric } from './metric.ts';

/** Opens the observation view of the first demo student, after the demo class has loaded. */
async function withObservationPage<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const server = await startAppServer();
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('crash', () => console.error('conference bench: the page crashed'));
    // tsx compiles this file with keepNames, which wraps inner functions of page.evaluate in __name().
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.goto(`${server.base}/class`);
    const link = page.getByRole('list', { name: 'Students' }).getByRole('link').first();
    const href = await link.getAttribute('href', { timeout: 30_000 });
    const studentId = href!.split('/').pop()!;
    await page.goto(`${server.base}/conference/${studentId}?view=observe`);
    await page.getByRole('button', { name: 'Save evidence' }).waitFor();
    return await run(page);
  } finally {
    await browser?.close();
    await server.close();
  }
}

/**
 * Runs `start` in the page and resolves with the milliseconds until the form's status region, after being
 * cleared, reads `done`.
 */
async function timeUntilStatus(page: Page, start: 'save' | 'photo', done: string): Promise<number> {
  return page.evaluate(
    async ({ start, done }) => {
      const form = document.querySelector('form.observe-form')!;
      const status = form.querySelector(
        start === 'save' ? '.form-actions [role=status]' : '.photo-capture [role=status]',
      )!;
      const finished = new Promise<number>((resolve) => {
        let cleared = !(status.textContent ?? '').startsWith(done);
        const observer = new MutationObserver(() => {
          const text = status.textContent ?? '';
          if (!text.startsWith(done)) cleared = true;
          else if (cleared) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(status, { subtree: true, childList: true, characterData: true });
      });
      let t0: number;
      if (start === 'save') {
        const button = [...form.querySelectorAll('button')].find((b) => b.textContent === 'Save evidence')!;
        t0 = performance.now();
        button.click();
      } else {
        const photo = (window as unknown as { benchPhoto: File }).benchPhoto;
        const input = form.querySelector<HTMLInputElement>('input[type=file]')!;
        const transfer = new DataTransfer();
        transfer.items.add(photo);
        input.files = transfer.files;
        t0 = performance.now();
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
      return (await finished) - t0;
    },
    { start, done },
  );
}

export async function benchRecordObservation(runs = 30): Promise<Metric> {
  const times = await withObservationPage(async (page) => {
    const out: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      await page.getByRole('radio', { name: /Proficient/ }).click();
      const ms = await timeUntilStatus(page, 'save', 'Evidence saved.');
      if (i >= 3) out.push(ms); // the first saves warm up IndexedDB and the JIT
    }
    return out;
  });
  return {
    value: Math.round(median(times) * 10) / 10,
    unit: 'ms',
    detail: `p50 of ${times.length} saves, tap to committed (no photo); max ${Math.round(Math.max(...times))} ms`,
  };
}

export async function benchPhotoCompress(runs = 7): Promise<Metric> {
  const result = await withObservationPage(async (page) => {
    // A 12-megapixel JPEG with detail everywhere, made once in the page.
    const inputBytes = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 4000;
      canvas.height = 3000;
      const context = canvas.getContext('2d')!;
      for (let i = 0; i < 4000; i++) {
        context.fillStyle = `hsl(${(i * 47) % 360}, 60%, ${25 + (i % 50)}%)`;
        context.fillRect((i * 211) % 4000, (i * 137) % 3000, 40 + (i % 90), 30 + (i % 70));
      }
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.92));
      (window as unknown as { benchPhoto: File }).benchPhoto = new File([blob], 'photo.jpg', { type: 'image/jpeg' });
      return blob.size;
    });
    const out: number[] = [];
    for (let i = 0; i < runs; i++) out.push(await timeUntilStatus(page, 'photo', 'Photo ready'));
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('.attachment-tray li .muted')].map((n) => n.textContent),
    );
    return { out, inputBytes, sizes };
  });
  return {
    value: Math.round(median(result.out)),
    unit: 'ms',
    detail: `p50 of ${result.out.length}; 4000×3000 JPEG of ${Math.round(result.inputBytes / 1024)} KB → ${result.sizes[0] ?? '?'} at ≤1600 px`,
  };
}
