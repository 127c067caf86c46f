import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.use({ viewport: { width: 1024, height: 768 } });

test('a teacher sees the path map, reorders a path with the keyboard, and the order survives a reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);

  await page.goto('/student/demo-student-2');
  // A 36-stop path folds away below the day's work on the student page.
  await page.getByText(/^Path map: 36 stops/).click();
  const map = page.getByRole('list', { name: 'Path map' });
  await expect(map.getByRole('listitem')).toHaveCount(36);
  await expect(map.getByRole('listitem').filter({ hasText: 'Passed by' })).toHaveCount(2);
  await expect(map.locator('[aria-current="step"]')).toContainText('You are here');
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('link', { name: 'Edit path' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Path of Liam' })).toBeVisible();
  const rows = page.getByRole('list', { name: 'Targets on the path' }).getByRole('listitem');
  const firstCode = await rows.first().locator('strong').innerText();
  const moveDown = page.getByRole('button', { name: new RegExp(`^Move down: ${firstCode.replaceAll('.', '\\.')} `) });

  // Keyboard only: Enter twice moves the target two places, focus stays on its Move down button.
  await moveDown.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'moved to place 2 of 36' })).toBeVisible();
  await expect(moveDown).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'moved to place 3 of 36' })).toBeVisible();
  await expect(moveDown).toBeFocused();
  await expectNoSeriousAxeViolations(page);

  await page.reload();
  await expect(rows.nth(2).locator('strong')).toHaveText(firstCode);

  await page.goto('/class-path');
  await expect(page.getByRole('list', { name: 'Class path' }).getByRole('listitem')).toHaveCount(36);
  await expectNoSeriousAxeViolations(page);
});
