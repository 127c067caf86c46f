import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluateClass, type StudentProgress } from '#rules';
import { generateYearClass, yearProgressSources } from '#tests/helpers/year-class/index.ts';
import { toRulesInput } from '#ui/progress-input.ts';
import { buildClass } from '../../bench/rules-bench.ts';

/**
 * The whole class's answers on the two benchmarks' inputs stay exactly what they were before the rules were
 * made faster for them: the full school year of bench/year-rules-bench.ts (25 children, about 2 000 pieces of
 * evidence each, 221 targets; its dates fixed here) and the 30 × 60 class of bench/rules-bench.ts. The digest is
 * of the whole output as JSON (status, score, items, current target, next step and every explanation); when
 * a rule's answer changes on purpose, it is made again (and the change named in RULES_VERSION's history).
 */
const FULL_YEAR_OUTPUT_SHA256 = '0d90e9893a562519186ccbc2546c52690b10edba0a8bf74f7aac3f8a7a819b52';
const BENCH_CLASS_OUTPUT_SHA256 = '1c616ee7f141671865e50680edf5023e19db93117b5bc61b8a823116a63e75c8';

const digest = (progress: readonly StudentProgress[]): string =>
  createHash('sha256').update(JSON.stringify(progress)).digest('hex');

describe('a whole class’s answers', () => {
  it('for the full school year are exactly the ones pinned', () => {
    const year = generateYearClass({ firstMonday: '2025-08-25' });
    const now = new Date(year.lastEvening);
    const inputs = yearProgressSources(year).map((source) => toRulesInput(source, now));
    expect(inputs).toHaveLength(25);
    expect(inputs.reduce((n, input) => n + input.evidence.length, 0)).toBeGreaterThan(45_000);
    expect(digest(evaluateClass(inputs))).toBe(FULL_YEAR_OUTPUT_SHA256);
  }, 60_000);

  it('for the rules benchmark’s class are exactly the ones pinned', () => {
    expect(digest(evaluateClass(buildClass()))).toBe(BENCH_CLASS_OUTPUT_SHA256);
  });
});
