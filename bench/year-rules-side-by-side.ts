/**
 * `year.rules.evaluateClass.ms` of two builds of the rules side by side, in one process: this tree's
 * src/rules and another tree's (a checkout or `git worktree` of the older commit), each evaluating the same
 * full year class as year-rules-bench.ts does, in rounds that alternate which goes first (5 warm-ups, then
 * 15 timed runs per build and round), so a busy machine slows both alike. Checks first that both give the
 * same answers (as JSON). Reports per build the median and minimum wall time, the median CPU time of the
 * process (time the machine gave to others is not in it; the GC's helper threads are) and the GC pauses.
 *
 *   node --import tsx bench/year-rules-side-by-side.ts <other tree> [rounds = 6]
 *
 * The other tree must be an ES module package (its package.json says "type": "module"), as this one is:
 * a copy of src/rules outside one is compiled to CommonJS by tsx and runs markedly slower.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evaluateClass as thisEvaluate, type StudentProgress, type StudentRulesInput } from '#rules';
import { toRulesInput } from '#ui/progress-input.ts';
import { generateYearClass, yearProgressSources } from '#tests/helpers/year-class/index.ts';
import { median } from './chromium.ts';

type Evaluate = (inputs: readonly StudentRulesInput[]) => StudentProgress[];

const WARM_UP = 5;
const RUNS = 15;

const other = process.argv[2];
if (!other) throw new Error('usage: year-rules-side-by-side.ts <other tree> [rounds]');
const rounds = Number(process.argv[3] ?? 6);
const otherRules = (await import(pathToFileURL(resolve(other, 'src/rules/index.ts')).href)) as {
  evaluateClass: Evaluate;
};
const builds: Record<'other' | 'this', Evaluate> = { other: otherRules.evaluateClass, this: thisEvaluate };

// The bench's year with its dates fixed: the same work in every run.
const year = generateYearClass({ firstMonday: '2025-08-25' });
const now = new Date(year.lastEvening);
const inputs = yearProgressSources(year).map((source) => toRulesInput(source, now));
if (JSON.stringify(builds.other(inputs)) !== JSON.stringify(builds.this(inputs)))
  throw new Error('The two builds give different answers for the year');

let gcPause = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPause += entry.duration;
}).observe({ entryTypes: ['gc'] });
const settle = () => new Promise((done) => setTimeout(done, 0));

const results = {
  other: { wall: [] as number[], cpu: [] as number[], gc: 0 },
  this: { wall: [] as number[], cpu: [] as number[], gc: 0 },
};
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? (['other', 'this'] as const) : (['this', 'other'] as const)) {
    const evaluate = builds[name];
    for (let run = 0; run < WARM_UP; run++) evaluate(inputs);
    await settle();
    gcPause = 0;
    for (let run = 0; run < RUNS; run++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      evaluate(inputs);
      results[name].wall.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      results[name].cpu.push((used.user + used.system) / 1000);
    }
    await settle(); // GC entries arrive after the runs
    results[name].gc += gcPause;
  }
}
for (const name of ['other', 'this'] as const) {
  const { wall, cpu, gc } = results[name];
  console.log(
    `${name.padEnd(5)} wall median ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}), ` +
      `CPU median ${median(cpu).toFixed(1)} ms (min ${Math.min(...cpu).toFixed(1)}), ` +
      `GC pauses ${(gc / wall.length).toFixed(1)} ms per run; ${wall.length} runs`,
  );
}
