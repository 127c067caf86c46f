/** Which target columns of the overview grid to put in the DOM: those in view, plus an overscan each side. */

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

/** Target columns [start, end): indices into the grid's columns, end exclusive. */
export interface ColumnRange {
  readonly start: number;
  readonly end: number;
}

export function visibleColumnRange(input: ColumnWindowInput): ColumnRange {
  const { scrollLeft, viewportWidth, columnWidth, headerWidth, columnCount, overscan } = input;
  if (columnCount <= 0) return { start: 0, end: 0 };
  if (!(columnWidth > 0)) return { start: 0, end: columnCount };
  // Column i spans [headerWidth + i·w, headerWidth + (i+1)·w) of the table; the sticky student column hides
  // the first headerWidth px of the view, so the columns show from scrollLeft + headerWidth to its far edge.
  const scrolled = Math.max(0, scrollLeft);
  const first = Math.floor(scrolled / columnWidth);
  const last = Math.ceil((scrolled + Math.max(0, viewportWidth - headerWidth)) / columnWidth);
  const start = clamp(first - overscan, 0, columnCount);
  const end = clamp(Math.max(last, first + 1) + overscan, start, columnCount);
  return { start, end };
}

export function sameRange(a: ColumnRange, b: ColumnRange): boolean {
  return a.start === b.start && a.end === b.end;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
