import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PIN = '97531';

interface SpokenEntry {
  readonly text: string;
  readonly language: string;
}

/** Every Spanish "I can" statement of the starter content, to check the child heard Spanish. */
function spanishKidStatements(): Set<string> {
  const statements = new Set<string>();
  for (const file of ['kindergarten-literacy.json', 'kindergarten-sel.json']) {
    const content = JSON.parse(readFileSync(new URL(`../../src/content/${file}`, import.meta.url), 'utf8')) as {
      targets: { translations?: { es?: { kidStatement?: string } } }[];
    };
    for (const target of content.targets) {
      const es = target.translations?.es?.kidStatement;
      if (es) statements.add(es);
    }
  }
  return statements;
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  for (const button of await page.getByRole('button').all()) {
    await expect(button).toHaveAccessibleName(/\S/);
    // Touch targets for small fingers: at least 64 × 64 CSS pixels.
    const box = await button.boundingBox();
    expect(
      box && Math.min(box.width, box.height),
      (await button.getAttribute('aria-label')) ?? (await button.innerText()),
    ).toBeGreaterThanOrEqual(64);
  }
}

const spoken = (page: Page) => page.evaluate(() => (window.__waypointSpeech ?? []) as SpokenEntry[]);

test('a child signs in by picture at a locked station, hears the target, adds evidence the teacher then sees', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);

  // Everything from here on works with no network.
  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Station' }).click();
  await page.getByLabel('Choose a teacher PIN (at least 4 digits)').fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Start the station' }).click();

  const grid = page.getByRole('list', { name: 'Who are you? Find your picture.' });
  await expect(grid.getByRole('button')).toHaveCount(8);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectAccessible(page);

  // No way out by address either: a reload or another address comes back to the grid.
  await page.goto('/class');
  await expect(page).toHaveURL(/\/station$/);
  await expect(grid.getByRole('button')).toHaveCount(8);

  // A wrong confirming picture does not sign in.
  await grid.getByRole('button', { name: 'Sofía, owl' }).click();
  // Sofía's family speaks Spanish: the confirming question is asked in Spanish.
  const choices = page.getByRole('list', { name: '¿Eres tú? Busca tu dibujo otra vez.' });
  await expect(choices.getByRole('button')).toHaveCount(4);
  await expectAccessible(page);
  await choices.getByRole('button').filter({ hasNotText: 'búho' }).first().click();
  await expect(page.getByRole('status')).toHaveText(/That was not your picture/);
  await expect(page.getByTestId('station-target')).toHaveCount(0);

  // The right one does; her target is read aloud in Spanish, her family's language.
  await grid.getByRole('button', { name: 'Sofía, owl' }).click();
  await choices.getByRole('button', { name: 'búho' }).click();
  const statement = page.getByTestId('station-target');
  await expect(statement).toBeVisible();
  const text = (await statement.textContent()) ?? '';
  expect(spanishKidStatements().has(text)).toBe(true);
  await expect.poll(async () => (await spoken(page)).at(-1)).toEqual(expect.objectContaining({ text, language: 'es' }));
  await expectAccessible(page);
  await page.getByRole('button', { name: `Escuchar: ${text}` }).click();
  await expect.poll(async () => (await spoken(page)).filter((s) => s.text === text).length).toBe(2);

  // Show what I can do: a voice clip from the (fake) microphone.
  await page.getByRole('button', { name: 'Mostrar lo que sé hacer' }).click();
  await expect(page.getByRole('button', { name: 'Terminé' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Grabar mi voz' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Grabar', exact: true }).click();
  await page.waitForTimeout(1200);
  await page.getByRole('button', { name: 'Parar' }).click();
  await page.getByRole('button', { name: 'Guardar esta grabación' }).click();
  await expect(page.getByRole('status')).toHaveText(/¡Guardado!/);

  // How do I feel about it: three faces.
  await page.getByRole('button', { name: '¿Cómo me siento?' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: '¡Sí puedo!' }).click();
  await expect(page.getByRole('status')).toHaveText(/¡Guardado!/);
  await page.getByRole('button', { name: 'Terminé' }).click();
  await expect(grid.getByRole('button')).toHaveCount(8);

  // Leaving the station needs the PIN.
  await page.getByRole('button', { name: 'Teacher: leave the station' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave the station' });
  await dialog.getByLabel('Teacher PIN').fill('0000');
  await dialog.getByRole('button', { name: 'Leave' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('That PIN is not right. Try again.');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await dialog.getByLabel('Teacher PIN').fill(PIN);
  await dialog.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // The teacher sees today's two submissions on Sofía's page, waiting for review, and on nobody else's.
  const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());
  const todays = page.getByRole('list', { name: 'Evidence' }).getByRole('listitem').filter({ hasText: today });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Class' }).click();
  await page.getByRole('list', { name: 'Students' }).getByRole('link', { name: /Sofía/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sofía' })).toBeVisible();
  await expect(todays).toHaveCount(2);
  await expect(todays.filter({ hasText: 'Work sample' })).toContainText('Waiting for review');
  await expect(todays.filter({ hasText: 'Self-assessment' })).toContainText('I can do it');
  for (const name of ['Liam', 'Mateo']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Class' }).click();
    await page
      .getByRole('list', { name: 'Students' })
      .getByRole('link', { name: new RegExp(name) })
      .click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(todays).toHaveCount(0);
  }
});
