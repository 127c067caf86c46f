import { expect, test } from '@playwright/test';

test('rolls the class into a new school year offline, keeps last year whole, and shows each child’s earlier year', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const roster = page.getByRole('list', { name: 'Students' });
  await expect(roster.getByRole('link')).toHaveCount(8);
  const lastYear = (await page.getByRole('heading', { level: 1 }).textContent())!;
  await context.setOffline(true);

  await page.getByRole('link', { name: 'New school year' }).click();
  await page.getByRole('textbox', { name: 'Name of the new class' }).fill('First grade, Room 4');
  await page.getByRole('textbox', { name: 'School year' }).fill('2027–2028');
  const children = page.getByRole('group', { name: 'Children who go on' }).getByRole('checkbox');
  await expect(children).toHaveCount(8);
  await children.first().uncheck();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('7 children go on to First grade, Room 4 (2027–2028) with their history.')).toBeVisible();
  await page.getByRole('button', { name: 'Start the new school year' }).click();
  await expect(page.getByText('First grade, Room 4 (2027–2028) is ready with 7 children.')).toBeVisible();

  // Saved in IndexedDB: after a reload (offline) the tablet shows the new class with the 7 children.
  await page.reload();
  await page.getByRole('link', { name: 'Class', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'First grade, Room 4' })).toBeVisible();
  await expect(roster.getByRole('link')).toHaveCount(7);
  await roster.getByRole('link').first().click();
  const earlier = page.getByRole('region', { name: 'Earlier years and other classes' });
  await expect(earlier.getByRole('link', { name: lastYear })).toBeVisible();
  await earlier.getByRole('link', { name: lastYear }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Last year's class is still whole, closed, with all 8 children.
  await page.getByRole('link', { name: 'Class', exact: true }).click();
  await page.getByLabel('Show class').selectOption({ label: lastYear });
  await expect(page.getByText('Closed at the end of its school year and kept as it was.')).toBeVisible();
  await expect(roster.getByRole('link')).toHaveCount(8);
  await expect(page.getByRole('link', { name: 'New school year' })).toHaveCount(0);
});
