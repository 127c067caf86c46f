import { useEffect, useState } from 'react';

/**
 * A long list as a screen renders it: at first only the first `first` items (about what is in view), then
 * `step` more each time the browser is idle, until every item is there. A year's path is some 125 targets,
 * each a map stop or a card: building and laying out all of them at once held a tablet's first frame of the
 * page for a second or more; in small steps the page shows at once and stays responsive while the rest
 * arrives (a teacher rarely scrolls that far in the first second).
 */
export function useFirstItemsFirst<T>(items: readonly T[], first: number, step = first): readonly T[] {
  const [count, setCount] = useState(first);
  const total = items.length;
  useEffect(() => {
    if (count >= total) return;
    return whenIdle(() => setCount((n) => n + step));
  }, [count, total, step]);
  return count >= total ? items : items.slice(0, count);
}

/** Runs `task` when the browser is idle (or after a short wait where it cannot tell); returns a canceller. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    // Only when idle: what the page still reads (its evidence, say) comes first. The timeout only makes
    // sure a page that is never idle gets its list all the same.
    const handle = requestIdleCallback(task, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 1);
  return () => clearTimeout(handle);
}
