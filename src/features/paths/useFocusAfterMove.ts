import { useCallback, useLayoutEffect, useRef } from 'react';

interface PendingFocus {
  readonly elementId: string;
  readonly itemId: string;
  readonly index: number;
}

/**
 * Keeps keyboard focus on a moved row. At the top or bottom the pressed button becomes disabled, which drops
 * focus, and browsers differ on whether focus survives React moving a node; so once the list shows the item
 * at its new place (the saved order arrives through the live query), the wanted button is focused.
 */
export function useFocusAfterMove(order: readonly string[]): (pending: PendingFocus) => void {
  const pending = useRef<PendingFocus | null>(null);
  const latest = useRef(order);
  const tryFocus = useCallback(() => {
    const wanted = pending.current;
    if (!wanted || latest.current.indexOf(wanted.itemId) !== wanted.index) return;
    document.getElementById(wanted.elementId)?.focus();
    pending.current = null;
  }, []);
  useLayoutEffect(() => {
    latest.current = order;
    tryFocus();
  }, [order, tryFocus]);
  return useCallback(
    (wanted: PendingFocus) => {
      pending.current = wanted;
      tryFocus();
    },
    [tryFocus],
  );
}

/** After a move, the same direction's button, unless the row reached the end where that one is disabled. */
export function moveButtonAfter(direction: 'up' | 'down', index: number, count: number): 'up' | 'down' {
  if (direction === 'up' && index === 0) return 'down';
  if (direction === 'down' && index === count - 1) return 'up';
  return direction;
}
