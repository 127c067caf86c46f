import type { Evidence, Item, MasteryRule, MasteryScale, Target } from '#protocol';
import type { TargetProgress } from '#rules';
import { evaluateProgress } from '#ui/progress-input.ts';

/** A made-up scored piece of evidence for the preview: never saved. */
export interface ScoreSample {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly level: number;
}

/** A made-up one-on-one check: the ticked items were correct, the others not yet. */
export interface CheckSample {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly correct: readonly string[];
}

const PREVIEW_STUDENT = 'preview-student';
const PREVIEW_SET = 'preview-items';

/** YYYY-MM-DD moved by whole days; a date that is not one comes back unchanged. */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T12:00:00Z`);
  return Number.isNaN(ms) ? date : new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}

/** Four checks a few days apart around the mastery level, so rules visibly disagree on them. */
export function defaultScoreSamples(scale: MasteryScale, today: string): ScoreSample[] {
  const values = scale.levels.map((l) => l.value);
  const clamp = (v: number) => Math.min(Math.max(v, Math.min(...values)), Math.max(...values));
  const m = scale.masteryLevel;
  return [m - 1, m, m - 2, m].map((level, i) => ({
    id: `sample-${i + 1}`,
    date: addDays(today, (i - 4) * 3),
    level: clamp(level),
  }));
}

/** Two checks on different days: all but the last two items right, then all but the last one. */
export function defaultCheckSamples(itemIds: readonly string[], today: string): CheckSample[] {
  const butLast = (n: number) => itemIds.slice(0, Math.max(itemIds.length - n, 0));
  return [
    { id: 'check-1', date: addDays(today, -3), correct: butLast(2) },
    { id: 'check-2', date: addDays(today, -1), correct: butLast(1) },
  ];
}

/**
 * What the rules make of the sample for the target with this rule and these items: a one-target path
 * through `evaluateProgress`, the adapter every screen uses. Null when the rules refuse the input.
 */
export function previewTarget(
  target: Target,
  rule: MasteryRule,
  items: readonly Item[],
  sample: { readonly scores: readonly ScoreSample[]; readonly checks: readonly CheckSample[] },
  scale: MasteryScale,
  now: Date,
): TargetProgress | null {
  const hasItems = items.length > 0;
  const draft: Target = {
    ...target,
    rule,
    ...(hasItems ? { itemSetId: PREVIEW_SET } : {}),
    itemIds: hasItems ? items.map((i) => i.id) : undefined,
  };
  const evidence = (id: string, date: string, fields: Partial<Evidence>): Evidence => ({
    id,
    studentId: PREVIEW_STUDENT,
    targetIds: [target.id],
    kind: 'observation',
    observedAt: `${date}T12:00:00Z`,
    recordedAt: `${date}T12:00:00Z`,
    recordedBy: { kind: 'teacher', id: 'preview' },
    ...fields,
  });
  const itemIds = items.map((i) => i.id);
  const samples =
    rule.kind === 'score'
      ? sample.scores.map((s) => evidence(s.id, s.date, { level: s.level }))
      : sample.checks.map((c) =>
          evidence(c.id, c.date, {
            kind: 'check',
            itemResults: itemIds.map((itemId) => ({
              itemId,
              result: c.correct.includes(itemId) ? 'correct' : 'notYet',
            })),
          }),
        );
  try {
    const progress = evaluateProgress(
      {
        path: { id: PREVIEW_STUDENT, studentId: PREVIEW_STUDENT, entries: [{ targetId: target.id }] },
        targets: [draft],
        itemSets: hasItems ? [{ id: PREVIEW_SET, frameworkId: target.frameworkId, title: '', items }] : [],
        evidence: samples,
        decisions: [],
        scale,
      },
      now,
    );
    return progress.byTargetId[target.id] ?? null;
  } catch {
    return null;
  }
}
