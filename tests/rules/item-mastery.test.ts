import { describe, it, expect } from 'vitest';
import { computeItemMastery, itemStates, toItemChecks, type ItemInput, type ItemState } from '#rules';
import { formatMessage } from '../../src/i18n/format.ts';
import { rulesEn } from '../../src/i18n/messages/rules.en.ts';
import { at, check } from './helpers.ts';

const BDP: ItemInput[] = [
  { id: 'b', label: 'b' },
  { id: 'd', label: 'd' },
  { id: 'p', label: 'p' },
];
const stateOf = (items: readonly ItemState[]) =>
  Object.fromEntries(items.map((i) => [i.itemId, [i.state, i.correctDays]]));

describe('allItemsOnDistinctDays', () => {
  const rule = { kind: 'allItemsOnDistinctDays', days: 2 } as const;

  it('counts distinct calendar days per item and reports each item', () => {
    const evidence = [
      check('c1', 't', at(1), { b: 'correct', d: 'correct', p: 'notYet' }),
      check('c2', 't', at(2, '09:00:00Z'), { b: 'correct', d: 'notYet' }),
      check('c3', 't', at(2, '15:00:00Z'), { d: 'correct' }),
    ];
    const result = computeItemMastery(rule, BDP, toItemChecks(evidence));
    // b: days 1,2 → known; d: days 1,2 → known; p: tried, never correct → notYet.
    expect(stateOf(result.items)).toEqual({ b: ['known', 2], d: ['known', 2], p: ['notYet', 0] });
    expect(result.isMastered).toBe(false);
    expect(result.explanation.values).toMatchObject({ known: 2, total: 3, days: 2 });
    expect(
      formatMessage(
        rulesEn,
        'en',
        result.explanation.message.key,
        result.explanation.message.params as Record<string, number>,
      ),
    ).toBe('Not yet: 2 of 3 items correct on 2 different days; all needed.');
  });

  it('the same day twice is one day', () => {
    const evidence = [
      check('c1', 't', at(1, '09:00:00Z'), { b: 'correct' }),
      check('c2', 't', at(1, '11:00:00Z'), { b: 'correct' }),
    ];
    const result = computeItemMastery(rule, BDP, toItemChecks(evidence));
    expect(stateOf(result.items)['b']).toEqual(['notYet', 1]);
  });

  it('never tried: no result, or only skipped', () => {
    const evidence = [check('c1', 't', at(1), { b: 'correct', d: 'skipped' })];
    const result = computeItemMastery(rule, BDP, toItemChecks(evidence));
    expect(stateOf(result.items)).toEqual({ b: ['notYet', 1], d: ['neverTried', 0], p: ['neverTried', 0] });
    expect(result.items.find((i) => i.itemId === 'd')!.attempts).toBe(0);
  });

  it('is mastered when every item is correct on 2 days: "3/3 on 2 different days"', () => {
    const evidence = [
      check('c1', 't', at(1), { b: 'correct', d: 'correct', p: 'correct' }),
      check('c2', 't', at(4), { b: 'correct', d: 'correct', p: 'correct' }),
    ];
    const result = computeItemMastery(rule, BDP, toItemChecks(evidence));
    expect(result.isMastered).toBe(true);
    expect(result.explanation.evidenceIds).toEqual(['c1', 'c2']);
    expect(
      formatMessage(
        rulesEn,
        'en',
        result.explanation.message.key,
        result.explanation.message.params as Record<string, number>,
      ),
    ).toBe('Mastered: all 3 items correct on 2 different days.');
  });

  it('uses the calendar day as written, not UTC', () => {
    // 23:30 and 01:00 local (−05:00) are different local days though both fall on 2025-03-11 in UTC.
    const evidence = [
      check('c1', 't', '2025-03-10T23:30:00-05:00', { b: 'correct' }),
      check('c2', 't', '2025-03-11T01:00:00-05:00', { b: 'correct' }),
    ];
    const result = computeItemMastery(rule, [{ id: 'b', label: 'b' }], toItemChecks(evidence));
    expect(result.isMastered).toBe(true);
  });

  it('ignores results for items that are not the target’s (shared item sets)', () => {
    const evidence = [
      check('c1', 't', at(1), { b: 'correct', z: 'correct' }),
      check('c2', 't', at(2), { b: 'correct', z: 'correct' }),
    ];
    const result = computeItemMastery(rule, [{ id: 'b', label: 'b' }], toItemChecks(evidence));
    expect(result.items.map((i) => i.itemId)).toEqual(['b']);
    expect(result.isMastered).toBe(true);
  });

  it('ignores voided checks', () => {
    const evidence = [
      check('c1', 't', at(1), { b: 'correct' }),
      check('c2', 't', at(2), { b: 'correct' }, { voided: { reason: 'wrong child' } }),
    ];
    const result = computeItemMastery(rule, [{ id: 'b', label: 'b' }], toItemChecks(evidence));
    expect(result.isMastered).toBe(false);
    expect(result.explanation.evidenceIds).toEqual(['c1']);
  });

  it('without a target item list, the items are those the checks contain', () => {
    const evidence = [check('c1', 't', at(1), { p: 'notYet', b: 'correct' })];
    const result = computeItemMastery(rule, null, toItemChecks(evidence));
    expect(result.items.map((i) => i.itemId)).toEqual(['b', 'p']);
  });

  it('no checks and no items say so', () => {
    expect(computeItemMastery(rule, BDP, []).explanation.message.key).toBe('rules.explain.noItemChecks');
    expect(
      computeItemMastery(rule, [], toItemChecks([check('c1', 't', at(1), { b: 'correct' })])).explanation.message.key,
    ).toBe('rules.explain.noItems');
    expect(computeItemMastery(rule, [], []).isMastered).toBe(false);
  });

  it('one day short: every item correct on d − 1 days', () => {
    const once = [check('c1', 't', at(1), { b: 'correct', d: 'correct', p: 'correct' })];
    expect(computeItemMastery(rule, BDP, toItemChecks(once)).isOneDayShort).toBe(true);
    const missingP = [check('c1', 't', at(1), { b: 'correct', d: 'correct', p: 'notYet' })];
    expect(computeItemMastery(rule, BDP, toItemChecks(missingP)).isOneDayShort).toBe(false);
  });

  it.each([0, 1.5, Number.NaN])('days %s throws', (days) => {
    expect(() => computeItemMastery({ kind: 'allItemsOnDistinctDays', days }, BDP, [])).toThrow(
      /allItemsOnDistinctDays days/,
    );
  });
});

describe('itemsInOneCheck', () => {
  const words: ItemInput[] = Array.from({ length: 10 }, (_, i) => ({ id: `w${i}`, label: `word${i}` }));
  const results = (correct: number, tried = 10) =>
    Object.fromEntries(
      words.slice(0, tried).map((w, i) => [w.id, i < correct ? ('correct' as const) : ('notYet' as const)]),
    );
  const rule = { kind: 'itemsInOneCheck', count: 8 } as const;

  it('8 of 10 words in one check', () => {
    const evidence = [check('c1', 't', at(1), results(7)), check('c2', 't', at(2), results(8))];
    const result = computeItemMastery(rule, words, toItemChecks(evidence));
    expect(result.isMastered).toBe(true);
    expect(result.explanation.evidenceIds).toEqual(['c2']);
    expect(
      formatMessage(
        rulesEn,
        'en',
        result.explanation.message.key,
        result.explanation.message.params as Record<string, number>,
      ),
    ).toBe('Mastered: 8 of 10 items correct in one check on 2025-03-02; 8 needed.');
  });

  it('correct answers spread over checks do not add up', () => {
    // 5 + 5 different words are correct, but never 8 in one check.
    const first = Object.fromEntries(words.map((w, i) => [w.id, i < 5 ? ('correct' as const) : ('notYet' as const)]));
    const second = Object.fromEntries(words.map((w, i) => [w.id, i >= 5 ? ('correct' as const) : ('notYet' as const)]));
    const result = computeItemMastery(
      rule,
      words,
      toItemChecks([check('c1', 't', at(1), first), check('c2', 't', at(2), second)]),
    );
    expect(result.isMastered).toBe(false);
    expect(result.explanation.values).toMatchObject({ correct: 5, tried: 10, needed: 8 });
  });

  it('item state is the latest result for each item', () => {
    const evidence = [
      check('c1', 't', at(1), { w0: 'correct', w1: 'correct' }),
      check('c2', 't', at(2), { w1: 'notYet' }),
    ];
    const states = stateOf(
      computeItemMastery({ kind: 'itemsInOneCheck', count: 2 }, words.slice(0, 3), toItemChecks(evidence)).items,
    );
    expect(states).toEqual({ w0: ['known', 1], w1: ['notYet', 1], w2: ['neverTried', 0] });
  });

  it('count larger than the item list throws', () => {
    expect(() => computeItemMastery({ kind: 'itemsInOneCheck', count: 11 }, words, [])).toThrow(
      /count 11 exceeds the 10 items/,
    );
  });

  it('count 0 throws', () => {
    expect(() => computeItemMastery({ kind: 'itemsInOneCheck', count: 0 }, words, [])).toThrow(/itemsInOneCheck count/);
  });
});

describe('itemStates (for the one-on-one screen)', () => {
  it('filters the student’s evidence to the target and uses item labels', () => {
    const target = {
      id: 'letters',
      rule: { kind: 'allItemsOnDistinctDays', days: 2 } as const,
      itemIds: ['b', 'd'],
      items: [
        { id: 'b', label: 'B b' },
        { id: 'd', label: 'D d' },
        { id: 'p', label: 'P p' },
      ],
    };
    const evidence = [check('c1', 'letters', at(1), { b: 'correct' }), check('c2', 'other', at(2), { d: 'correct' })];
    expect(itemStates(target, evidence)).toEqual([
      { itemId: 'b', label: 'B b', state: 'notYet', correctDays: 1, attempts: 1 },
      { itemId: 'd', label: 'D d', state: 'neverTried', correctDays: 0, attempts: 0 },
    ]);
  });
});
