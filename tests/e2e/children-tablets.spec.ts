/**
 * Children's tablets for real, on the real server in Debian's Chromium with the fake camera and microphone:
 * a tablet joined to the class as a station, in Spanish, in landscape and in portrait; a child signs in by
 * picture, records their voice, takes a photo and takes it again, draws, picks a face and finishes; the
 * teacher's tablet receives the work for review. And a student's own tablet, locked to that student.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { englishLeaks } from '../helpers/english-leaks.ts';
import { teacherTablet } from './teacher-tablet.ts';

const PIN = '86420';
const LANDSCAPE = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };

/** A PNG made in the page: a photo of the child's work, as the tablet's camera would hand it over. */
async function photoOfWork(page: Page, colour: string): Promise<Buffer> {
  const bytes = await page.evaluate(async (fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const context = canvas.getContext('2d')!;
    context.fillStyle = fill;
    context.fillRect(0, 0, 1200, 900);
    context.fillStyle = '#fff';
    context.fillRect(200, 200, 500, 300);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    return [...new Uint8Array(await blob.arrayBuffer())];
  }, colour);
  return Buffer.from(bytes);
}

/** Everything a child can see or hear named on this screen: its text and its labels. */
async function childScreenText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [alt], [title], [placeholder]')].flatMap((el) =>
      ['aria-label', 'alt', 'title', 'placeholder'].flatMap((name) => el.getAttribute(name) ?? []),
    );
    return [document.body.innerText, ...labels];
  });
}

/** The teacher's join code for the server's demo class, read from the teacher's Settings. */
async function joinCodeOf(teacher: Page): Promise<string> {
  await teacher.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const room = teacher.getByRole('listitem').filter({ has: teacher.getByRole('heading', { name: 'Room 4 (demo)' }) });
  const code = room.getByTestId('join-code');
  await expect(code).toHaveText(/^[A-Z2-9]{8}$/);
  return (await code.textContent()) ?? '';
}

async function firstVisit(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  await page.goto('/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  return { context, page, errors };
}

for (const [orientation, viewport, child] of [
  ['landscape', LANDSCAPE, { name: 'Sofía', picture: 'búho' }],
  ['portrait', PORTRAIT, { name: 'Camila', picture: 'flor' }],
] as const) {
  test(`a station joined through the server, in Spanish, ${orientation}: ${child.name} shows her work and the teacher receives it`, async ({
    browser,
  }) => {
    const teacherContext = await browser.newContext();
    const teacher = await teacherTablet(teacherContext);
    const teacherErrors: string[] = [];
    teacher.on('pageerror', (error) => teacherErrors.push(`${error.name}: ${error.message}`));
    const joinCode = await joinCodeOf(teacher);

    // A fresh tablet, set to Spanish, joins the class as a station: straight to its set-up, no teacher menu.
    const { context, page: station, errors } = await firstVisit(browser, viewport);
    await station.goto('/settings');
    await station.getByRole('radio', { name: 'Español' }).click();
    const join = station.getByRole('form', { name: 'O únete a una clase con su código' });
    await join.getByLabel('Código de la clase').fill(joinCode);
    await join.getByRole('button', { name: 'Unirse como estación' }).click();
    await expect(station.getByRole('heading', { level: 1, name: 'Modo estación' })).toBeVisible();
    await expect(station.getByText('Esta tableta es una estación para Room 4 (demo).')).toBeVisible();
    await expect(station.getByRole('navigation')).toHaveCount(0);
    await station.goto('/settings');
    await expect(station).toHaveURL(/\/station$/);
    await station.getByLabel(/Elige un PIN de maestro/).fill(PIN);
    await station.getByLabel('Escribe el PIN otra vez').fill(PIN);
    await station.getByRole('button', { name: 'Empezar la estación' }).click();

    const expectNoEnglish = async () =>
      expect(englishLeaks(await childScreenText(station), [child.name]), 'English on a child’s screen').toEqual([]);

    // The child signs in by picture, and confirms it among four.
    const grid = station.getByRole('list', { name: '¿Quién eres? Busca tu dibujo.' });
    await expect(grid.getByRole('button')).toHaveCount(8);
    await expectNoEnglish();
    await grid.getByRole('button', { name: `${child.name}, ${child.picture}` }).click();
    const choices = station.getByRole('list', { name: '¿Eres tú? Busca tu dibujo otra vez.' });
    await expectNoEnglish();
    await choices.getByRole('button', { name: child.picture, exact: true }).click();
    const show = station.getByRole('button', { name: 'Mostrar lo que sé hacer' });
    await expect(show).toBeVisible();
    await expectNoEnglish();

    // Her voice, from the fake microphone.
    await show.click();
    await station.getByRole('button', { name: 'Grabar mi voz' }).click();
    await expectNoEnglish();
    await station.getByRole('button', { name: 'Grabar', exact: true }).click();
    await expect(station.getByRole('button', { name: 'Parar', exact: true })).toBeVisible();
    await station.waitForTimeout(1200);
    await expectNoEnglish();
    await station.getByRole('button', { name: 'Parar', exact: true }).click();
    await expect(station.getByRole('button', { name: 'Guardar esta grabación' })).toBeInViewport();
    await expectNoEnglish();
    await station.getByRole('button', { name: 'Guardar esta grabación' }).click();
    await expect(station.getByRole('status').filter({ hasText: '¡Guardado!' })).toBeVisible();

    // A photo of her work: she sees it, takes it again, and keeps the second.
    await show.click();
    await station.getByRole('button', { name: 'Foto de mi trabajo' }).click();
    await expectNoEnglish();
    await station.getByLabel('Tomar una foto').setInputFiles({
      name: 'work.png',
      mimeType: 'image/png',
      buffer: await photoOfWork(station, '#c0392b'),
    });
    await expect(station.getByRole('img', { name: 'Vista previa de la foto' })).toBeVisible();
    await expect(station.getByRole('button', { name: 'Guardar esta foto' })).toBeInViewport();
    await expectNoEnglish();
    await station.getByLabel('Tomarla otra vez').setInputFiles({
      name: 'work-again.png',
      mimeType: 'image/png',
      buffer: await photoOfWork(station, '#2471a3'),
    });
    await expect(station.getByRole('img', { name: 'Vista previa de la foto' })).toBeVisible();
    await station.getByRole('button', { name: 'Guardar esta foto' }).click();
    await expect(station.getByRole('status').filter({ hasText: '¡Guardado!' })).toBeVisible();

    // A drawing, with the keep button on the screen in this orientation.
    await show.click();
    await station.getByRole('button', { name: 'Dibujarlo' }).click();
    const canvas = station.getByRole('img', { name: /Área de dibujo/ });
    await expect(canvas).toBeInViewport();
    await expectNoEnglish();
    const box = (await canvas.boundingBox())!;
    await station.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await station.mouse.down();
    await station.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 8 });
    await station.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.3, { steps: 8 });
    await station.mouse.up();
    const keepDrawing = station.getByRole('button', { name: 'Guardar este dibujo' });
    await expect(keepDrawing).toBeInViewport();
    await keepDrawing.click();
    await expect(station.getByRole('status').filter({ hasText: '¡Guardado!' })).toBeVisible();

    // How she feels: a face. Then she is done, and the grid is back for the next child.
    await station.getByRole('button', { name: '¿Cómo me siento?' }).click();
    await expectNoEnglish();
    await station.getByRole('button', { name: '¡Sí puedo!' }).click();
    await expect(station.getByRole('status').filter({ hasText: '¡Guardado!' })).toBeVisible();
    await station.getByRole('button', { name: 'Terminé' }).click();
    await expect(grid.getByRole('button')).toHaveCount(8);
    expect(errors).toEqual([]);

    // The teacher's tablet receives the four pieces of work, each waiting for review.
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());
    await teacher.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Class' }).click();
    await teacher
      .getByRole('list', { name: 'Students' })
      .getByRole('link', { name: new RegExp(child.name) })
      .click();
    await expect(teacher.getByRole('heading', { level: 1, name: child.name })).toBeVisible();
    // The station's pieces carry no written note (another spec on this server leaves a noted one for Sofía).
    const todays = teacher
      .getByRole('list', { name: 'Evidence' })
      .getByRole('listitem')
      .filter({ hasText: today })
      .filter({ hasNot: teacher.locator('p') });
    await expect(async () => {
      await teacher.reload();
      await expect(todays.filter({ hasText: 'Work sample' })).toHaveCount(3, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    for (const sample of await todays.filter({ hasText: 'Work sample' }).all()) {
      await expect(sample).toContainText('Waiting for review');
    }
    await expect(todays.filter({ hasText: 'Self-assessment' })).toContainText('I can do it');
    expect(teacherErrors).toEqual([]);

    await context.close();
    await teacherContext.close();
  });
}

test('a student’s own tablet shows the locked screen at every teacher address, and opens on the student’s path', async ({
  browser,
}) => {
  const { context, page, errors } = await firstVisit(browser, LANDSCAPE);
  await page.goto('/class');
  await page.getByRole('list', { name: 'Students' }).getByRole('link', { name: /Liam/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Liam' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'My path (what Liam sees)' })).toBeVisible();
  await page.getByText('Give this tablet to Liam').click();
  const form = page.getByRole('form', { name: 'Give this tablet to Liam' });
  await form.getByLabel(/Choose a teacher PIN/).fill(PIN);
  await form.getByLabel('Type the PIN again').fill(PIN);
  await form.getByRole('button', { name: 'Give the tablet to Liam' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My path: Liam' })).toBeVisible();
  await expect(page).toHaveURL(/\/my-path\/demo-student-2$/);
  // Each target Liam may choose next: the circle right beside its words, not adrift in the middle of the row.
  const choices = page.getByRole('group', { name: 'Choose what to work on next' }).getByRole('radio');
  await expect(choices.first()).toBeAttached();
  for (const choice of await choices.all()) {
    await choice.scrollIntoViewIfNeeded();
    const circle = (await choice.boundingBox())!;
    const row = (await choice.locator('xpath=..').boundingBox())!;
    expect(circle.width).toBeLessThanOrEqual(32);
    expect(circle.x - row.x).toBeLessThanOrEqual(4);
  }

  const locked = page.getByTestId('locked-screen');
  for (const address of [
    '/settings',
    '/backup',
    '/roster',
    '/class',
    '/overview',
    '/frameworks',
    '/student/demo-student-1',
    '/my-path/demo-student-1',
    '/student/demo-student-2',
  ]) {
    await page.goto(address);
    await expect(locked, address).toBeVisible();
    await expect(locked).toContainText('This is Liam’s tablet');
    await expect(page.getByRole('main')).not.toContainText('Sofía');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['My path']);
  }
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'My path: Liam' })).toBeVisible();

  // Only the teacher PIN unlocks it.
  await page.goto('/settings');
  await locked.getByRole('button', { name: 'Teacher: unlock this tablet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unlock this tablet' });
  await dialog.getByLabel('Teacher PIN').fill('1111');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('That PIN is not right. Try again.');
  await dialog.getByLabel('Teacher PIN').fill(PIN);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('a damaged record never leaves a screen blank: a kind message, a way back, and the problem noted in Settings', async ({
  browser,
}) => {
  const { context, page } = await firstVisit(browser, PORTRAIT);
  await page.goto('/class');
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);
  // A student row without its name, as a half-written import or a faulty sync could leave one.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('waypoint');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('students', 'readwrite');
      const students = tx.objectStore('students');
      const read = students.get('demo-student-3');
      read.onsuccess = () => {
        const row = read.result as Record<string, unknown>;
        delete row['displayName'];
        students.put(row);
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong on this screen' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the start' })).toHaveAttribute('href', '/class');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const problems = page.getByRole('region', { name: 'Problems on this tablet' });
  await expect(problems.getByRole('listitem').filter({ hasText: 'on /class' }).first()).toContainText('TypeError');
  await expect(page.getByRole('region', { name: 'Storage on this device' })).toBeVisible();
  await context.close();
});
