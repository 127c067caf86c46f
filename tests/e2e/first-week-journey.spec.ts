/**
 * A teacher's first week on a landscape tablet (1024×768), from a fresh tablet: sign in to the school
 * server, a OneRoster 1.1 import with students in two classes (both classes list them), the class path, a
 * conference with a photo, the photo shared with the family (the report and the family's link, in Spanish),
 * and the overview. On every screen the first action is in the first screenful and the header is one row,
 * in English and (on a Spanish tablet) in Spanish.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { teacherTablet } from './teacher-tablet.ts';

const LANDSCAPE = { width: 1024, height: 768 };
const fixtures = join(import.meta.dirname, '..', 'fixtures');
const twoClasses = readdirSync(join(fixtures, 'oneroster', 'v1p1-two-classes')).map((name) =>
  join(fixtures, 'oneroster', 'v1p1-two-classes', name),
);

/** A small photo of the child's work, made in the page (a PNG with shapes). */
async function photoOfWork(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d')!;
    for (let i = 0; i < 20; i++) {
      context.fillStyle = `hsl(${i * 37}, 70%, 50%)`;
      context.fillRect((i * 97) % 560, (i * 53) % 400, 80, 60);
    }
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

/** The screen's first action is wholly inside the first screenful, without scrolling. */
async function expectInFirstScreenful(page: Page, firstAction: Locator, what: string) {
  await expect(firstAction, what).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await firstAction.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom at most ${viewport.height}`).toBeLessThanOrEqual(viewport.height);
}

/** The header is one row: every link and the status on the same band, the header no taller than one. */
async function expectHeaderOneRow(page: Page, what: string) {
  const header = page.locator('header.app-header');
  const boxes = await header.locator('nav a, .app-name').evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom) };
    }),
  );
  const band = boxes[0]!;
  expect(
    boxes.filter((b) => b.top >= band.bottom || b.bottom <= band.top),
    `${what}: header on one row`,
  ).toEqual([]);
  expect((await header.boundingBox())!.height, `${what}: header height`).toBeLessThanOrEqual(80);
}

async function checkScreen(page: Page, firstAction: Locator, what: string) {
  await expectHeaderOneRow(page, what);
  await expectInFirstScreenful(page, firstAction, what);
}

/** Links and folds a teacher's finger opens on a screen: at least 44 × 44 CSS pixels each. */
async function expectFingerSized(targets: readonly Locator[], what: string) {
  for (const target of targets) {
    const box = await target.boundingBox();
    expect(box && Math.min(box.width, box.height), `${what}: ${await target.textContent()}`).toBeGreaterThanOrEqual(44);
  }
}

/**
 * The same screens on a Spanish tablet (its own demo class, never signed in): header, first action, and the
 * small links and folds of the screen big enough for a finger.
 */
async function checkSpanishScreens(browser: Browser) {
  const context = await browser.newContext({ viewport: LANDSCAPE, locale: 'es-ES' });
  const page = await context.newPage();
  const why = (p: Page) => p.locator('summary', { hasText: '¿Por qué?' }).first();
  const fingerSized: Readonly<Record<string, (p: Page) => Locator[]>> = {
    '/class': (p) => [
      p.getByRole('link', { name: 'Ruta de la clase' }),
      p.getByRole('link', { name: 'Nuevo curso escolar' }),
    ],
    '/student/demo-student-2': (p) => [
      p.getByRole('link', { name: 'Conferencia', exact: true }),
      p.getByRole('link', { name: 'Editar la ruta' }),
      why(p),
    ],
    '/conference/demo-student-2': (p) => [why(p)],
  };
  const screens: [string, (p: Page) => Locator][] = [
    ['/class', (p) => p.getByRole('list', { name: 'Estudiantes' }).getByRole('link').first()],
    ['/roster', (p) => p.getByLabel('Elegir los archivos CSV de la lista')],
    ['/class-path', (p) => p.getByLabel('Marco')],
    [
      '/student/demo-student-2',
      (p) => p.getByRole('form', { name: 'Observación rápida' }).getByRole('combobox').first(),
    ],
    ['/conference/demo-student-2', (p) => p.getByRole('button', { name: /^Empezar evaluación/ }).first()],
    ['/family-report/demo-student-2', (p) => p.getByRole('heading', { level: 1 })],
    ['/overview', (p) => p.getByLabel('Ordenar estudiantes')],
  ];
  for (const [path, first] of screens) {
    await page.goto(path);
    await checkScreen(page, first(page), `es ${path}`);
    await expectFingerSized(fingerSized[path]?.(page) ?? [], `es ${path}`);
  }
  await context.close();
}

test('first week: sign in, OneRoster 1.1 in two classes, class path, a conference photo shared with the family, overview', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await teacherTablet(context);
  await checkScreen(page, page.getByRole('list', { name: 'Students' }).getByRole('link').first(), 'class');

  // OneRoster 1.1: Maria and Kevin are in both classes; their families speak Spanish.
  await page.getByRole('link', { name: 'Roster', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await checkScreen(page, page.getByLabel('Choose the roster CSV files'), 'roster');
  await page.getByLabel('Choose the roster CSV files').setInputFiles(twoClasses);
  await page.getByLabel('Family language for new students').selectOption({ label: 'Español' });
  await page.getByRole('button', { name: 'Import 2 classes' }).click();
  await expect(page.getByText(/^Import done: 2 classes and 2 students\./)).toBeVisible();

  await page.getByRole('link', { name: 'Class', exact: true }).click();
  const students = page.getByRole('list', { name: 'Students' }).getByRole('link');
  for (const name of ['History - 2', 'Introduction to Physics']) {
    await page.getByLabel('Show class').selectOption({ label: name });
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(students).toHaveCount(2);
    await expect(students.filter({ hasText: 'Maria' })).toHaveCount(1);
    await expect(students.filter({ hasText: 'Kevin' })).toHaveCount(1);
  }

  // The class path of Introduction to Physics, applied to both students.
  await page.getByRole('link', { name: 'Class path', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Class path: Introduction to Physics' })).toBeVisible();
  await checkScreen(page, page.getByLabel('Framework'), 'class path');
  await page.getByRole('button', { name: /^Add all \d+ targets not on the path$/ }).click();
  await page.getByRole('button', { name: 'Save and apply to 2 students' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Class path saved.' })).toBeVisible();

  // Maria's page and her conference, with a photo of her work.
  await page.getByRole('link', { name: 'Class', exact: true }).click();
  await students.filter({ hasText: 'Maria' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maria' })).toBeFocused();
  const quick = page.getByRole('form', { name: 'Quick observation' });
  await checkScreen(page, quick.getByLabel('Learning target'), 'student page');
  await page.getByRole('link', { name: 'Conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conference with Maria' })).toBeVisible();
  const observe = page.getByRole('button', { name: 'Observation or work sample' }).first();
  await checkScreen(page, observe, 'conference');
  await observe.click();
  const form = page.getByRole('form', { name: 'Observation or work sample' });
  await form.getByRole('radio', { name: /Proficient/ }).click();
  await form.getByLabel('Note').fill('Drew the water cycle and explained it.');
  await form.getByLabel('Take or choose a photo').setInputFiles({
    name: 'work.png',
    mimeType: 'image/png',
    buffer: await photoOfWork(page),
  });
  await expect(form.getByText(/Photo ready/)).toBeVisible();
  await form.getByRole('button', { name: 'Save evidence' }).click();
  await expect(form.getByText('Evidence saved.')).toBeVisible();

  // The family report, in Spanish: the teacher shows the photo to the family.
  await page.getByRole('link', { name: 'Class', exact: true }).click();
  await students.filter({ hasText: 'Maria' }).click();
  await page.getByRole('link', { name: 'Family report' }).click();
  const report = page.getByRole('article', { name: 'Cómo le va a Maria' });
  await expect(report).toBeVisible();
  await checkScreen(page, page.getByLabel('Language of the report'), 'family report');
  const work = report.getByRole('region', { name: 'Trabajos de Maria en la escuela' });
  await expect(work).toHaveCount(0);
  const show = page
    .getByRole('region', { name: 'Work to show the family' })
    .getByRole('checkbox', { name: /Show the family/ });
  // Checked once the choice is stored (the box shows the stored state).
  await show.click();
  await expect(show).toBeChecked();
  await expect(work.getByRole('img')).toBeVisible();
  await expect(work).toContainText('Drew the water cycle');

  // The evidence, its photo and the choice reach the server with the tablet's next sync.
  await expect(page.getByTestId('sync-status')).toContainText('0 waiting', { timeout: 75_000 });

  // The family's link: the same photo, read from the server, in Spanish, the report before print controls.
  await page.getByRole('button', { name: 'Make a family link' }).click();
  const url = await page.getByLabel(/^Family link/).inputValue();
  const familyContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const family = await familyContext.newPage();
  const familyWork = family.getByRole('region', { name: 'Trabajos de Maria en la escuela' });
  await family.goto(url);
  await expect(familyWork.getByRole('img')).toBeVisible();
  expect(await familyWork.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectInFirstScreenful(family, family.getByRole('heading', { level: 1, name: 'Cómo le va a Maria' }), 'link');
  const printTop = (await family.getByRole('button', { name: /Imprimir/ }).boundingBox())!.y;
  expect(printTop).toBeGreaterThan((await family.getByRole('article').boundingBox())!.y);
  await familyContext.close();

  // The overview of the class.
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Status of each student on each learning target' })).toBeVisible();
  await checkScreen(page, page.getByLabel('Sort students'), 'overview');
  await expect(
    page
      .getByRole('table', { name: 'Status of each student on each learning target' })
      .getByRole('link', { name: 'Maria' }),
  ).toBeInViewport();

  await context.close();
  await checkSpanishScreens(browser);
});
