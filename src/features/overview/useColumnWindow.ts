import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { sameRange, visibleColumnRange, type ColumnRange } from './overview-window.ts';

/** Columns rendered beyond each edge of the view, so a short scroll shows cells already there. */
export const OVERSCAN = 3;
/**
 * Used where there is no layout to measure (jsdom, or before the first layout): the CSS's 7.5rem target
 * columns and 11rem student column (padding and borders included) at the app's 18px rem, after the
 * table's 1px border.
 */
export const DEFAULT_COLUMN_WIDTH = 135;
export const DEFAULT_HEADER_WIDTH = 199;
export const DEFAULT_VIEWPORT_WIDTH = 1024;

/**
 * The target columns to render for a grid scrolled inside `scrollRef`: those in view plus OVERSCAN each side,
 * following scroll (passive listener, one read per animation frame) and the container's width
 * (ResizeObserver). Every column while printing: paper does not scroll.
 */
export function useColumnWindow(scrollRef: RefObject<HTMLElement | null>, columnCount: number): ColumnRange {
  const [range, setRange] = useState<ColumnRange>(() => initialRange(columnCount));
  const printing = usePrinting();

  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!container) return;
    const update = () => {
      const next = measureRange(container, columnCount);
      setRange((previous) => keepIfSame(previous, next));
    };
    update();
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    container.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(onScroll) : null;
    resize?.observe(container);
    return () => {
      container.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollRef, columnCount]);

  return printing ? { start: 0, end: columnCount } : clampRange(range, columnCount);
}

/** True while the page prints (print dialog or PDF, and print media emulation). */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia?.('print').matches ?? false);
  useEffect(() => {
    // flushSync: the print layout is taken right after beforeprint, so every column must be there by then.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(window.matchMedia?.('print').matches ?? false);
    const query = window.matchMedia?.('print');
    const onChange = (event: MediaQueryListEvent) => (event.matches ? before() : after());
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    query?.addEventListener('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      query?.removeEventListener('change', onChange);
    };
  }, []);
  return printing;
}

function initialRange(columnCount: number): ColumnRange {
  return visibleColumnRange({
    scrollLeft: 0,
    viewportWidth: DEFAULT_VIEWPORT_WIDTH,
    columnWidth: DEFAULT_COLUMN_WIDTH,
    headerWidth: DEFAULT_HEADER_WIDTH,
    columnCount,
    overscan: OVERSCAN,
  });
}

/**
 * Reads the container's scroll and width and the rendered header cells' widths (the CSS sets them in rem, so
 * they follow the reader's font size); where nothing is laid out (width 0), the defaults.
 */
function measureRange(container: HTMLElement, columnCount: number): ColumnRange {
  const table = container.querySelector('table');
  const nameHeader = table?.querySelector('thead th[aria-colindex="1"]');
  const targetHeader = table?.querySelector('thead th[aria-colindex]:not([aria-colindex="1"])');
  const tableStart = table?.getBoundingClientRect().left ?? 0;
  const headerWidth = nameHeader ? nameHeader.getBoundingClientRect().right - tableStart : 0;
  const columnWidth = targetHeader?.getBoundingClientRect().width ?? 0;
  return visibleColumnRange({
    scrollLeft: container.scrollLeft,
    viewportWidth: container.clientWidth || DEFAULT_VIEWPORT_WIDTH,
    columnWidth: columnWidth || DEFAULT_COLUMN_WIDTH,
    headerWidth: headerWidth || DEFAULT_HEADER_WIDTH,
    columnCount,
    overscan: OVERSCAN,
  });
}

function keepIfSame(previous: ColumnRange, next: ColumnRange): ColumnRange {
  return sameRange(previous, next) ? previous : next;
}

function clampRange(range: ColumnRange, columnCount: number): ColumnRange {
  const end = Math.min(range.end, columnCount);
  return { start: Math.min(range.start, end), end };
}
