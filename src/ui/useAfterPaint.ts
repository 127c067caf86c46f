import { useEffect, type DependencyList } from 'react';

/**
 * Like useEffect, but `effect` runs once the frame that shows the render is painted: work a screen does
 * not need for its first screenful (say, the rules over a year of evidence) then never holds that frame.
 * Returns nothing to clean up from `effect` itself; its `signal` tells it the render it ran for is gone.
 */
export function useAfterPaint(effect: (signal: AbortSignal) => void, deps: DependencyList): void {
  useEffect(() => {
    const aborted = new AbortController();
    const cancel = afterPaint(() => effect(aborted.signal));
    return () => {
      cancel();
      aborted.abort();
    };
    // The caller's dependencies, as useEffect's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

/** `task` after the next frame is painted (a task queued from requestAnimationFrame runs after paint). */
function afterPaint(task: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
