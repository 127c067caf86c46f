import { expect, test, type Page } from '@playwright/test';
import { teacherTablet } from './teacher-tablet.ts';

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
