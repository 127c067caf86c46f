import { useLayoutEffect, useState, type RefObject } from 'react';
import {
  covers,
  visibleColumnRange,
  visibleRowRange,
  type ColumnWindowInput,
  type IndexRange,
  type RowWindowInput,
} from './overview-window.ts';

/** Columns and rows rendered beyond each edge of the view, so a short scroll shows cells already there. */
export const OVERSCAN = 2;
/**
 * The first render's guess, before any layout (and where there is none: jsdom), from the CSS at the app's
 * 18px rem: 7.5rem target columns after an 11rem student column and the table's 1px border; 45px rows (each
 * child's name a 44px touch target, and the row's border) after a caption and a header row of 81px (a
 * target's code over one line of its statement: three lines make it 113px, and the guess then covers a row
 * more than the view); a scroll container as wide as the window less the page's 1rem padding each side,
 * and at most 70% of the window high (`max-height: 70vh` in overview.css). A larger font needs fewer
 * cells, so the guess covers the view; when it does not, the measurement after layout adds the rest.
 */
export const DEFAULT_COLUMN_WIDTH = 135;
export const DEFAULT_HEADER_WIDTH = 199;
export const DEFAULT_ROW_HEIGHT = 45;
export const DEFAULT_BODY_TOP = 81;
export const DEFAULT_PAGE_PADDING = 36;
export const DEFAULT_VIEWPORT_WIDTH = 1024;
export const DEFAULT_VIEWPORT_HEIGHT = 768;
const SCROLL_HEIGHT_OF_WINDOW = 0.7;

export interface CellWindow {
  readonly columns: IndexRange;
  readonly rows: IndexRange;
}

/**
 * The target columns and student rows of a grid scrolled inside `scrollRef` to render cells for: those in
 * view plus OVERSCAN each side. It follows scroll (passive listener, one read per animation frame) and the
 * container's size (ResizeObserver), and changes only when the view holds a cell it has not rendered, so
 * the first render's guess (from the window's size) stands when it covers the view: no second render.
 * The first render has the cells in view only; the OVERSCAN each side follow once the browser is idle after
 * it (a short scroll comes later than that), so the grid shows sooner.
 */
export function useCellWindow(
  scrollRef: RefObject<HTMLElement | null>,
  columnCount: number,
  rowCount: number,
): CellWindow {
  const [cells, setCells] = useState<CellWindow>(() => cellsInView(guessGeometry(columnCount, rowCount), 0));

  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!container) return;
    // Renders again, with OVERSCAN each side, when the cells in view plus `margin` each side are not all there.
    const update = (margin = 0) => {
      const geometry = measureGeometry(container, columnCount, rowCount);
      const needed = cellsInView(geometry, margin);
      setCells((previous) =>
        covers(previous.columns, needed.columns) && covers(previous.rows, needed.rows)
          ? previous
          : cellsInView(geometry, OVERSCAN),
      );
    };
    update();
    const cancelIdle = whenIdle(() => update(OVERSCAN));
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    container.addEventListener('scroll', onScroll, { passive: true });
    // A ResizeObserver reports the size it starts with too: that one was measured just above.
    let observedSize: string | null = null;
    const resize =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(([entry]) => {
            const size = `${entry?.contentRect.width}×${entry?.contentRect.height}`;
            if (observedSize !== null && size !== observedSize) onScroll();
            observedSize = size;
          })
        : null;
    resize?.observe(container);
    return () => {
      cancelIdle();
      container.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollRef, columnCount, rowCount]);

  return { columns: clampRange(cells.columns, columnCount), rows: clampRange(cells.rows, rowCount) };
}

/** Runs `run` once the browser is idle (within half a second all the same); returns its cancel. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 500 });
    return () => cancelIdleCallback(id);
  }
  // Safari has no requestIdleCallback.
  const id = setTimeout(run, 100);
  return () => clearTimeout(id);
}

/** The sizes the window is worked out from (the overscan aside). */
interface Geometry {
  readonly columns: Omit<ColumnWindowInput, 'overscan'>;
  readonly rows: Omit<RowWindowInput, 'overscan'>;
}

function cellsInView(geometry: Geometry, overscan: number): CellWindow {
  return {
    columns: visibleColumnRange({ ...geometry.columns, overscan }),
    rows: visibleRowRange({ ...geometry.rows, overscan }),
  };
}

/** Before layout (the window's size needs none): the grid unscrolled, as wide and high as its CSS allows. */
function guessGeometry(columnCount: number, rowCount: number): Geometry {
  return {
    columns: {
      scrollLeft: 0,
      viewportWidth: (window.innerWidth || DEFAULT_VIEWPORT_WIDTH) - DEFAULT_PAGE_PADDING,
      columnWidth: DEFAULT_COLUMN_WIDTH,
      headerWidth: DEFAULT_HEADER_WIDTH,
      columnCount,
    },
    rows: {
      scrollTop: 0,
      viewportHeight: SCROLL_HEIGHT_OF_WINDOW * (window.innerHeight || DEFAULT_VIEWPORT_HEIGHT),
      rowHeight: DEFAULT_ROW_HEIGHT,
      bodyTop: DEFAULT_BODY_TOP,
      stickyHeaderHeight: 0,
      rowCount,
    },
  };
}

/**
 * From the container's scroll and size and the laid-out table: the header cells' widths (the CSS sets them
 * in rem, so they follow the reader's font size), the body's average row height, where it starts and how
 * much the sticky header row covers. Where nothing is laid out (size 0), the guess.
 */
function measureGeometry(container: HTMLElement, columnCount: number, rowCount: number): Geometry {
  const guess = guessGeometry(columnCount, rowCount);
  const table = container.querySelector('table');
  // The first rendered target header: its width, and where it starts in the table less the columns before
  // it, where the student column ends (that column's own header sticks to the view, so its box moves).
  const targetHeader = table?.querySelector('thead th[aria-colindex]:not([aria-colindex="1"])');
  const targetBox = targetHeader?.getBoundingClientRect();
  const columnWidth = targetBox?.width ?? 0;
  const before = Number(targetHeader?.getAttribute('aria-colindex')) - 2;
  const headerWidth =
    table && targetBox ? targetBox.left - table.getBoundingClientRect().left - before * columnWidth : 0;
  const body = table?.tBodies[0]?.getBoundingClientRect();
  const rowHeight = body && rowCount > 0 ? body.height / rowCount : 0;
  const bodyTop = body
    ? body.top - container.getBoundingClientRect().top - container.clientTop + container.scrollTop
    : 0;
  return {
    columns: {
      scrollLeft: container.scrollLeft,
      viewportWidth: container.clientWidth || guess.columns.viewportWidth,
      columnWidth: columnWidth || guess.columns.columnWidth,
      headerWidth: headerWidth || guess.columns.headerWidth,
      columnCount,
    },
    rows: {
      scrollTop: container.scrollTop,
      viewportHeight: container.clientHeight || guess.rows.viewportHeight,
      rowHeight: rowHeight || guess.rows.rowHeight,
      bodyTop: rowHeight ? bodyTop : guess.rows.bodyTop,
      stickyHeaderHeight: table?.tHead?.getBoundingClientRect().height ?? 0,
      rowCount,
    },
  };
}

function clampRange(range: IndexRange, count: number): IndexRange {
  const end = Math.min(range.end, count);
  return { start: Math.min(range.start, end), end };
}
