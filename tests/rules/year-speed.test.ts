import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeItemMastery,
  evaluateStudent,
  type ItemCheck,
  type ItemInput,
  type ItemResultValue,
  type ItemRuleInput,
} from '#rules';
import { datePart, dayOf, daysFromCivil, parseTime } from '#rules/time.ts';
import { at, check, scoreTarget, student } from './helpers.ts';

/**
 * The shortcuts that keep a school year's rules fast answer exactly what the plain definitions answer:
 * item results read in place (a check's last result for an item wins), distinct days counted without a set,
 * the day a date-time starts with, and dates turned into times without Date.UTC.
 */
const RUNS = { numRuns: 500, seed: 20261203 } as const;

/** The plain definition: per check a map of each item's last result, days in a set. */
function plainTallies(universe: readonly ItemInput[] | null, checks: readonly ItemCheck[]) {
  const known = universe ? new Set(universe.map((i) => i.id)) : null;
  const tallies = new Map<string, { days: Set<string>; attempts: number; last: ItemResultValue }>();
  const perCheck = checks.map((c) => {
    const last = new Map<string, ItemResultValue>();
    for (const r of c.results) if (!known || known.has(r.itemId)) last.set(r.itemId, r.result);
    let correct = 0;
    let tried = 0;
    for (const [itemId, result] of last) {
      if (result === 'skipped') continue;
      let t = tallies.get(itemId);
      if (!t) tallies.set(itemId, (t = { days: new Set(), attempts: 0, last: result }));
      t.attempts++;
      t.last = result;
      tried++;
      if (result === 'correct') {
        correct++;
        t.days.add(c.day);
      }
    }
    return { id: c.id, day: c.day, correct, tried };
  });
  return { tallies, perCheck };
}

const itemIds = ['a', 'b', 'c'];
const universeArb: fc.Arbitrary<ItemInput[] | null> = fc.option(
  fc.array(fc.constantFrom(...itemIds), { maxLength: 4 }).map((ids) => ids.map((id) => ({ id, label: `L${id}` }))),
  { nil: null },
);
// Days in any order (date-times written with other offsets can order an earlier day after a later one), items
// repeated within a check, items outside the universe, skipped last results.
const checksArb: fc.Arbitrary<ItemCheck[]> = fc
  .array(
    fc.record({
      day: fc.constantFrom('2025-03-01', '2025-03-02', '2025-03-03', '2025-02-28'),
      results: fc.array(
        fc.record({
          itemId: fc.constantFrom(...itemIds, 'x'),
          result: fc.constantFrom<ItemResultValue>('correct', 'notYet', 'skipped'),
        }),
        { maxLength: 7 },
      ),
    }),
    { maxLength: 12 },
  )
  .map((checks) => checks.map((c, i) => ({ id: `c${i}`, ...c })));
const ruleArb: fc.Arbitrary<ItemRuleInput> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((days) => ({ kind: 'allItemsOnDistinctDays', days }) as const),
  fc.integer({ min: 1, max: 3 }).map((count) => ({ kind: 'itemsInOneCheck', count }) as const),
);

describe('item results read in place', () => {
  it('item states, used checks and the best check are the plain definition’s', () => {
    fc.assert(
      fc.property(ruleArb, universeArb, checksArb, (rule, universe, checks) => {
        let result: ReturnType<typeof computeItemMastery>;
        try {
          result = computeItemMastery(rule, universe, checks);
        } catch (error) {
          // Only an itemsInOneCheck count above the universe's size is refused.
          expect((error as Error).message).toMatch(/exceeds the/);
          return;
        }
        const { tallies, perCheck } = plainTallies(universe, checks);
        const items = universe ?? [...tallies.keys()].sort().map((id) => ({ id, label: id }));
        expect(result.items).toEqual(
          items.map((item) => {
            const t = tallies.get(item.id);
            const days = t?.days.size ?? 0;
            const isKnown =
              t !== undefined && (rule.kind === 'allItemsOnDistinctDays' ? days >= rule.days : t.last === 'correct');
            return {
              itemId: item.id,
              label: item.label,
              state: isKnown ? 'known' : t ? 'notYet' : 'neverTried',
              correctDays: days,
              attempts: t?.attempts ?? 0,
            };
          }),
        );
        const used = perCheck.filter((p) => p.tried > 0);
        if (rule.kind === 'allItemsOnDistinctDays') {
          expect(result.explanation.evidenceIds).toEqual(used.map((p) => p.id));
        } else {
          let best: (typeof perCheck)[number] | null = null;
          for (const p of used) if (best === null || p.correct >= best.correct) best = p;
          expect(result.explanation.evidenceIds).toEqual(best ? [best.id] : []);
          expect(result.explanation.values).toMatchObject({ correct: best?.correct ?? 0, tried: best?.tried ?? 0 });
        }
      }),
      RUNS,
    );
  });

  it('a check’s last result for an item wins, even a skip; an earlier day after a later one still counts once', () => {
    const universe = [
      { id: 'a', label: 'a' },
      { id: 'b', label: 'b' },
    ];
    const checks: ItemCheck[] = [
      {
        id: 'c1',
        day: '2025-03-02',
        results: [
          { itemId: 'a', result: 'notYet' },
          { itemId: 'a', result: 'correct' },
          { itemId: 'b', result: 'correct' },
          { itemId: 'b', result: 'skipped' },
        ],
      },
      { id: 'c2', day: '2025-03-01', results: [{ itemId: 'a', result: 'correct' }] },
      { id: 'c3', day: '2025-03-02', results: [{ itemId: 'a', result: 'correct' }] },
    ];
    const result = computeItemMastery({ kind: 'allItemsOnDistinctDays', days: 2 }, universe, checks);
    expect(result.items).toEqual([
      { itemId: 'a', label: 'a', state: 'known', correctDays: 2, attempts: 3 },
      { itemId: 'b', label: 'b', state: 'neverTried', correctDays: 0, attempts: 0 },
    ]);
  });

  it('without an item list, an item only ever skipped is not listed', () => {
    const checks: ItemCheck[] = [
      {
        id: 'c1',
        day: '2025-03-01',
        results: [
          { itemId: 'z', result: 'skipped' },
          { itemId: 'y', result: 'correct' },
        ],
      },
    ];
    const result = computeItemMastery({ kind: 'itemsInOneCheck', count: 1 }, null, checks);
    expect(result.items.map((i) => i.itemId)).toEqual(['y']);
  });
});

describe('dates read quickly', () => {
  it('daysFromCivil is Date.UTC’s day for every day of 1899–2101 and around other century years', () => {
    const years = [100, 101, 399, 400, 401, 1600, 1700, 9999];
    for (let y = 1899; y <= 2101; y++) years.push(y);
    const wrong: string[] = [];
    for (const year of years) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 28; day++) {
          if (daysFromCivil(year, month, day) !== Date.UTC(year, month - 1, day) / 86_400_000)
            wrong.push(`${year}-${month}-${day}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('dayOf is datePart’s day, and null exactly where datePart throws', () => {
    const iso = fc.oneof(
      fc.date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('2025-03-01T10:00:00+02:00', 'March 1, 2025 10:00 UTC', '2025-3-01T10:00:00Z', ''),
      fc.string(),
    );
    fc.assert(
      fc.property(iso, (text) => {
        let expected: string | null;
        try {
          expected = datePart(text, 'observedAt');
        } catch {
          expected = null;
        }
        expect(dayOf(text)).toBe(expected);
      }),
      RUNS,
    );
  });

  it('a check whose date-time Date.parse reads but that does not start with YYYY-MM-DD is still refused', () => {
    const observedAt = 'March 1, 2025 10:00:00 UTC';
    expect(() => parseTime(observedAt, 'observedAt')).not.toThrow();
    const target = scoreTarget('t', { kind: 'itemsInOneCheck', count: 1 });
    const input = student({ targets: [target], evidence: [check('c1', 't', observedAt, { a: 'correct' })] });
    expect(() => evaluateStudent(input)).toThrow(/does not start with YYYY-MM-DD/);
    // Written the usual way, the same check counts.
    const fine = student({ targets: [target], evidence: [check('c1', 't', at(1), { a: 'correct' })] });
    expect(evaluateStudent(fine).byTargetId['t']!.isMastered).toBe(true);
  });
});
