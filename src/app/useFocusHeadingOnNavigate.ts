import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/** A screen's code may still be loading when the address changes: wait this long for its heading. */
const WAIT_MS = 5000;

/**
 * After a change of screen (not the first load, not a change of query or hash), keyboard and screen-reader
 * focus moves to the new screen's main heading, as a page load would put it at the top: otherwise focus
 * stays on the link just used, or on the page body, and the new screen is never announced.
 */
export function useFocusHeadingOnNavigate(mainId: string): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return undefined;
    }
    const main = document.getElementById(mainId);
    if (!main) return undefined;
    const focusHeading = (): boolean => {
      const heading = main.querySelector('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return true;
    };
    if (focusHeading()) return undefined;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, mainId]);
}
