/**
 * `year.rules.evaluateClass.ms`: the rules for the whole year class in Node at full speed: every child on
 * the class list with their path (about 125 targets), the 221 targets and their item sets, all their
 * evidence (about 2 000 each) and decisions, as the app hands them to evaluateClass (src/ui/progress-input.ts);
 * median of 15 timed runs after 5 warm-ups (the warm-ups let V8 finish tiering up, as in rules-bench.ts).
 */
import { evaluateClass } from '#rules';
import { toRulesInput } from '#ui/progress-input.ts';
import { yearProgressSources, type YearClass } from '#tests/helpers/year-class/index.ts';
import { median } from './chromium.ts';
import type { Metric } from './metric.ts';

const WARM_UP = 5;
const RUNS = 15;

export function benchYearRules(year: YearClass): Metric {
  const now = new Date(year.lastEvening);
  const inputs = yearProgressSources(year).map((source) => toRulesInput(source, now));
  const evidence = inputs.reduce((n, input) => n + input.evidence.length, 0);
  const times: number[] = [];
  let mastered = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const started = performance.now();
    const result = evaluateClass(inputs);
    const elapsed = performance.now() - started;
    mastered = result.reduce((n, p) => n + p.masteredCount, 0);
    if (run >= WARM_UP) times.push(elapsed);
  }
  return {
    value: Math.round(median(times) * 100) / 100,
    unit: 'ms',
    detail: `${inputs.length} children, ${evidence} pieces of evidence, paths of ${Math.min(...inputs.map((i) => i.path.length))}–${Math.max(...inputs.map((i) => i.path.length))} targets; median of ${RUNS} runs after ${WARM_UP} warm-ups (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); ${mastered} targets mastered`,
  };
}
