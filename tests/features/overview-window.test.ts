import { describe, expect, it } from 'vitest';
import { visibleColumnRange } from '#features/overview/overview-window.ts';

// The CSS's sizes at 16 px per rem: 7.5rem target columns, an 11rem sticky student column.
const base = { columnWidth: 120, headerWidth: 176, columnCount: 60, overscan: 3 };

describe('overview column window', () => {
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
