import { expect, test } from '@playwright/test';
import { englishMore } from '../../src/i18n/catalog-en-more.ts';

// Every request of the page reaches the network (no service worker serving from its cache), so the test
// can hold one chunk back.
test.use({ serviceWorkers: 'block' });

const laterKeys = Object.keys(englishMore).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''));

/**
 * The app's first chunk carries only the English of the first screen (src/i18n, `englishFirst`); the rest
 * comes just after the first render. So the header and the class page must say everything from the first
 * chunk: with the rest held back, none of its message keys may show where a word should be.
 */
test('the header and the class page need no message from the later English chunk', async ({ page }) => {
  await page.route(/\/assets\/catalog-en-more-[^/]*\.js$/, (route) => route.abort());
  const heldBack = page.waitForEvent('requestfailed', (request) => /catalog-en-more/.test(request.url()));
  await page.goto('/class');
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);
  await heldBack;
  const said = await page.evaluate(() => {
    const texts = [document.body.innerText];
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(element.getAttribute(name) ?? '');
    return texts.join('\n');
  });
  expect(laterKeys.filter((key) => said.includes(key))).toEqual([]);
  await expect(page.getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
});

/**
 * The sync engine is a chunk of its own, loaded after the first screen (src/app/lazy-sync.ts): with it held
 * back, the class page and the header still come up from the tablet's own store.
 */
test('the header and the class page need nothing from the sync engine’s chunk', async ({ page }) => {
  // The engine's chunk only (`sync-<hash>.js`), not `sync-state-repository-<hash>.js`, which the header reads.
  const engineChunk = /\/assets\/sync-[\w-]{8}\.js$/;
  await page.route(engineChunk, (route) => route.abort());
  const heldBack = page.waitForEvent('requestfailed', (request) => engineChunk.test(request.url()));
  await page.goto('/class');
  await expect(page.getByRole('list', { name: 'Students' }).getByRole('link')).toHaveCount(8);
  await heldBack;
  await expect(page.getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
});
