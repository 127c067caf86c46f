import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/** A screen's code may still be loading when the address changes: wait this long for its heading. */
const WAIT_MS = 5000;

/**
 * After a change of screen (not the first load, not a change of query or hash), keyboard and screen-reader
 * focus moves to the new screen's main heading, as a page load would put it at the top: otherwise focus
 * stays on the link just used, or on the page body, and the new screen is never announced.
 *
 * The focus waits for the next frame: focus() lays the page out there and then, and called as the heading
 * is committed it laid out a half-built screen (the rest of its reads still to come) that the frame then laid
 * out again, some 40–100 ms on a slow tablet. Just before the frame, that layout is the frame's own.
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
    let frame = 0;
    const focusHeading = (): boolean => {
      const heading = main.querySelector('h1');
      if (!heading) return false;
      frame = requestAnimationFrame(() => {
        // The screen may have replaced its heading since (a loading state, then the page).
        const now = main.querySelector('h1') ?? heading;
        if (!now.hasAttribute('tabindex')) now.setAttribute('tabindex', '-1');
        now.focus();
      });
      return true;
    };
    if (focusHeading()) return () => cancelAnimationFrame(frame);
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [pathname, mainId]);
}
