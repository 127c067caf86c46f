/** Builders for rules tests: readable inputs with hand-chosen dates and ids. */
import type {
  DecisionInput,
  EvidenceInput,
  MasteryRuleInput,
  ScoreInput,
  StudentRulesInput,
  TargetInput,
} from '#rules';

export const SCALE = {
  levels: [
    { value: 0, label: 'No evidence' },
    { value: 1, label: 'Beginning' },
    { value: 2, label: 'Developing' },
    { value: 3, label: 'Proficient' },
    { value: 4, label: 'Exceeding' },
  ],
  masteryLevel: 3,
} as const;

/** Day n of March 2025 as YYYY-MM-DD (n from 1 to 31). */
export const day = (n: number): string => `2025-03-${String(n).padStart(2, '0')}`;
export const at = (n: number, time = '10:00:00Z'): string => `${day(n)}T${time}`;

/** Scores in time order: the i-th is observed on day i+1 with id e{i}. */
export const inOrder = (levels: readonly number[]): ScoreInput[] =>
  levels.map((level, i) => ({ level, observedAt: at(i + 1), id: `e${i}` }));

export const scoreTarget = (id: string, rule: MasteryRuleInput, prerequisites: string[] = []): TargetInput => ({
  id,
  code: id.toUpperCase(),
  prerequisites,
  rule,
});

export const scored = (id: string, targetId: string, dayN: number, level: number, extra: Partial<EvidenceInput> = {}) =>
  ({ id, targetIds: [targetId], observedAt: at(dayN), level, kind: 'observation', ...extra }) satisfies EvidenceInput;

export const check = (
  id: string,
  targetId: string,
  observedAt: string,
  results: Record<string, 'correct' | 'notYet' | 'skipped'>,
  extra: Partial<EvidenceInput> = {},
) =>
  ({
    id,
    targetIds: [targetId],
    observedAt,
    kind: 'check',
    itemResults: Object.entries(results).map(([itemId, result]) => ({ itemId, result })),
    ...extra,
  }) satisfies EvidenceInput;

export const decision = (
  id: string,
  targetId: string,
  kind: DecisionInput['kind'],
  decidedAt: string,
  by: 'teacher' | 'student' | 'family' = 'teacher',
): DecisionInput => ({ id, targetId, kind, decidedAt, decidedBy: { kind: by } });

export const student = (
  partial: Partial<StudentRulesInput> & Pick<StudentRulesInput, 'targets'>,
): StudentRulesInput => ({
  path: partial.targets.map((t) => ({ targetId: t.id })),
  evidence: [],
  decisions: [],
  scale: SCALE,
  now: at(20),
  ...partial,
});
