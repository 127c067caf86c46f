import { describe, it, expect } from 'vitest';
import { computeMastery, round2, type ScoreMethodInput, type ScoreInput } from '#rules';
import { formatMessage } from '../../src/i18n/format.ts';
import { rulesEn } from '../../src/i18n/messages/rules.en.ts';
import { rulesEs } from '../../src/i18n/messages/rules.es.ts';
import { at, inOrder } from './helpers.ts';

const M = 3; // mastery level on the default 0–4 scale

interface Case {
  readonly name: string;
  readonly method: ScoreMethodInput;
  /** Levels in time order (oldest first). */
  readonly levels: readonly number[];
  readonly score: number | null;
  readonly isMastered: boolean;
}

// Every expectation is worked by hand in the name or the comment beside it.
const cases: readonly Case[] = [
  // decayingAverage: newest × w + mean(earlier) × (1 − w)
  {
    name: 'issue example 4×.65 + mean(1,2,3)×.35 = 2.6 + 0.7',
    method: { kind: 'decayingAverage', weight: 65 },
    levels: [1, 2, 3, 4],
    score: 3.3,
    isMastered: true,
  },
  {
    name: 'single score is itself',
    method: { kind: 'decayingAverage', weight: 65 },
    levels: [3],
    score: 3,
    isMastered: true,
  },
  {
    name: '2×.65 + 4×.35 = 1.3 + 1.4',
    method: { kind: 'decayingAverage', weight: 65 },
    levels: [4, 2],
    score: 2.7,
    isMastered: false,
  },
  {
    name: 'exactly at mastery: 4×.5 + 2×.5 = 3',
    method: { kind: 'decayingAverage', weight: 50 },
    levels: [2, 4],
    score: 3,
    isMastered: true,
  },
  {
    name: 'weight 1: 0×.01 + 4×.99',
    method: { kind: 'decayingAverage', weight: 1 },
    levels: [4, 0],
    score: 3.96,
    isMastered: true,
  },
  {
    name: 'weight 99: 4×.99 + 0×.01',
    method: { kind: 'decayingAverage', weight: 99 },
    levels: [0, 4],
    score: 3.96,
    isMastered: true,
  },
  {
    name: '1×.65 + mean(2,2,3)=2.3333×.35 = 0.65 + 0.81667',
    method: { kind: 'decayingAverage', weight: 65 },
    levels: [2, 2, 3, 1],
    score: 1.47,
    isMastered: false,
  },
  // exponentialDecay: d1 = s1; di = di-1 × (1 − w) + si × w
  // d2 = 1×.35 + 2×.65 = 1.65; d3 = 1.65×.35 + 3×.65 = 2.5275; d4 = 2.5275×.35 + 4×.65 = 3.484625
  {
    name: '1,2,3,4 at 65 → 3.484625',
    method: { kind: 'exponentialDecay', weight: 65 },
    levels: [1, 2, 3, 4],
    score: 3.48,
    isMastered: true,
  },
  {
    name: 'single score is itself',
    method: { kind: 'exponentialDecay', weight: 65 },
    levels: [2],
    score: 2,
    isMastered: false,
  },
  {
    name: '4,2 at 50 → 3',
    method: { kind: 'exponentialDecay', weight: 50 },
    levels: [4, 2],
    score: 3,
    isMastered: true,
  },
  {
    name: '4,1 at 50 → 2.5',
    method: { kind: 'exponentialDecay', weight: 50 },
    levels: [4, 1],
    score: 2.5,
    isMastered: false,
  },
  // d2 = 4×.01 + 0×.99 = 0.04 at weight 99
  {
    name: '4,0 at 99 → 0.04',
    method: { kind: 'exponentialDecay', weight: 99 },
    levels: [4, 0],
    score: 0.04,
    isMastered: false,
  },
  // nTimes: mean of the scores ≥ mastery once there are n of them
  {
    name: 'two at/above: mean(3,4)',
    method: { kind: 'nTimes', n: 2 },
    levels: [3, 1, 4],
    score: 3.5,
    isMastered: true,
  },
  {
    name: 'only one at/above → no score',
    method: { kind: 'nTimes', n: 2 },
    levels: [3, 1, 2],
    score: null,
    isMastered: false,
  },
  { name: 'none at/above', method: { kind: 'nTimes', n: 1 }, levels: [2, 2], score: null, isMastered: false },
  { name: 'mean(4,4,3) = 11/3', method: { kind: 'nTimes', n: 3 }, levels: [4, 4, 2, 3], score: 3.67, isMastered: true },
  {
    name: 'n = 10 with 10 threes',
    method: { kind: 'nTimes', n: 10 },
    levels: Array<number>(10).fill(3),
    score: 3,
    isMastered: true,
  },
  // mostRecent, highest, average
  { name: 'mostRecent takes the newest', method: { kind: 'mostRecent' }, levels: [4, 1], score: 1, isMastered: false },
  { name: 'mostRecent at mastery', method: { kind: 'mostRecent' }, levels: [1, 3], score: 3, isMastered: true },
  { name: 'highest of 1,3,2', method: { kind: 'highest' }, levels: [1, 3, 2], score: 3, isMastered: true },
  { name: 'highest just under', method: { kind: 'highest' }, levels: [2, 2.99], score: 2.99, isMastered: false },
  { name: 'average 2,3,4 = 3', method: { kind: 'average' }, levels: [2, 3, 4], score: 3, isMastered: true },
  { name: 'average 2,3,3 = 2.666…', method: { kind: 'average' }, levels: [2, 3, 3], score: 2.67, isMastered: false },
  // mOfN: at least m of the last n at/above
  { name: '3 of last 4', method: { kind: 'mOfN', m: 3, n: 4 }, levels: [3, 1, 3, 3], score: null, isMastered: true },
  {
    name: 'oldest falls out of the window: last 4 = 3,1,3,2',
    method: { kind: 'mOfN', m: 3, n: 4 },
    levels: [4, 3, 1, 3, 2],
    score: null,
    isMastered: false,
  },
  {
    name: 'fewer than n pieces can still reach m',
    method: { kind: 'mOfN', m: 3, n: 4 },
    levels: [3, 3, 3],
    score: null,
    isMastered: true,
  },
  { name: 'fewer than m pieces', method: { kind: 'mOfN', m: 3, n: 4 }, levels: [4, 4], score: null, isMastered: false },
  { name: 'm = n = 1', method: { kind: 'mOfN', m: 1, n: 1 }, levels: [4, 2], score: null, isMastered: false },
  // inARow: the last n all at/above
  { name: 'last 3 in a row', method: { kind: 'inARow', n: 3 }, levels: [1, 3, 4, 3], score: null, isMastered: true },
  {
    name: 'a 2 breaks the run',
    method: { kind: 'inARow', n: 3 },
    levels: [3, 3, 2, 3, 3],
    score: null,
    isMastered: false,
  },
  { name: 'too few', method: { kind: 'inARow', n: 3 }, levels: [3, 3], score: null, isMastered: false },
];

describe('computeMastery: every method, hand-worked', () => {
  it.each(cases)('$method.kind: $name', ({ method, levels, score, isMastered }) => {
    const result = computeMastery({ scores: inOrder(levels), method, masteryLevel: M });
    expect(result.score).toBe(score);
    expect(result.isMastered).toBe(isMastered);
    expect(result.explanation.isMastered).toBe(isMastered);
  });

  const allMethods: readonly ScoreMethodInput[] = [
    { kind: 'decayingAverage', weight: 65 },
    { kind: 'exponentialDecay', weight: 65 },
    { kind: 'nTimes', n: 2 },
    { kind: 'mOfN', m: 2, n: 3 },
    { kind: 'inARow', n: 2 },
    { kind: 'mostRecent' },
    { kind: 'highest' },
    { kind: 'average' },
  ];

  it.each(allMethods)('$kind: empty input has no score and is not mastered', (method) => {
    const result = computeMastery({ scores: [], method, masteryLevel: M });
    expect(result).toMatchObject({ score: null, isMastered: false });
    expect(result.explanation.evidenceIds).toEqual([]);
    expect(result.explanation.message.key).toBe('rules.explain.noScores');
  });

  it.each(allMethods)('$kind: only voided scores count as empty', (method) => {
    const scores = inOrder([4, 4, 4]).map((s) => ({ ...s, voided: { reason: 'wrong child' } }));
    expect(computeMastery({ scores, method, masteryLevel: M })).toMatchObject({ score: null, isMastered: false });
  });
});

describe('ordering', () => {
  it('orders by observedAt, not by array order (late-synced evidence)', () => {
    // Synced last, but observed first: the newest observed is the 1.
    const scores: ScoreInput[] = [
      { id: 'synced-first', level: 1, observedAt: at(5) },
      { id: 'synced-late', level: 4, observedAt: at(3) },
    ];
    const result = computeMastery({ scores, method: { kind: 'mostRecent' }, masteryLevel: M });
    expect(result.score).toBe(1);
    expect(result.explanation.evidenceIds).toEqual(['synced-first']);
  });

  it('breaks ties on observedAt by id, whatever the input order', () => {
    const a = { id: 'a', level: 1, observedAt: at(2) };
    const b = { id: 'b', level: 4, observedAt: at(2) };
    for (const scores of [
      [a, b],
      [b, a],
    ]) {
      expect(computeMastery({ scores, method: { kind: 'mostRecent' }, masteryLevel: M }).score).toBe(4);
      // decayingAverage 65: 4×.65 + 1×.35 = 2.95
      expect(computeMastery({ scores, method: { kind: 'decayingAverage', weight: 65 }, masteryLevel: M }).score).toBe(
        2.95,
      );
    }
  });

  it('compares instants, not strings: an offset can make a later-looking string earlier', () => {
    // 09:00−05:00 is 14:00Z, after 12:00Z.
    const scores: ScoreInput[] = [
      { id: 'x', level: 4, observedAt: '2025-03-02T09:00:00-05:00' },
      { id: 'y', level: 1, observedAt: '2025-03-02T12:00:00Z' },
    ];
    expect(computeMastery({ scores, method: { kind: 'mostRecent' }, masteryLevel: M }).score).toBe(4);
  });

  it('ignores voided scores (boolean or a voiding record)', () => {
    const scores: ScoreInput[] = [
      { id: 'a', level: 1, observedAt: at(1) },
      { id: 'b', level: 4, observedAt: at(2), voided: true },
      { id: 'c', level: 2, observedAt: at(3), voided: { reason: 'typo' } },
    ];
    const result = computeMastery({ scores, method: { kind: 'highest' }, masteryLevel: M });
    expect(result.score).toBe(1);
    expect(result.explanation.evidenceIds).toEqual(['a']);
  });
});

describe('rounding: 2 decimals, half away from zero, only at the end', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [0.125, 0.13],
    [-1.005, -1.01],
    [-0.125, -0.13],
    [1.004999, 1],
    [3.3, 3.3],
    [0, 0],
  ])('round2(%f) = %f', (input, expected) => {
    expect(round2(input)).toBe(expected);
  });

  it('rounds a half produced by the arithmetic away from zero', () => {
    // exponentialDecay 50 over 1, 0.01: 1×.5 + 0.01×.5 = 0.505 → 0.51
    const result = computeMastery({
      scores: inOrder([1, 0.01]),
      method: { kind: 'exponentialDecay', weight: 50 },
      masteryLevel: M,
    });
    expect(result.score).toBe(0.51);
  });

  it('does not round intermediate steps', () => {
    // d2 = 1×.35 + 2×.65 = 1.65; d3 = 1.65×.35 + 2×.65 = 1.8775 → 1.88.
    // Rounding d2 first would not change this, so use 2.5275 (d3 of 1,2,3) → d4 with 0: 2.5275×.35 = 0.884625 → 0.88;
    // had d3 been rounded to 2.53 first: 0.8855 → 0.89.
    const result = computeMastery({
      scores: inOrder([1, 2, 3, 0]),
      method: { kind: 'exponentialDecay', weight: 65 },
      masteryLevel: M,
    });
    expect(result.score).toBe(0.88);
  });
});

describe('invalid methods and parameters throw an error naming the problem', () => {
  const scores = inOrder([3]);
  it.each<[string, ScoreMethodInput, RegExp]>([
    ['decayingAverage weight 0', { kind: 'decayingAverage', weight: 0 }, /decayingAverage weight/],
    ['decayingAverage weight 100', { kind: 'decayingAverage', weight: 100 }, /decayingAverage weight/],
    ['decayingAverage weight NaN', { kind: 'decayingAverage', weight: Number.NaN }, /decayingAverage weight/],
    ['decayingAverage weight as a fraction', { kind: 'decayingAverage', weight: 0.65 }, /decayingAverage weight/],
    ['exponentialDecay weight 49', { kind: 'exponentialDecay', weight: 49 }, /exponentialDecay weight/],
    ['exponentialDecay weight 100', { kind: 'exponentialDecay', weight: 100 }, /exponentialDecay weight/],
    ['nTimes n 0', { kind: 'nTimes', n: 0 }, /nTimes n/],
    ['nTimes n 11', { kind: 'nTimes', n: 11 }, /nTimes n/],
    ['nTimes n 1.5', { kind: 'nTimes', n: 1.5 }, /nTimes n/],
    ['mOfN m > n', { kind: 'mOfN', m: 4, n: 3 }, /m must not exceed n/],
    ['mOfN m 0', { kind: 'mOfN', m: 0, n: 3 }, /mOfN m/],
    ['mOfN n 0', { kind: 'mOfN', m: 1, n: 0 }, /mOfN n/],
    ['inARow n 0', { kind: 'inARow', n: 0 }, /inARow n/],
  ])('%s', (_name, method, message) => {
    expect(() => computeMastery({ scores, method, masteryLevel: M })).toThrow(message);
  });

  it('an unknown method kind', () => {
    const method = JSON.parse('{"kind":"median"}') as ScoreMethodInput;
    expect(() => computeMastery({ scores, method, masteryLevel: M })).toThrow(/Unknown score method kind: median/);
  });

  it('a NaN level names the evidence', () => {
    const bad = [{ id: 'e9', level: Number.NaN, observedAt: at(1) }];
    expect(() => computeMastery({ scores: bad, method: { kind: 'average' }, masteryLevel: M })).toThrow(/level.*e9/);
  });

  it('a NaN mastery level', () => {
    expect(() => computeMastery({ scores, method: { kind: 'average' }, masteryLevel: Number.NaN })).toThrow(
      /masteryLevel/,
    );
  });

  it('an unparseable observedAt', () => {
    const bad = [{ id: 'e1', level: 3, observedAt: 'yesterday' }];
    expect(() => computeMastery({ scores: bad, method: { kind: 'average' }, masteryLevel: M })).toThrow(/observedAt/);
  });

  it('a voided score is not validated: it does not count at all', () => {
    const voided = [{ id: 'e1', level: Number.NaN, observedAt: at(1), voided: true }];
    expect(computeMastery({ scores: voided, method: { kind: 'average' }, masteryLevel: M }).score).toBeNull();
  });
});

describe('explanations', () => {
  it('renders the issue sentence for 3 of the last 4 at Proficient', () => {
    const result = computeMastery({
      scores: inOrder([1, 3, 1, 3, 3]),
      method: { kind: 'mOfN', m: 3, n: 4 },
      masteryLevel: M,
      masteryLabel: 'Proficient',
    });
    const { key, params } = result.explanation.message;
    expect(formatMessage(rulesEn, 'en', key, params as Record<string, number | string>)).toBe(
      'Mastered: 3 of the last 4 checks at Proficient or above; 3 of 4 needed.',
    );
    expect(formatMessage(rulesEs, 'es', key, params as Record<string, number | string>)).toBe(
      'Dominado: 3 de las últimas 4 revisiones en Proficient o más; se necesitan 3 de 4.',
    );
    // The window is the last four: e1..e4.
    expect(result.explanation.evidenceIds).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(result.explanation.values).toMatchObject({ m: 3, n: 4, atOrAbove: 3, window: 4 });
  });

  it('shows the decaying-average arithmetic and the evidence used', () => {
    const result = computeMastery({
      scores: inOrder([1, 2, 3, 4]),
      method: { kind: 'decayingAverage', weight: 65 },
      masteryLevel: M,
    });
    expect(result.explanation.arithmetic).toBe('4 × 0.65 + mean(1, 2, 3) × 0.35 = 4 × 0.65 + 2 × 0.35 = 3.30');
    expect(result.explanation.evidenceIds).toEqual(['e0', 'e1', 'e2', 'e3']);
    expect(result.explanation.threshold).toBe(3);
    expect(result.explanation.values).toMatchObject({ weight: 65, newest: 4, earlierMean: 2, score: 3.3, count: 4 });
  });

  it('nTimes names only the scores at or above mastery', () => {
    const result = computeMastery({ scores: inOrder([3, 1, 4]), method: { kind: 'nTimes', n: 2 }, masteryLevel: M });
    expect(result.explanation.evidenceIds).toEqual(['e0', 'e2']);
    expect(
      formatMessage(
        rulesEn,
        'en',
        result.explanation.message.key,
        result.explanation.message.params as Record<string, number>,
      ),
    ).toBe('Mastered: 2 checks at 3 or above, 2 needed; their mean is 3.5.');
  });
});
