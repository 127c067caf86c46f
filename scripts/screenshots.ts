/**
 * Screenshots of every teacher screen at 1024×768 and 768×1024, in English and Spanish, for a person to
 * look at (not a test): `npm run build`, start the server (`PORT=… npm run server`), then
 * `BASE_URL=http://127.0.0.1:PORT node --import tsx scripts/screenshots.ts`. Pictures go to
 * `$TMPDIR/waypoint-screens/` with a line per screen: page height and the header's height.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const out = join(process.env.TMPDIR ?? '/tmp', 'waypoint-screens');
const SCREENS = [
  ['class', '/class'],
  ['student', '/student/demo-student-2'],
  ['conference', '/conference/demo-student-2'],
  ['student-path', '/student/demo-student-2/path'],
  ['class-path', '/class-path'],
  ['overview', '/overview'],
  ['roster', '/roster'],
  ['frameworks', '/frameworks'],
  ['backup', '/backup'],
  ['settings', '/settings'],
  ['family-report', '/family-report/demo-student-2'],
] as const;
const SIZES = [
  { name: 'landscape', width: 1024, height: 768 },
  { name: 'portrait', width: 768, height: 1024 },
] as const;

async function measure(page: Page) {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    header: Math.round(document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0),
  }));
}

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
for (const locale of ['en-US', 'es-ES']) {
  for (const size of SIZES) {
    const context = await browser.newContext({ locale, viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    await page.goto(`${base}/class`);
    await page.getByRole('list').first().waitFor();
    for (const [name, path] of SCREENS) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(400);
      const file = join(out, `${name}-${size.name}-${locale.slice(0, 2)}.png`);
      await page.screenshot({ path: file });
      const m = await measure(page);
      console.log(`${file}\tpage ${m.height}px\theader ${m.header}px`);
    }
    await context.close();
  }
}
await browser.close();
