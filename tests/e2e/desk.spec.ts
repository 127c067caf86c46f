import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const rosterFiles = readdirSync(join(fixtures, 'oneroster', 'v1p2')).map((name) =>
  join(fixtures, 'oneroster', 'v1p2', name),
);

async function expectNoSeriousAxeIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('teacher’s desk: roster and CASE import, the class overview printed, a backup restored on a new tablet', async ({
  page,
  browser,
}) => {
  await page.goto('/class');
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);

  await page.getByRole('link', { name: 'Roster', exact: true }).click();
  await page.getByLabel('Choose the roster CSV files').setInputFiles(rosterFiles);
  await expect(page.getByText('OneRoster version: 1.2')).toBeVisible();
  await expect(page.getByTestId('roster-summary')).toHaveText(
    'Of 5 rows in users.csv and enrollments.csv: 4 will be imported, 1 will not (each with its reason below).',
  );
  await page.getByRole('button', { name: 'Import 1 class' }).click();
  await expect(
    page.getByText('Import done: 1 class and 2 students. The Class page now shows Kinder Sunflowers.'),
  ).toBeVisible();
  await expectNoSeriousAxeIssues(page);
  // The overview below is the demo class's, with its weeks of evidence: back to it on the Class page.
  await page.getByRole('link', { name: 'Class', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kinder Sunflowers' })).toBeVisible();
  await page.getByLabel('Show class').selectOption({ label: 'Kindergarten, Room 4 (demo)' });
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);

  await page.getByRole('link', { name: 'Frameworks', exact: true }).click();
  await page.getByLabel('Choose a CASE package file').setInputFiles(join(fixtures, 'case', 'tiny-phonics.case.json'));
  await expect(page.getByText('3 targets in 2 groups, with 2 prerequisites.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 3 targets' }).click();
  await expect(page.getByText('Imported Tiny phonics: 3 targets.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export to CASE (Tiny phonics)' })).toBeVisible();

  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  const grid = page.getByRole('table', { name: 'Status of each student on each learning target' });
  await expect(grid.getByRole('row')).toHaveCount(9);
  await expect(page.getByRole('heading', { name: 'Working on' })).toBeVisible();
  // The grid scrolls in its own box and the page never sideways, not even for the current targets' cells
  // rendered just out of the grid's view (their read-out-only words are absolutely placed).
  await expect(grid.getByRole('columnheader')).toHaveCount(11);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(page.viewportSize()!.width);
  // Live: a child added in another tab of this tablet shows up in the open overview.
  const otherTab = await page.context().newPage();
  await otherTab.goto('/roster');
  await otherTab.getByLabel('New student’s name').fill('Zoë Live');
  await otherTab.getByRole('button', { name: 'Add student' }).click();
  await expect(otherTab.getByText('Zoë Live added, with a picture of their own.')).toBeVisible();
  await otherTab.close();
  await expect(grid.getByRole('rowheader', { name: 'Zoë Live' })).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(10);
  // A live update rewrites the row whose name link has the keyboard's focus: the focus stays on that child.
  await grid.getByRole('link', { name: 'Zoë Live' }).focus();
  const renameTab = await page.context().newPage();
  await renameTab.goto('/roster');
  const nameField = renameTab.getByLabel('Name of Zoë Live');
  await nameField.fill('Zoë Lively');
  await nameField.blur();
  await expect(renameTab.getByLabel('Name of Zoë Lively')).toBeVisible();
  await renameTab.close();
  await expect(grid.getByRole('link', { name: 'Zoë Lively' })).toBeFocused();
  // Scrolled sideways, the grid shows status cells where it is looked at, not the empty cells that stand
  // for the columns left out of the DOM.
  const scroller = page.getByRole('region', { name: 'Status of each student on each learning target' });
  await scroller.scrollIntoViewIfNeeded();
  await scroller.evaluate((el) => el.scrollTo(1500, 0));
  const cellsAcross = () =>
    scroller.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [0.3, 0.6, 0.95].map((x) =>
        Boolean(document.elementFromPoint(box.left + box.width * x, box.top + box.height * 0.6)?.closest('td.cell')),
      );
    });
  await expect.poll(cellsAcross).toEqual([true, true, true]);
  await expectNoSeriousAxeIssues(page);
  await page.emulateMedia({ media: 'print' });
  // Paper does not scroll: every target prints, ten to a table with every child, each within the page.
  const printed = page.getByRole('table', { name: /^Targets \d+–\d+ of 36$/ });
  await expect(printed).toHaveCount(4);
  await expect(printed.locator('th[scope=col] .overview-code')).toHaveCount(36);
  await expect(printed.last().getByRole('rowheader')).toHaveCount(9);
  const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
  for (const box of await printed.evaluateAll((tables) => tables.map((t) => t.getBoundingClientRect().right)))
    expect(box).toBeLessThanOrEqual(pageWidth);
  const pdf = await page.pdf({ format: 'A4', landscape: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'Backup', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup file' }).click();
  const file = await (await download).path();
  await expect(page.getByText(/^Backup saved: \d+ records/)).toBeVisible();
  const backup = JSON.parse(readFileSync(file, 'utf8')) as { tables: Record<string, { displayName?: string }[]> };
  expect(backup.tables['students']!.map((s) => s.displayName)).toEqual(expect.arrayContaining(['Sofi', 'Liam']));

  // A new tablet: restore the file, and the imported class and framework are there.
  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto('/backup');
  await tablet.getByLabel('Choose a backup file to restore').setInputFiles(file);
  await expect(tablet.getByText(/^Restored \d+ records and 0 photos or recordings/)).toBeVisible();
  await tablet.getByRole('link', { name: 'Frameworks', exact: true }).click();
  await expect(tablet.getByRole('button', { name: 'Export to CASE (Tiny phonics)' })).toBeVisible();
  await expectNoSeriousAxeIssues(tablet);
});
