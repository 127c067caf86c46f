import { expect, test } from '@playwright/test';
import { appEn } from '../../src/i18n/messages/app.en.ts';
import { appEs } from '../../src/i18n/messages/app.es.ts';
import { deskEn } from '../../src/i18n/messages/desk.en.ts';
import { deskEs } from '../../src/i18n/messages/desk.es.ts';

const STATES = ['status.notStarted', 'status.inProgress', 'status.mastered', 'status.skipped'] as const;

/**
 * Every status word fits its column in the overview, in every language, with the browser's real fonts and
 * layout (Debian's DejaVu Sans is wider than most tablets' fonts): the current target's cell is bold, and
 * the column width comes from each language's catalog (overview.grid.columnWidth). A word cut short would
 * leave a teacher guessing between "Sin empezar" and "Sin em…".
 */
for (const { locale, app, desk } of [
  { locale: 'en-US', app: appEn, desk: deskEn },
  { locale: 'es-ES', app: appEs, desk: deskEs },
]) {
  test(`overview status words fit their columns (${locale})`, async ({ browser }) => {
    const page = await (await browser.newContext({ locale })).newPage();
    await page.goto('/overview');
    const grid = page.getByRole('table', { name: desk['overview.grid.caption'] });
    await expect(grid.locator('td.cell').first()).toBeVisible();
    // The current target is always on the path: its cell is never "not on path".
    const words = [
      ...STATES.flatMap((key) => [
        { word: app[key], current: false },
        { word: app[key], current: true },
      ]),
      { word: desk['overview.notOnPath'], current: false },
    ];
    // Each word in turn, in a status cell of the grid's first target column.
    const cut = await grid.evaluate((table, words) => {
      const cell = table.querySelector<HTMLTableCellElement>('tbody td.cell[aria-colindex="2"]')!;
      const tooWide: string[] = [];
      for (const { word, current } of words) {
        cell.className = `cell cell-notStarted${current ? ' cell-current' : ''}`;
        cell.textContent = word;
        // The cell clips what overflows (so scrollWidth tells nothing): compare the text's own box.
        const text = document.createRange();
        text.selectNodeContents(cell);
        const end = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
        if (text.getBoundingClientRect().right > end) tooWide.push(`${word}${current ? ' (current)' : ''}`);
      }
      return tooWide;
    }, words);
    expect(cut).toEqual([]);
  });
}

/**
 * Each child's name is the way into their conference: a touch target at least 44px tall on a tablet either
 * way round (it was 26px), and the rows no taller than that name needs (44px and the row's 1px border).
 */
for (const viewport of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
]) {
  test(`overview names are 44px touch targets (${viewport.width}×${viewport.height})`, async ({ browser }) => {
    const page = await (await browser.newContext({ locale: 'es-ES', viewport })).newPage();
    await page.goto('/overview');
    const grid = page.getByRole('table', { name: deskEs['overview.grid.caption'] });
    await expect(grid.locator('td.cell').first()).toBeVisible();
    const sizes = await grid.evaluate((table) =>
      [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((row) => ({
        link: row.querySelector('th a')!.getBoundingClientRect().height,
        row: row.getBoundingClientRect().height,
      })),
    );
    expect(sizes.length).toBeGreaterThan(5);
    for (const { link, row } of sizes) {
      expect(link).toBeGreaterThanOrEqual(44);
      expect(row).toBeLessThanOrEqual(46);
    }
  });
}
