/**
 * The year bench's browser: Debian's Chromium with a persistent profile (IndexedDB on disk, as on a
 * tablet), the page at a tablet's 1024×768, and the in-page scripts that time each screen. Every timed
 * visit runs inside the page (no round trip to Playwright in the measured span) and ends when the screen's
 * content is in the DOM and the next frame is painted. Plain JavaScript in strings: tsx would wrap named
 * functions in a helper the page does not have.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { SETTLE_SCRIPT } from './overview-bench.ts';

export const CPU_SLOWDOWN = 4;

export async function openProfile(dir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1024, height: 768 },
    // The app's CSP forbids evaluating strings; the bench's probes (waitForFunction, addInitScript) are strings.
    bypassCSP: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page };
}

export async function throttle(page: Page, rate = CPU_SLOWDOWN): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the app to the page from the build folder `dist()` names at each request (the API still from the
 * server at `base`), the service worker bypassed: two builds side by side on the same IndexedDB.
 */
export async function serveBuilds(page: Page, cdp: CDPSession, base: string, dist: () => string): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  await page.route(`${base}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.startsWith('/api/')) return route.continue();
    const file = extname(path) ? join(dist(), path) : join(dist(), 'index.html');
    const body = await readFile(file).catch(() => null);
    if (!body) return route.fulfill({ status: 404 });
    return route.fulfill({ body, contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
  });
}

/** Resolves after the next frame is painted and the main thread is then idle. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(SETTLE_SCRIPT);
}

/** In-page helpers every visit script starts with: wait for a condition on each DOM change, then a frame. */
const HELPERS = `
  const until = (ready) => new Promise((resolve) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (ready()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  // A task queued from requestAnimationFrame runs after that frame's style, layout and paint.
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(null);
  }));
`;

/**
 * One timed visit: `go` (a statement: a tap on a link, or a history navigation) and the ms until `ready`
 * (an expression over the DOM) holds and the next frame is painted.
 */
export async function timeVisit(page: Page, go: string, ready: string): Promise<number> {
  const script = `(async () => {
    ${HELPERS}
    const ready = () => { try { return Boolean(${ready}); } catch { return false; } };
    const started = performance.now();
    ${go}
    await until(ready);
    await painted();
    return performance.now() - started;
  })()`;
  return (await page.evaluate(script)) as number;
}

/** A tap on the first link to `href` (an anchor the app renders). */
export const tap = (href: string): string => `{
  const link = document.querySelector('a[href="${href}"]');
  if (!link) throw new Error('No link to ${href}');
  link.click();
}`;

/** A navigation inside the app without a link (as the router does it): push the address and tell the router. */
export const navigate = (path: string): string =>
  `history.pushState({}, '', '${path}'); dispatchEvent(new PopStateEvent('popstate', { state: {} }));`;

/**
 * Before the page's own scripts, on every load: records `window.__classShown` (ms since the navigation
 * started) once the class list holds `rows` children, each with what they work on, and the frame is painted.
 */
export function classShownInit(rows: number): string {
  return `(() => {
    ${HELPERS}
    const ready = () => {
      const list = document.querySelector('ul[aria-label="Students"]');
      if (!list || list.children.length < ${rows}) return false;
      return [...list.querySelectorAll('.roster-target')].every((el) => el.textContent.trim() !== '');
    };
    const start = () => until(ready).then(painted).then(() => { window.__classShown = performance.now(); });
    if (document.body) start();
    else document.addEventListener('DOMContentLoaded', start);
  })();`;
}

export const READY = {
  classPage: (rows: number) =>
    `document.querySelectorAll('ul[aria-label="Students"] .roster-target').length >= ${rows}`,
  studentPage: (name: string) =>
    `document.querySelector('#student-name')?.textContent === ${JSON.stringify(name)} &&
     document.querySelector('[data-testid="next-step"]') &&
     document.querySelector('section[aria-labelledby="evidence-title"] li')`,
  conference: (name: string) =>
    `document.querySelector('#conference-title')?.textContent.includes(${JSON.stringify(name)}) &&
     document.querySelector('[data-testid="conference-next-step"]') &&
     document.querySelector('.timeline-list li')`,
  familyReport: (name: string) =>
    `document.querySelector('article.family-report h1')?.textContent.includes(${JSON.stringify(name.split(' ')[0])}) &&
     document.querySelectorAll('.family-report-section').length >= 2`,
  myPath: (name: string) =>
    `document.querySelector('#my-path-title')?.textContent.includes(${JSON.stringify(name)}) &&
     document.querySelector('[data-testid="my-current-target"], #my-current-title') &&
     document.querySelector('section[aria-labelledby="my-evidence-title"] li')`,
};
