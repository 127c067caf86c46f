import { useEffect } from 'react';

/**
 * When the tablet's first screen has painted. What that screen does not need (the sync engine's chunk and
 * its first round, the rest of the English, the other languages) waits for it: on a tablet holding a school
 * year, at 4x CPU, that work ran in the middle of the class page's start. A first screen that never comes
 * (an error, a screen that waits on something) lets it all go after `FIRST_SCREEN_WAIT_MS`.
 */
export const FIRST_SCREEN_WAIT_MS = 3000;

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

let after: Promise<void> | null = null;

/** One promise for every caller (each component speaking English asks): the wait counts from the first. */
export function afterFirstScreen(): Promise<void> {
  after ??= Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
  return after;
}

/** Rendered beside the first screen inside its Suspense boundary: it mounts when that screen is in. */
export function FirstScreenShown(): null {
  useEffect(() => {
    // A task queued from an animation frame runs once that frame is painted.
    requestAnimationFrame(() => setTimeout(markShown, 0));
  }, []);
  return null;
}
