import { iconSrc, type IconName } from './pictures.ts';

/** Kept, so the browser keeps each drawing parsed and decoded in its memory cache while the app runs. */
const warmed = new Map<string, HTMLImageElement>();

/**
 * Loads and decodes drawings before a screen needs them, one at a time when the browser is idle. An SVG in
 * an <img> is a small document the browser must parse and lay out the first time it paints it: on a slow
 * tablet, a dozen of them at once would hold up the screen that shows them (the child's home).
 */
export function warmIcons(names: readonly IconName[]): void {
  if (typeof Image === 'undefined') return;
  const queue = names.map(iconSrc).filter((src) => !warmed.has(src));
  const next = () => {
    const src = queue.shift();
    if (src === undefined) return;
    const image = new Image();
    image.src = src;
    warmed.set(src, image);
    void image
      .decode()
      .catch(() => undefined)
      .then(() => whenIdle(next));
  };
  whenIdle(next);
}

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 500 });
  else setTimeout(task, 0);
}
