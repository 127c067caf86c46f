import { iconSrc, type IconName } from './pictures.ts';

/** Kept, so the browser keeps each drawing parsed and decoded in its memory cache while the app runs. */
const warmed: HTMLImageElement[] = [];
const asked = new Set<string>();
const queue: string[] = [];
let isRunning = false;

/**
 * Loads and decodes drawings before a screen needs them, one at a time when the browser is idle. An SVG in
 * an <img> is a small document the browser must parse and lay out the first time it paints it: on a slow
 * tablet, a dozen of them at once would hold up the screen that shows them (the child's home).
 */
export function warmIcons(names: readonly IconName[]): void {
  if (typeof Image === 'undefined') return;
  for (const src of names.map(iconSrc)) {
    if (asked.has(src)) continue;
    asked.add(src);
    queue.push(src);
  }
  if (!isRunning) {
    isRunning = true;
    whenIdle(next);
  }
}

function next(): void {
  // Checked again here, not only when asked: a page (or a test's DOM) torn down meanwhile has no Image.
  const src = typeof Image === 'undefined' ? undefined : queue.shift();
  if (src === undefined) {
    isRunning = false;
    return;
  }
  const image = new Image();
  image.src = src;
  warmed.push(image);
  // decode() where the browser has it (not every older tablet's does): loading alone still parses it.
  const ready = typeof image.decode === 'function' ? image.decode() : Promise.resolve();
  void ready.catch(() => undefined).then(() => whenIdle(next));
}

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 500 });
  else setTimeout(task, 0);
}
