import { expect, test } from '@playwright/test';

test('records an observation, then works offline after a reload with the observation still there', async ({
  page,
  context,
}) => {
  await page.goto('/');
  // First visit: wait until the service worker controls the page (clientsClaim + reload as needed).
  await page.evaluate(async () => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // The demo class appears on first run.
  const roster = page.getByRole('list', { name: 'Students' });
  await expect(roster.getByRole('link')).toHaveCount(8);
  await roster.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const studentUrl = page.url();

  const note = `Blended c-a-t on her own ${Date.now()}`;
  const form = page.getByRole('form', { name: 'Quick observation' });
  await form.getByRole('radio', { name: /Proficient/ }).click();
  await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Observation saved.');
  await expect(page.getByText(note)).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  expect(page.url()).toBe(studentUrl);
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();

  // A route never visited online also comes from the precache.
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
