import { describe, expect, it } from 'vitest';
import { covers, visibleColumnRange, visibleRowRange } from '#features/overview/overview-window.ts';

// The CSS's sizes at 16 px per rem: 7.5rem target columns, an 11rem sticky student column.
const base = { columnWidth: 120, headerWidth: 176, columnCount: 60, overscan: 3 };

describe('overview column range', () => {
  it('at the start, renders the columns that fit beside the student column, and the overscan after them', () => {
    // 1024 − 176 = 848 px for targets: 7 whole columns and a part of the 8th (0..7), then 3 more.
    expect(visibleColumnRange({ ...base, scrollLeft: 0, viewportWidth: 1024 })).toEqual({ start: 0, end: 11 });
  });

  it('scrolled, starts at the first column the student column does not cover, less the overscan', () => {
    // 1200 px scrolled = 10 columns under the sticky student column; 848 px show columns 10..17.
    expect(visibleColumnRange({ ...base, scrollLeft: 1200, viewportWidth: 1024 })).toEqual({ start: 7, end: 21 });
    // 1210 px: column 10 is still partly in view.
    expect(visibleColumnRange({ ...base, scrollLeft: 1210, viewportWidth: 1024 })).toEqual({ start: 7, end: 21 });
  });

  it('scrolled to the end, stops at the last column', () => {
    // Table 176 + 60 × 120 = 7,376 px, so the furthest scroll is 7,376 − 1,024 = 6,352: columns 52..59 show.
    expect(visibleColumnRange({ ...base, scrollLeft: 6352, viewportWidth: 1024 })).toEqual({ start: 49, end: 60 });
  });

  it('counts a column ending exactly at an edge as out of view', () => {
    // 240 px scrolled, 360 px for targets: exactly columns 2, 3 and 4.
    expect(visibleColumnRange({ ...base, overscan: 0, scrollLeft: 240, viewportWidth: 536 })).toEqual({
      start: 2,
      end: 5,
    });
  });

  it('keeps at least one column, and stays within the columns there are', () => {
    expect(visibleColumnRange({ ...base, overscan: 0, scrollLeft: 0, viewportWidth: 150 })).toEqual({
      start: 0,
      end: 1,
    });
    expect(visibleColumnRange({ ...base, columnCount: 4, scrollLeft: 0, viewportWidth: 1024 })).toEqual({
      start: 0,
      end: 4,
    });
    expect(visibleColumnRange({ ...base, columnCount: 0, scrollLeft: 0, viewportWidth: 1024 })).toEqual({
      start: 0,
      end: 0,
    });
  });

  it('renders every column when the column width is unknown', () => {
    expect(visibleColumnRange({ ...base, columnWidth: 0, scrollLeft: 0, viewportWidth: 1024 })).toEqual({
      start: 0,
      end: 60,
    });
  });
});

describe('overview row range', () => {
  // 34 px rows starting 63 px into the scrolled content (a 31 px caption, then a 32 px sticky header row).
  const rows = { rowHeight: 34, bodyTop: 63, stickyHeaderHeight: 32, rowCount: 30, overscan: 2 };

  it('at the top, renders the rows that show below the header row, and the overscan after them', () => {
    // A 502 px view: rows from 63 to 502 px show, 439 px = 12.9 rows (0..12), then 2 more.
    expect(visibleRowRange({ ...rows, scrollTop: 0, viewportHeight: 502 })).toEqual({ start: 0, end: 15 });
  });

  it('scrolled, leaves out the rows under the sticky header row, less the overscan', () => {
    // 400 px scrolled: the header row covers 400..432 px, so rows from (432 − 63) / 34 = 10.9 (10) show,
    // down to (902 − 63) / 34 = 24.7 (24).
    expect(visibleRowRange({ ...rows, scrollTop: 400, viewportHeight: 502 })).toEqual({ start: 8, end: 27 });
  });

  it('scrolled to the end, stops at the last row; without a known height, every row', () => {
    expect(visibleRowRange({ ...rows, scrollTop: 600, viewportHeight: 502 })).toEqual({ start: 14, end: 30 });
    expect(visibleRowRange({ ...rows, rowHeight: 0, scrollTop: 0, viewportHeight: 502 })).toEqual({
      start: 0,
      end: 30,
    });
  });
});

describe('overview window changes', () => {
  it('only when the view needs a cell that is not rendered', () => {
    expect(covers({ start: 0, end: 11 }, { start: 0, end: 8 })).toBe(true);
    expect(covers({ start: 0, end: 11 }, { start: 3, end: 11 })).toBe(true);
    expect(covers({ start: 0, end: 11 }, { start: 4, end: 12 })).toBe(false);
    expect(covers({ start: 5, end: 11 }, { start: 4, end: 9 })).toBe(false);
    expect(covers({ start: 0, end: 0 }, { start: 0, end: 0 })).toBe(true);
  });
});
