import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test("an older student's own view: path with reasons, choosing a ready target, adding evidence, offline", async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);

  await context.setOffline(true);
  await page.goto('/my-path/demo-student-2');
  await expect(page.getByRole('heading', { level: 1, name: 'My path: Liam' })).toBeVisible();
  const path = page.getByRole('list', { name: 'Learning path' });
  await expect(path.getByRole('listitem').first()).toContainText(/Why: /);

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  const choose = page.getByRole('form', { name: 'Choose what to work on next' });
  const option = choose.getByRole('radio').last();
  const label = ((await option.locator('xpath=..').innerText()) ?? '').replace(/^\S+\s/, '').trim();
  const working = await page.getByTestId('my-current-target').innerText();
  await option.check();
  await choose.getByRole('button', { name: 'Choose this' }).click();
  // The choice is what comes next: what Liam works on now stays.
  await expect(page.getByTestId('my-chosen-next')).toContainText(label);
  await expect(page.getByTestId('my-current-target')).toHaveText(working);

  const add = page.getByRole('form', { name: 'Add evidence' });
  await add.getByLabel('What did you do?').fill('I sorted the picture cards by first sound');
  await add.getByRole('button', { name: 'Add' }).click();
  const history = page.getByRole('list', { name: 'My evidence' });
  await expect(history.getByRole('listitem').filter({ hasText: 'I sorted the picture cards' })).toContainText(
    'Waiting for review',
  );
});
