import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeItemMastery, type ItemCheck, type ItemInput, type ItemRuleInput } from '#rules';
import { itemMeasures } from '#rules/item-mastery.ts';
import { scoreProgressMeasure, scoreProgressMeasures } from '#rules/score-methods.ts';
import { datePart, parseTime } from '#rules/time.ts';
import type { ScoreMethodInput } from '#rules';

/**
 * The rules' speed-ups answer exactly what the plain definitions answer: stall detection's measures in one
 * pass instead of once per prefix, and the quick reading of the app's own date-times.
 */
const RUNS = { numRuns: 300, seed: 20261203 } as const;

const itemIds = ['a', 'b', 'c', 'd'];
const universeArb: fc.Arbitrary<ItemInput[] | null> = fc.option(
  fc
    .array(fc.constantFrom(...itemIds), { maxLength: 5 })
    .map((ids) => ids.map((id) => ({ id, label: id.toUpperCase() }))),
  { nil: null },
);
const checksArb: fc.Arbitrary<ItemCheck[]> = fc
  .array(
    fc.record({
      day: fc.constantFrom('2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04'),
      results: fc.array(
        fc.record({
          itemId: fc.constantFrom(...itemIds, 'x'),
          result: fc.constantFrom('correct', 'notYet', 'skipped') as fc.Arbitrary<'correct' | 'notYet' | 'skipped'>,
        }),
        { maxLength: 6 },
      ),
    }),
    { maxLength: 10 },
  )
  .map((checks) => checks.map((c, i) => ({ id: `c${i}`, ...c })));
const itemRuleArb: fc.Arbitrary<ItemRuleInput> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((days) => ({ kind: 'allItemsOnDistinctDays', days }) as const),
  fc.integer({ min: 1, max: 3 }).map((count) => ({ kind: 'itemsInOneCheck', count }) as const),
);

describe('stall measures in one pass', () => {
  it('item rules: the measure after each check is computeItemMastery’s over that prefix', () => {
    fc.assert(
      fc.property(itemRuleArb, universeArb, checksArb, (rule, universe, checks) => {
        let prefixes: number[] | Error;
        try {
          prefixes = checks.map((_, i) => computeItemMastery(rule, universe, checks.slice(0, i + 1)).measure);
        } catch (error) {
          prefixes = error as Error;
        }
        if (prefixes instanceof Error || checks.length === 0) {
          if (prefixes instanceof Error) expect(() => itemMeasures(rule, universe, checks)).toThrow(prefixes.message);
          return;
        }
        expect(itemMeasures(rule, universe, checks)).toEqual(prefixes);
      }),
      RUNS,
    );
  });

  const methodArb: fc.Arbitrary<ScoreMethodInput> = fc.oneof(
    fc.integer({ min: 1, max: 99 }).map((weight) => ({ kind: 'decayingAverage', weight }) as const),
    fc.integer({ min: 1, max: 99 }).map((weight) => ({ kind: 'exponentialDecay', weight }) as const),
    fc.integer({ min: 1, max: 5 }).map((n) => ({ kind: 'nTimes', n }) as const),
    fc
      .integer({ min: 1, max: 5 })
      .chain((n) => fc.integer({ min: 1, max: n }).map((m) => ({ kind: 'mOfN', m, n }) as const)),
    fc.integer({ min: 1, max: 5 }).map((n) => ({ kind: 'inARow', n }) as const),
    fc.constantFrom<ScoreMethodInput>({ kind: 'mostRecent' }, { kind: 'highest' }, { kind: 'average' }),
  );

  it('score rules: the measure after each score is scoreProgressMeasure’s over that prefix', () => {
    const level = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 4, noNaN: true }));
    fc.assert(
      fc.property(
        methodArb,
        fc.array(level, { maxLength: 30 }),
        fc.constantFrom(2, 3, 2.5),
        (method, levels, mastery) => {
          const prefixes = levels.map((_, i) => scoreProgressMeasure(levels.slice(0, i + 1), method, mastery));
          expect(scoreProgressMeasures(levels, method, mastery)).toEqual(prefixes);
        },
      ),
      RUNS,
    );
  });
});

describe('reading date-times', () => {
  const canonical = fc
    .date({ min: new Date(-62_000_000_000_000), max: new Date(253_402_300_799_000), noInvalidDate: true })
    .map((d) => d.toISOString());
  const mangled = fc
    .tuple(canonical, fc.nat(23), fc.constantFrom('', '9', 'x', '-', ':', 'Z', '+01:00', ' '))
    .map(([iso, at, insert]) => iso.slice(0, at) + insert + iso.slice(at + 1));
  const unusual = fc.constantFrom(
    '2025-02-30T10:00:00.000Z',
    '2025-02-29T00:00:00Z',
    '2025-01-01T24:00:00.000Z',
    '0050-01-01T00:00:00.000Z',
    '2025-03-01T10:00:00Z',
    '2025-03-01T10:00:60.000Z',
    '2025-13-01T10:00:00.000Z',
    '2025-03-01T10:00:00.000+02:00',
    '2025-03-01',
    '',
  );

  it('parseTime gives what Date.parse gives, and refuses what it cannot read', () => {
    fc.assert(
      fc.property(fc.oneof(canonical, mangled, unusual, fc.string()), (iso) => {
        const expected = Date.parse(iso);
        if (Number.isNaN(expected)) expect(() => parseTime(iso, 'observedAt')).toThrow(/not an ISO 8601/);
        else expect(parseTime(iso, 'observedAt')).toBe(expected);
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it('datePart accepts exactly what starts with YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.oneof(canonical, mangled, unusual, fc.string()), (iso) => {
        const day = iso.slice(0, 10);
        if (/^\d{4}-\d{2}-\d{2}$/.test(day)) expect(datePart(iso, 'observedAt')).toBe(day);
        else expect(() => datePart(iso, 'observedAt')).toThrow(/does not start with YYYY-MM-DD/);
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });
});
