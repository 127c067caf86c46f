import { useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

/**
 * The grid replaces a row's HTML whenever the row changes (a live update, or a scroll that gives the row
 * cells or takes them away; see GridRow), and a focused name link goes with it: the browser moves the focus
 * to the page's body and a keyboard user loses their place. Tabbing down the names is enough to cause it,
 * since each scroll of the grid brings rows into the cell window. After every render of the grid, the link
 * to the same child takes the focus back, but only when the focus went with a replaced link, never when the
 * user moved it elsewhere. Returns the tbody's focus handlers.
 */
export function useKeepLinkFocus(bodyRef: RefObject<HTMLTableSectionElement | null>) {
  const focused = useRef<HTMLAnchorElement | null>(null);

  useLayoutEffect(() => {
    const lost = focused.current;
    const body = bodyRef.current;
    if (!lost || lost.isConnected || !body) return;
    focused.current = null;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const href = lost.getAttribute('href');
    const again = [...body.querySelectorAll('a')].find((link) => link.getAttribute('href') === href);
    again?.focus({ preventScroll: true });
  });

  return {
    onFocus(event: FocusEvent) {
      focused.current = event.target instanceof HTMLAnchorElement ? event.target : null;
    },
    onBlur(event: FocusEvent) {
      const link = event.target;
      if (event.relatedTarget) {
        focused.current = null;
        return;
      }
      // No element took the focus: the user left it on the page, the link was taken out of the DOM (some
      // browsers say so with a blur), or the window lost the focus (another tab; the link keeps it for the
      // return): only the first lets the link go.
      queueMicrotask(() => {
        if (focused.current === link && link.isConnected && document.activeElement !== link) focused.current = null;
      });
    },
  };
}
