import { describe, expect, it } from 'vitest';
import type { PathEntry } from '#protocol';
import {
  addEnrichment,
  moveEntry,
  PathEditError,
  removeEntry,
  setPlannedDate,
  skipEntry,
  spreadDates,
  spreadPlannedDates,
  unskipEntry,
} from '#features/paths/path-edits.ts';

const path: PathEntry[] = [{ targetId: 'a' }, { targetId: 'b', plannedDate: '2026-10-01' }, { targetId: 'c' }];
const ids = (entries: readonly PathEntry[]) => entries.map((e) => e.targetId);

function problemOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof PathEditError ? error.problem : 'other';
  }
  return undefined;
}

describe('path edits', () => {
  it('moves an entry up or down, and leaves the ends alone', () => {
    expect(ids(moveEntry(path, 'b', -1))).toEqual(['b', 'a', 'c']);
    expect(ids(moveEntry(path, 'b', 1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveEntry(path, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveEntry(path, 'c', 1))).toEqual(['a', 'b', 'c']);
    expect(moveEntry(path, 'b', 1)[2]).toEqual({ targetId: 'b', plannedDate: '2026-10-01' });
  });

  it('refuses a skip without a reason, and keeps the trimmed reason otherwise', () => {
    expect(problemOf(() => skipEntry(path, 'a', '   '))).toBe('reasonRequired');
    const skipped = skipEntry(path, 'a', '  already reads all letters ');
    expect(skipped[0]).toEqual({ targetId: 'a', skippedReason: 'already reads all letters' });
    expect(unskipEntry(skipped, 'a')[0]).toEqual({ targetId: 'a' });
    expect('skippedReason' in unskipEntry(skipped, 'a')[0]!).toBe(false);
  });

  it('adds an enrichment target at the end, once', () => {
    expect(addEnrichment(path, 'x').at(-1)).toEqual({ targetId: 'x', enrichment: true });
    expect(problemOf(() => addEnrichment(path, 'b'))).toBe('alreadyOnPath');
  });

  it('removes an entry; a target not on the path is an error', () => {
    expect(ids(removeEntry(path, 'b'))).toEqual(['a', 'c']);
    expect(problemOf(() => removeEntry(path, 'zz'))).toBe('notOnPath');
  });

  it('sets and clears a planned date, and refuses what is not a date', () => {
    expect(setPlannedDate(path, 'a', '2026-11-02')[0]).toEqual({ targetId: 'a', plannedDate: '2026-11-02' });
    expect(setPlannedDate(path, 'b', null)[1]).toEqual({ targetId: 'b' });
    expect(problemOf(() => setPlannedDate(path, 'a', '2026-02-30'))).toBe('badDate');
    expect(problemOf(() => setPlannedDate(path, 'a', 'tomorrow'))).toBe('badDate');
  });
});

describe('spreading planned dates', () => {
  it('spreads evenly over school days, the last on the last school day', () => {
    // Mon 5 Oct to Fri 16 Oct 2026: ten school days.
    expect(spreadDates('2026-10-05', '2026-10-16', 5)).toEqual([
      '2026-10-06',
      '2026-10-08',
      '2026-10-12',
      '2026-10-14',
      '2026-10-16',
    ]);
    // Ending on a Sunday: the last school day is the Friday before.
    expect(spreadDates('2026-10-05', '2026-10-18', 2)).toEqual(['2026-10-09', '2026-10-16']);
    // More targets than days: some share a day, in order.
    expect(spreadDates('2026-10-05', '2026-10-06', 3)).toEqual(['2026-10-05', '2026-10-05', '2026-10-06']);
    // A weekend only: calendar days.
    expect(spreadDates('2026-10-10', '2026-10-11', 2)).toEqual(['2026-10-10', '2026-10-11']);
  });

  it('dates only the given targets, in path order, and keeps the others', () => {
    const entries: PathEntry[] = [
      { targetId: 'done', plannedDate: '2026-09-01' },
      { targetId: 'a' },
      { targetId: 'skip', skippedReason: 'knows it' },
      { targetId: 'b', plannedDate: '2027-01-01' },
    ];
    expect(spreadPlannedDates(entries, ['b', 'a'], '2026-10-05', '2026-10-16')).toEqual([
      { targetId: 'done', plannedDate: '2026-09-01' },
      { targetId: 'a', plannedDate: '2026-10-09' },
      { targetId: 'skip', skippedReason: 'knows it' },
      { targetId: 'b', plannedDate: '2026-10-16' },
    ]);
  });

  it('refuses an end before the start, a range of years, and a missing date', () => {
    expect(problemOf(() => spreadPlannedDates(path, ['a'], '2026-10-16', '2026-10-05'))).toBe('badRange');
    expect(problemOf(() => spreadPlannedDates(path, ['a'], '2026-10-05', '2062-10-05'))).toBe('badRange');
    expect(problemOf(() => spreadPlannedDates(path, ['a'], '', '2026-10-05'))).toBe('badDate');
  });
});
