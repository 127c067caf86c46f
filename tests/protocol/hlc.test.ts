import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  boundHlc,
  formatHlc,
  isHlc,
  isTooFarAhead,
  MAX_CLOCK_AHEAD_MS,
  MAX_HLC_WALL_MS,
  parseHlc,
  receiveHlc,
  STARTER_HLC,
  tickHlc,
} from '#protocol';

const NOW = Date.UTC(2026, 9, 5, 8);

describe('the hybrid logical clock', () => {
  it('never adopts a remote stamp beyond the server’s time plus the bound', () => {
    const poisoned = receiveHlc({ wallMs: NOW, counter: 0 }, '9999999999999-999999-x', NOW);
    expect(poisoned.wallMs).toBe(NOW);
    const hoursAhead = receiveHlc(
      { wallMs: NOW, counter: 3 },
      formatHlc({ wallMs: NOW + 3_600_000, counter: 0 }, 'x'),
      NOW,
    );
    expect(hoursAhead).toEqual({ wallMs: NOW, counter: 3 });
    const withinBound = formatHlc({ wallMs: NOW + MAX_CLOCK_AHEAD_MS, counter: 7 }, 'x');
    expect(receiveHlc({ wallMs: NOW, counter: 0 }, withinBound, NOW)).toEqual({
      wallMs: NOW + MAX_CLOCK_AHEAD_MS,
      counter: 8,
    });
  });

  it('can never produce a stamp the server cannot parse (13-digit wall, 6-digit counter)', () => {
    // Before the bound, 9999999999999-999999 adopted and then ticked made a 14-digit wall.
    const full = { wallMs: MAX_HLC_WALL_MS, counter: 999_999 };
    expect(isHlc(formatHlc(tickHlc(full, NOW), 'd'))).toBe(true);
    expect(isHlc(formatHlc(receiveHlc(full, formatHlc(full, 'x'), MAX_HLC_WALL_MS), 'd'))).toBe(true);
    expect(isHlc(formatHlc(tickHlc({ wallMs: 0, counter: 0 }, Number.NaN), 'd'))).toBe(true);
    expect(isHlc(formatHlc(tickHlc({ wallMs: 0, counter: 0 }, 1e15), 'd'))).toBe(true);
    fc.assert(
      fc.property(
        fc.integer({ min: -1, max: 2 * MAX_HLC_WALL_MS }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: -1, max: 2 * MAX_HLC_WALL_MS }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (wallMs, counter, now, remote) => {
          const state = { wallMs, counter };
          for (const next of [tickHlc(state, now), receiveHlc(state, remote, now), boundHlc(state, now)]) {
            expect(isHlc(formatHlc(next, 'device'))).toBe(true);
          }
        },
      ),
    );
  });

  it('keeps its order when the tablet’s clock is set back, and pulls back within the bound when told to', () => {
    const ahead = { wallMs: NOW + 3 * 3_600_000, counter: 4 };
    expect(tickHlc(ahead, NOW)).toEqual({ wallMs: ahead.wallMs, counter: 5 });
    expect(boundHlc(ahead, NOW)).toEqual({ wallMs: NOW + MAX_CLOCK_AHEAD_MS, counter: 0 });
    expect(boundHlc({ wallMs: NOW, counter: 9 }, NOW)).toEqual({ wallMs: NOW, counter: 9 });
  });

  it('says which stamps the server refuses as too far ahead', () => {
    expect(isTooFarAhead(formatHlc({ wallMs: NOW + MAX_CLOCK_AHEAD_MS, counter: 99 }, 'd'), NOW)).toBe(false);
    expect(isTooFarAhead(formatHlc({ wallMs: NOW + MAX_CLOCK_AHEAD_MS + 1, counter: 0 }, 'd'), NOW)).toBe(true);
    expect(isTooFarAhead('9999999999999-999999-x', NOW)).toBe(true);
    expect(isTooFarAhead('not a stamp', NOW)).toBe(true);
    expect(isTooFarAhead(STARTER_HLC, NOW)).toBe(false);
    expect(parseHlc(STARTER_HLC)).toEqual({ wallMs: 1, counter: 0, deviceId: 'starter' });
  });
});
