import { expect, test, type Locator, type Page } from '@playwright/test';
import { PICTURES } from '../../src/ui/pictures.ts';
import { englishLeaks } from '../helpers/english-leaks.ts';

const PIN = '97531';

/** The emoji the pictures were before they were drawings: on a device without an emoji font, empty boxes. */
const OLD_EMOJI = '🐶 🐱 🦊 🐸 🦉 🐻 🦁 🐟 🐝 🐢 🐰 🐧 ☀️ ⭐ 🌙 🍎 🌳 🌸 🚀 🚗 ⛵ ⚽ 🪁 🥁'.split(' ');

interface Painted {
  /** Pixels that are not (near) white: something was painted. */
  readonly ink: number;
  /** Pixels with colour (not white, grey or black). */
  readonly colour: number;
  /** Mean difference (0–255) from `drawing` drawn at the same size on white, when one is given. */
  readonly difference: number | null;
}

/**
 * What Chromium painted for `element` (a screenshot, decoded in the page, so the test needs no image
 * library), and how far it is from the drawing file `drawing` painted at the same size.
 */
async function painted(page: Page, element: Locator, drawing?: string): Promise<Painted> {
  const png = (await element.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, drawing }) => {
      const load = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return image;
      };
      const shot = await load(`data:image/png;base64,${png}`);
      const pixelsOf = (image: HTMLImageElement) => {
        const canvas = new OffscreenCanvas(shot.width, shot.height);
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, shot.width, shot.height);
        context.drawImage(image, 0, 0, shot.width, shot.height);
        return context.getImageData(0, 0, shot.width, shot.height).data;
      };
      const seen = pixelsOf(shot);
      const reference = drawing ? pixelsOf(await load(drawing)) : null;
      let ink = 0;
      let colour = 0;
      let difference = 0;
      for (let i = 0; i < seen.length; i += 4) {
        const [r, g, b] = [seen[i]!, seen[i + 1]!, seen[i + 2]!];
        if (Math.min(r, g, b) < 235) ink += 1;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour += 1;
        if (reference) for (let c = 0; c < 3; c++) difference += Math.abs(seen[i + c]! - reference[i + c]!);
      }
      return { ink, colour, difference: reference ? difference / ((seen.length / 4) * 3) : null };
    },
    { png, drawing },
  );
}

/**
 * A picture is on screen: its drawing loaded (an <img> with the drawing's natural size, not a glyph of
 * some font), something was painted, and what was painted is that drawing.
 */
async function expectDrawn(page: Page, picture: Locator, name: string) {
  await expect(picture).toHaveJSProperty('complete', true);
  await expect(picture).toHaveJSProperty('naturalWidth', 72);
  const src = (await picture.getAttribute('src'))!;
  const { ink, difference } = await painted(page, picture, src);
  const box = (await picture.boundingBox())!;
  expect(ink, `${name}: painted`).toBeGreaterThan(box.width * box.height * 0.05);
  // Measured: 2 to 15 for the right drawing (anti-aliasing, scaling), 36 to 76 for any other one.
  expect(difference, `${name}: the drawing`).toBeLessThan(25);
}

/**
 * What the screen says: every text node (visually hidden ones too) and every label and text alternative of
 * the main region, which is the station's screen (the app shell around it is the tablet's).
 */
function screenTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const texts: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
    for (const element of main.querySelectorAll('[aria-label], [alt], [title], [placeholder]'))
      for (const name of ['aria-label', 'alt', 'title', 'placeholder']) texts.push(element.getAttribute(name) ?? '');
    return texts.filter((text) => text.trim() !== '');
  });
}

async function expectNoEnglish(page: Page, where: string) {
  const names = ['Sofía', 'Liam', 'Mateo', 'Ava', 'Camila', 'Noah', 'Zoe', 'Diego'];
  expect(englishLeaks(await screenTexts(page), names), `English on the ${where} screen`).toEqual([]);
}

/** Every button (and the photo's label-button) fits a small finger: 64 × 64 CSS pixels at least. */
async function expectBigControls(page: Page, where: string) {
  for (const control of await page.locator('button, label.capture-action').all()) {
    const box = await control.boundingBox();
    if (!box) continue;
    expect(Math.min(box.width, box.height), `${where}: ${await control.innerText()}`).toBeGreaterThanOrEqual(64);
  }
}

async function startStationOffline(page: Page, context: import('@playwright/test').BrowserContext) {
  await page.goto('/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);
  // The drawings come from the service worker's precache: none is fetched from the network from here on.
  await context.setOffline(true);
  await page.goto('/station');
  await page.getByLabel('Choose a teacher PIN (at least 4 digits)').fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Start the station' }).click();
  const grid = page.getByRole('list', { name: 'Who are you? Find your picture.' });
  await expect(grid.getByRole('button')).toHaveCount(8);
  return grid;
}

test('offline and with no emoji font, every child’s picture on the station grid is a drawing, never an empty box', async ({
  page,
  context,
}) => {
  const grid = await startStationOffline(page, context);

  // This Chromium has no emoji font: the emoji the pictures used to be paint no colour at all.
  await page.evaluate((emoji) => {
    const row = document.createElement('div');
    row.id = 'old-emoji';
    for (const glyph of emoji) {
      const span = document.createElement('span');
      span.textContent = glyph;
      span.style.cssText = 'display:inline-block;font-size:72px;line-height:1;padding:4px';
      row.append(span);
    }
    document.body.append(row);
  }, OLD_EMOJI);
  const oldEmoji = await page.locator('#old-emoji span').all();
  const oldColour = await Promise.all(oldEmoji.map(async (span) => (await painted(page, span)).colour));
  expect(oldColour).toEqual(OLD_EMOJI.map(() => 0));
  await page.evaluate(() => document.getElementById('old-emoji')?.remove());

  // Every child's picture on the grid is a drawing that loaded (offline) and was painted.
  for (const button of await grid.getByRole('button').all()) {
    await expectDrawn(page, button.locator('img'), (await button.getAttribute('aria-label')) ?? '');
  }

  // And every picture a child can be given, not only the demo class's, is there offline and drawn.
  await page.evaluate((ids) => {
    const row = document.createElement('div');
    row.id = 'all-pictures';
    for (const id of ids) {
      const image = document.createElement('img');
      image.src = `/drawings/pictures/${id}.svg`;
      image.alt = id;
      image.style.cssText = 'width:72px;height:72px';
      row.append(image);
    }
    document.body.prepend(row);
  }, Object.keys(PICTURES));
  for (const image of await page.locator('#all-pictures img').all()) {
    await expectDrawn(page, image, (await image.getAttribute('alt')) ?? '');
  }
});

for (const [orientation, viewport] of [
  ['landscape', { width: 1024, height: 768 }],
  ['portrait', { width: 768, height: 1024 }],
] as const) {
  test.describe(orientation, () => {
    test.use({ viewport });

    test(`a Spanish-speaking child on an English tablet: Spanish only, big controls, photo retake, the drawing fits (${orientation})`, async ({
      page,
      context,
    }) => {
      const grid = await startStationOffline(page, context);
      await grid.getByRole('button', { name: 'Sofía, owl' }).click();
      await expectNoEnglish(page, 'confirming');
      await expectBigControls(page, 'confirming');
      await page
        .getByRole('list', { name: /Eres tú/ })
        .getByRole('button', { name: 'búho' })
        .click();
      await expect(page.getByTestId('station-target')).toBeVisible();
      await expectNoEnglish(page, 'home');
      await expectBigControls(page, 'home');

      // Voice: record, stop, then listen, keep or record again, all in Spanish.
      await page.getByRole('button', { name: 'Mostrar lo que sé hacer' }).click();
      await page.getByRole('button', { name: 'Grabar mi voz' }).click();
      await page.getByRole('button', { name: 'Grabar', exact: true }).click();
      await expect(page.getByRole('status')).toHaveText(/Grabando/);
      await page.getByRole('button', { name: 'Parar' }).click();
      await expect(page.getByRole('button', { name: 'Oír' })).toBeVisible();
      await expectNoEnglish(page, 'recorded voice');
      await expectBigControls(page, 'recorded voice');

      // Photo: nothing is saved until Keep; Retake takes another.
      await page.getByRole('button', { name: 'Foto de mi trabajo' }).click();
      const photo = await page.screenshot();
      await page.getByLabel('Tomar una foto').setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: photo });
      await expect(page.getByRole('img', { name: 'Vista previa de la foto' })).toBeVisible();
      await expectNoEnglish(page, 'photo preview');
      await expectBigControls(page, 'photo preview');
      await expect(page.getByText('¡Guardado!')).toHaveCount(0);
      await page.getByLabel('Tomarla otra vez').setInputFiles({ name: 'b.png', mimeType: 'image/png', buffer: photo });
      const keepPhoto = page.getByRole('button', { name: 'Guardar esta foto' });
      await expect(keepPhoto).toBeInViewport();
      await keepPhoto.click();
      await expect(page.getByRole('status')).toHaveText(/¡Guardado!/);

      // Drawing: the whole pad, Keep included, on the screen with no scrolling.
      await page.getByRole('button', { name: 'Mostrar lo que sé hacer' }).click();
      await page.getByRole('button', { name: 'Dibujarlo' }).click();
      const canvas = page.getByRole('img', { name: /Área de dibujo/ });
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + 20, box.y + 20);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      const keepDrawing = page.getByRole('button', { name: 'Guardar este dibujo' });
      await expect(keepDrawing).toBeInViewport({ ratio: 1 });
      await expect(canvas).toBeInViewport({ ratio: 1 });
      expect(box.width).toBeGreaterThanOrEqual(viewport.width * 0.5);
      expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
      await expectNoEnglish(page, 'drawing');
      await expectBigControls(page, 'drawing');
      await keepDrawing.click();
      await expect(page.getByRole('status')).toHaveText(/¡Guardado!/);

      await page.getByRole('button', { name: '¿Cómo me siento?' }).click();
      await expectNoEnglish(page, 'faces');
      await expectBigControls(page, 'faces');
      await page.getByRole('button', { name: '¡Sí puedo!' }).click();
      await expect(page.getByRole('status')).toHaveText(/¡Guardado!/);
    });
  });
}
