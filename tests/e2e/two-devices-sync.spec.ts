import { expect, test, type BrowserContext, type Page } from '@playwright/test';

const DEMO_EMAIL = 'teacher@demo.school';
const DEMO_PASSWORD = 'waypoint-demo';

/** A teacher tablet: first visit, signed in to the server, showing the server's demo class. */
async function teacherTablet(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await page.goto('/settings');
  await page.getByLabel('Email').fill(DEMO_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Connected to .* as a teacher device/)).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Synced');
  await page.goto('/class');
  await page.getByLabel('Show class').selectOption({ label: 'Room 4 (demo)' });
  await expect(page.getByRole('heading', { level: 1, name: 'Room 4 (demo)' })).toBeVisible();
  return page;
}

test('evidence recorded offline on one tablet appears on the other once both are online', async ({ browser }) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await teacherTablet(contextA);
  const b = await teacherTablet(contextB);

  const firstStudent = (page: Page) => page.getByRole('list', { name: 'Students' }).getByRole('link').first();
  const name = (await firstStudent(a).locator('.roster-name').textContent()) ?? '';
  expect(name).not.toBe('');

  await contextA.setOffline(true);
  await contextB.setOffline(true);
  await firstStudent(a).click();
  const note = `Counted syllables in "butterfly" ${Date.now()}`;
  const form = a.getByRole('form', { name: 'Quick observation' });
  await form.getByRole('radio', { name: /Proficient/ }).click();
  await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Observation saved.');
  await expect(a.getByTestId('sync-status')).toContainText('1 waiting');

  await contextA.setOffline(false);
  await expect(a.getByTestId('sync-status')).toContainText('0 waiting', { timeout: 15_000 });
  await contextB.setOffline(false);
  await firstStudent(b).click();
  await expect(b.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(b.getByText(note)).toBeVisible({ timeout: 15_000 });

  for (const page of [a, b]) await expect(page.getByTestId('sync-status')).toContainText(/Synced .*0 waiting/);
  await contextA.close();
  await contextB.close();
});
