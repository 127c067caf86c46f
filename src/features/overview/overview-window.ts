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

/** Items of one `size`, laid out from `offset`, that show (even partly) between `viewStart` and `viewEnd`. */
interface Axis {
  readonly offset: number;
  readonly size: number;
  readonly viewStart: number;
  readonly viewEnd: number;
  readonly count: number;
}

export function visibleColumnRange(input: ColumnWindowInput): IndexRange {
  const { scrollLeft, viewportWidth, columnWidth, headerWidth, columnCount, overscan } = input;
  // Column i spans [headerWidth + i·w, headerWidth + (i+1)·w) of the table; the sticky student column hides
  // the first headerWidth px of the view, so the columns show from scrollLeft + headerWidth to its far edge.
  const scrolled = Math.max(0, scrollLeft);
  const inView = itemsInView({
    offset: headerWidth,
    size: columnWidth,
    viewStart: scrolled + headerWidth,
    viewEnd: scrolled + Math.max(viewportWidth, headerWidth),
    count: columnCount,
  });
  return widen(inView, overscan, columnCount);
}

export function visibleRowRange(input: RowWindowInput): IndexRange {
  const { scrollTop, viewportHeight, rowHeight, bodyTop, stickyHeaderHeight, rowCount, overscan } = input;
  // The sticky header row covers the top of the view, so the rows show from below it to the view's bottom.
  const scrolled = Math.max(0, scrollTop);
  const inView = itemsInView({
    offset: bodyTop,
    size: rowHeight,
    viewStart: scrolled + stickyHeaderHeight,
    viewEnd: scrolled + Math.max(viewportHeight, stickyHeaderHeight),
    count: rowCount,
  });
  return widen(inView, overscan, rowCount);
}

/** True when `rendered` holds every item of `needed`: the window need not change. */
export function covers(rendered: IndexRange, needed: IndexRange): boolean {
  return needed.start >= needed.end || (rendered.start <= needed.start && needed.end <= rendered.end);
}

export function sameRange(a: IndexRange, b: IndexRange): boolean {
  return a.start === b.start && a.end === b.end;
}

/** At least one item (the nearest) when any exist; every item when their size is unknown. */
function itemsInView({ offset, size, viewStart, viewEnd, count }: Axis): IndexRange {
  if (count <= 0) return { start: 0, end: 0 };
  if (!(size > 0)) return { start: 0, end: count };
  const first = clamp(Math.floor((viewStart - offset) / size), 0, count - 1);
  const last = clamp(Math.ceil((viewEnd - offset) / size), first + 1, count);
  return { start: first, end: last };
}

function widen(range: IndexRange, overscan: number, count: number): IndexRange {
  return { start: clamp(range.start - overscan, 0, count), end: clamp(range.end + overscan, 0, count) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
