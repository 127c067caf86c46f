/**
 * Which cells of the overview grid to put in the DOM: the target columns and student rows in view, plus an
 * overscan each side. Pure arithmetic over sizes the hook (useCellWindow) reads from the layout.
 */

/** Items [start, end): indices into the grid's columns or rows, end exclusive. */
export interface IndexRange {
  readonly start: number;
  readonly end: number;
}

export interface ColumnWindowInput {
  /** The scroll container's scrollLeft, in px. */
  readonly scrollLeft: number;
  /** The scroll container's clientWidth (its visible width), in px. */
  readonly viewportWidth: number;
  /** Width of one target column, in px (fixed by the CSS). */
  readonly columnWidth: number;
  /** Width from the table's start to the end of the sticky student column, in px: it covers that much of the view. */
  readonly headerWidth: number;
  readonly columnCount: number;
  /** Columns rendered beyond each edge of the view. */
  readonly overscan: number;
}

export interface RowWindowInput {
  /** The scroll container's scrollTop, in px. */
  readonly scrollTop: number;
  /** The scroll container's clientHeight (its visible height), in px. */
  readonly viewportHeight: number;
  /** Height of one student row, in px. */
  readonly rowHeight: number;
  /** Where the first student row starts in the scrolled content (below the caption and the header row), in px. */
  readonly bodyTop: number;
  /** Height of the sticky header row: it covers that much of the top of the view. */
  readonly stickyHeaderHeight: number;
  readonly rowCount: number;
  /** Rows rendered beyond each edge of the view. */
  readonly overscan: number;
}

/**
 * Items of one `size`, laid out from `offset` in the scrolled content, in a view scrolled by `scroll` and
 * `viewport` long whose first `covered` px a sticky header hides.
 */
interface Axis {
  readonly scroll: number;
  readonly viewport: number;
  readonly covered: number;
  readonly offset: number;
  readonly size: number;
  readonly count: number;
  readonly overscan: number;
}

export function visibleColumnRange(input: ColumnWindowInput): IndexRange {
  // Column i spans [headerWidth + i·w, headerWidth + (i+1)·w) of the table; the sticky student column hides
  // the first headerWidth px of the view.
  return visibleRange({
    scroll: input.scrollLeft,
    viewport: input.viewportWidth,
    covered: input.headerWidth,
    offset: input.headerWidth,
    size: input.columnWidth,
    count: input.columnCount,
    overscan: input.overscan,
  });
}

export function visibleRowRange(input: RowWindowInput): IndexRange {
  // Rows start below the caption and the header row; the sticky header row hides the top of the view.
  return visibleRange({
    scroll: input.scrollTop,
    viewport: input.viewportHeight,
    covered: input.stickyHeaderHeight,
    offset: input.bodyTop,
    size: input.rowHeight,
    count: input.rowCount,
    overscan: input.overscan,
  });
}

/** True when `rendered` holds every item of `needed`: the window need not change. */
export function covers(rendered: IndexRange, needed: IndexRange): boolean {
  return needed.start >= needed.end || (rendered.start <= needed.start && needed.end <= rendered.end);
}

/** The items that show (even partly), at least one (the nearest) when any exist, and the overscan. */
function visibleRange({ scroll, viewport, covered, offset, size, count, overscan }: Axis): IndexRange {
  if (count <= 0) return { start: 0, end: 0 };
  if (!(size > 0)) return { start: 0, end: count };
  const viewStart = Math.max(0, scroll) + covered;
  const viewEnd = Math.max(0, scroll) + Math.max(viewport, covered);
  const first = clamp(Math.floor((viewStart - offset) / size), 0, count - 1);
  const last = clamp(Math.ceil((viewEnd - offset) / size), first + 1, count);
  return widen({ start: first, end: last }, overscan, count);
}

function widen(range: IndexRange, overscan: number, count: number): IndexRange {
  return { start: clamp(range.start - overscan, 0, count), end: clamp(range.end + overscan, 0, count) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
