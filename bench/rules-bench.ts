/**
 * Benchmark for `npm run bench` (key `rules.evaluateClass.ms`): one class of 30 students × 60 targets ×
 * 100 pieces of evidence each, evaluated with evaluateClass; median of 15 timed runs after 5 warm-ups.
 * The warm-ups let V8 finish tiering up (the first few runs are about twice as slow), so the figure is the
 * steady cost a teacher's screen pays on each re-evaluation; a page's first, cold evaluation is inside the
 * browser benchmarks (overview.render30x60.p50Ms, station.signInToHome.p50Ms).
 */
import { evaluateClass, type MasteryRuleInput, type StudentRulesInput, type TargetInput } from '../src/rules/index.ts';
import { seededRandom } from '../src/protocol/seeded-random.ts';

const STUDENTS = 30;
const TARGETS = 60;
const EVIDENCE_PER_STUDENT = 100;
const WARM_UP = 5;
const RUNS = 15;

const RULES: readonly MasteryRuleInput[] = [
  { kind: 'score', method: { kind: 'decayingAverage', weight: 65 } },
  { kind: 'score', method: { kind: 'exponentialDecay', weight: 65 } },
  { kind: 'score', method: { kind: 'nTimes', n: 2 } },
  { kind: 'score', method: { kind: 'mOfN', m: 3, n: 4 } },
  { kind: 'score', method: { kind: 'inARow', n: 2 } },
  { kind: 'score', method: { kind: 'mostRecent' } },
  { kind: 'allItemsOnDistinctDays', days: 2 },
  { kind: 'itemsInOneCheck', count: 4 },
];
const ITEMS = Array.from({ length: 6 }, (_, i) => ({ id: `item${i}`, label: String.fromCharCode(97 + i) }));

export function buildClass(seed = 42): StudentRulesInput[] {
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const targets: TargetInput[] = Array.from({ length: TARGETS }, (_, i) => {
    const rule = RULES[i % RULES.length]!;
    return {
      id: `t${i}`,
      code: `T.${i}`,
      prerequisites: i > 0 ? [`t${i - 1}`] : [],
      rule,
      ...(rule.kind === 'score' ? {} : { items: ITEMS }),
    };
  });
  return Array.from({ length: STUDENTS }, (_, s) => ({
    path: targets.map((t, i) => ({
      targetId: t.id,
      plannedDate: `2025-${String(1 + Math.floor(i / 10)).padStart(2, '0')}-15`,
    })),
    targets,
    evidence: Array.from({ length: EVIDENCE_PER_STUDENT }, (_, e) => {
      // Students work mostly near the start of the path, as a real class does.
      const target = targets[Math.min(TARGETS - 1, Math.floor(random() * random() * TARGETS))]!;
      const observedAt = `2025-0${1 + pick(5)}-${String(1 + pick(28)).padStart(2, '0')}T${String(8 + pick(6)).padStart(2, '0')}:00:00Z`;
      return {
        id: `s${s}-e${e}`,
        targetIds: [target.id],
        observedAt,
        kind: 'check',
        ...(target.rule.kind === 'score'
          ? { level: pick(5) }
          : {
              itemResults: ITEMS.map(
                (item) => ({ itemId: item.id, result: random() < 0.6 ? 'correct' : 'notYet' }) as const,
              ),
            }),
        ...(e % 37 === 0 ? { voided: true } : {}),
      };
    }),
    decisions: [
      {
        id: `s${s}-d1`,
        targetId: `t${pick(TARGETS)}`,
        kind: 'markMastered',
        decidedAt: '2025-03-01T12:00:00Z',
        decidedBy: { kind: 'teacher' },
      },
      {
        id: `s${s}-d2`,
        targetId: `t${pick(TARGETS)}`,
        kind: 'chooseNext',
        decidedAt: '2025-04-01T12:00:00Z',
        decidedBy: { kind: 'student' },
      },
    ],
    scale: {
      levels: [0, 1, 2, 3, 4].map((value) => ({ value, label: `L${value}` })),
      masteryLevel: 3,
    },
    now: '2025-05-30T12:00:00Z',
  }));
}

export function benchEvaluateClass(): { value: number; unit: 'ms'; detail: string } {
  const inputs = buildClass();
  const times: number[] = [];
  let mastered = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const start = performance.now();
    const result = evaluateClass(inputs);
    const elapsed = performance.now() - start;
    mastered = result.reduce((acc, p) => acc + p.masteredCount, 0);
    if (run >= WARM_UP) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return {
    value: Math.round(median * 100) / 100,
    unit: 'ms',
    detail: `${STUDENTS} students × ${TARGETS} targets × ${EVIDENCE_PER_STUDENT} evidence; median of ${RUNS} runs after ${WARM_UP} warm-ups (min ${times[0]!.toFixed(2)}, max ${times.at(-1)!.toFixed(2)}); ${mastered} targets mastered`,
  };
}
