import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { drawsText, pdfPageContents } from './pdf-pages.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const rosterDir = join(fixtures, 'oneroster', 'v1p2');
const rosterFiles = readdirSync(rosterDir).map((name) => join(rosterDir, name));
const casePackage = join(fixtures, 'case', 'tiny-phonics.case.json');

async function expectNoSeriousAxeIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The first visit installs the service worker; from then on the app runs from the precache. */
async function goOffline(page: Page) {
  await page.evaluate(async () => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.context().setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
}

test('teacher’s desk journey, offline: roster and CASE import, class path, evidence, the family report in Spanish printed', async ({
  page,
}) => {
  // Nothing in this journey needs the school server: the tablet is never connected to one.
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
  });

  await page.goto('/class');
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);
  await goOffline(page);

  // 1. The school's OneRoster 1.2 files; the new students' families speak Spanish.
  await page.getByRole('link', { name: 'Roster', exact: true }).click();
  await page.getByLabel('Choose the roster CSV files').setInputFiles(rosterFiles);
  await expect(page.getByText('OneRoster version: 1.2')).toBeVisible();
  await page.getByLabel('Family language for new students').selectOption({ label: 'Español' });
  await page.getByRole('button', { name: 'Import 1 class' }).click();
  await expect(
    page.getByText('Import done: 1 class and 2 students. The Class page now shows Kinder Sunflowers.'),
  ).toBeVisible();

  // 2. The tiny-phonics CASE package.
  await page.getByRole('link', { name: 'Frameworks', exact: true }).click();
  await page.getByLabel('Choose a CASE package file').setInputFiles(casePackage);
  await expect(page.getByText('3 targets in 2 groups, with 2 prerequisites.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 3 targets' }).click();
  await expect(page.getByText('Imported Tiny phonics: 3 targets.')).toBeVisible();

  // 3. The imported class is the one shown now, and its class path is built from the imported framework.
  await page.getByRole('link', { name: 'Class', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kinder Sunflowers' })).toBeVisible();
  const students = page.getByRole('list', { name: 'Students' }).getByRole('link');
  await expect(students).toHaveCount(2);

  await page.getByRole('link', { name: 'Class path', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Class path: Kinder Sunflowers' })).toBeVisible();
  await page.getByLabel('Framework').selectOption({ label: 'Tiny phonics · Academic' });
  await page.getByRole('button', { name: 'Add all 3 targets not on the path' }).click();
  const classPath = page.getByRole('list', { name: 'Class path' }).getByRole('listitem');
  await expect(classPath).toHaveCount(3);
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save and apply to 2 students' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Class path saved.' })).toHaveText(
    '✓ Class path saved. 2 students without a path got the class path.',
  );
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);

  // Sofi's own path now holds the imported targets in the framework's order, the first one current.
  await page.getByRole('link', { name: 'Class', exact: true }).click();
  await students.filter({ hasText: 'Sofi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sofi' })).toBeVisible();
  const stops = page.getByRole('list', { name: 'Path map' }).getByRole('listitem');
  await expect(stops).toHaveCount(3);
  await expect(stops.nth(0)).toContainText('L.1');
  await expect(stops.nth(1)).toContainText('L.2');
  await expect(stops.nth(2)).toContainText('B.1a');
  await expect(stops.nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByText('0 of 3 mastered')).toBeVisible();

  // 4. An observation on L.1 at the mastery level: the rules (decaying average, one score) make it mastered.
  const l1 = page.getByRole('list', { name: 'Learning path' }).getByRole('listitem').filter({ hasText: 'L.1' });
  await expect(l1).toContainText('Not started');
  const form = page.getByRole('form', { name: 'Quick observation' });
  await form.getByLabel('Learning target').selectOption({ label: 'L.1 · Names upper-case letters.' });
  await form.getByRole('radio', { name: /Proficient/ }).click();
  await form.getByLabel('Note').fill('Named every capital letter on the wall chart.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Observation saved.');
  await expect(l1).toContainText('Mastered');
  await expect(page.getByText('1 of 3 mastered')).toBeVisible();
  await expect(stops.nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('current-target')).toContainText('L.2');

  // 5. The family report: in Spanish, the family's language, while the tablet speaks English.
  await page.getByRole('link', { name: 'Family report' }).click();
  await expect(page.getByRole('heading', { name: 'Print and share' })).toBeVisible();
  const report = page.getByRole('article', { name: 'Cómo le va a Sofi' });
  await expect(report).toBeVisible();
  await expect(report).toHaveAttribute('lang', 'es');
  await expect(page.getByLabel('Language of the report')).toHaveValue('es');
  await expect(report.getByText('Sofi ya aprendió 1 de las 3 metas planeadas hasta ahora.')).toBeVisible();
  await expect(report.getByRole('list', { name: 'Metas que Sofi ya aprendió' }).getByRole('listitem')).toHaveText([
    /I can name big letters/,
  ]);
  await expect(report.getByRole('heading', { name: 'Lo que aprende ahora' })).toBeVisible();
  await expect(report.getByTestId('family-current')).toContainText('I can name small letters');
  await expect(report.getByTestId('family-next-step')).toHaveText(
    '¡Su hijo o hija dominó «I can name big letters»! Ahora: «I can name small letters».',
  );
  // The imported targets have no item sets, so there are no cards to cut out.
  await expect(report.getByText('Esta vez no hay tarjetas.', { exact: false })).toBeVisible();

  // 6. axe on the report page.
  await expectNoSeriousAxeIssues(page);

  // Printed on A4 and Letter: every page draws text (no blank page). Without cards the report is one page.
  for (const format of ['A4', 'Letter'] as const) {
    await page.getByRole('radio', { name: format }).check();
    const pdf = await page.pdf({ format, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString(), format).toBe('%PDF-');
    const pages = pdfPageContents(pdf);
    expect(pages.length, format).toBe(1);
    expect(
      pages.map((content, i) => ({ page: i + 1, drawsText: drawsText(content) })),
      `${format}: every page prints something`,
    ).toEqual(pages.map((_, i) => ({ page: i + 1, drawsText: true })));
  }

  expect(apiCalls).toEqual([]);
});
