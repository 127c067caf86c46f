import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoSeriousAxeIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('teacher edits a starter target with the live preview, then exports the class', async ({ page }) => {
  await page.goto('/class');
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);

  await page.getByRole('link', { name: 'Frameworks', exact: true }).click();
  await page.getByRole('button', { name: /^Targets of Kindergarten literacy/ }).click();
  await page.getByRole('button', { name: 'Edit RF.K.4' }).click();
  const editor = page.getByRole('region', { name: 'Edit target RF.K.4' });
  await expect(editor.getByRole('heading', { name: 'Edit target RF.K.4' })).toBeFocused();
  const result = editor.getByRole('region', { name: /^Preview/ }).getByRole('status');
  // The emergent-reader target: 3 of the last 4 at Proficient. The sample has 2 of 4.
  await expect(result).toContainText('Not yet: 2 of the last 4 checks');
  await editor.getByLabel('Checks needed at the mastery level (m)').fill('2');
  await expect(result).toContainText('Mastered: 2 of the last 4 checks');
  await expectNoSeriousAxeIssues(page);
  await editor.getByRole('button', { name: 'Save target' }).click();
  await expect(editor.getByText('Saved.', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Backup', exact: true }).click();
  const mastery = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Mastery (CSV)' }).click();
  const masteryFile = readFileSync(await (await mastery).path());
  expect([...masteryFile.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(masteryFile.toString('utf8')).toContain('Student,Target,Learning target,Status,Score,Mastered on,Why');

  await page.getByLabel('Term sourcedId in the school’s system').fill('TERM-2026');
  await page.getByRole('button', { name: 'Prepare the OneRoster files' }).click();
  await expect(page.getByText(/^Ready: \d+ results on \d+ targets/)).toBeVisible();
  const results = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save results.csv' }).click();
  const download = await results;
  expect(download.suggestedFilename()).toBe('results.csv');
  expect(readFileSync(await download.path(), 'utf8').split('\r\n')[0]).toBe(
    'sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,scoreDate,comment,textScore,classSourcedId,inProgress,incomplete,late,missing',
  );
  await expectNoSeriousAxeIssues(page);
});
