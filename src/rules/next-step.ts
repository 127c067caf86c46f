import type { ItemState, NextStep, NextStepKind, RulesMessage, StallSettings, TargetInput } from './types.ts';
import type { ScaleContext, TargetEvaluation } from './evaluate-target.ts';
import { isOneShortByScore, scoreProgressMeasures } from './score-methods.ts';
import { itemMeasures, targetItems } from './item-mastery.ts';
import { countedLevels, toChecks } from './evaluate-target.ts';
import { datePart, daysBetween } from './time.ts';

export const DEFAULT_STALL: StallSettings = { attempts: 4, days: 14 };

/** How many not-yet items the child's message names: short enough to read aloud. */
const CHILD_ITEM_LIMIT = 3;

export interface StallState {
  readonly isStalled: boolean;
  /** Counted attempts after the last one that made progress. */
  readonly attemptsSinceProgress: number;
  /** YYYY-MM-DD of the last progress, null without evidence. */
  readonly lastProgressDay: string | null;
  readonly daysSinceProgress: number;
}

/**
 * Progress means the rule's measure (score, count at the mastery level, known items, best check) reached a
 * new high. A student is stalled after `attempts` counted attempts, or `days` days, since the last new high.
 */
export function computeStall(
  evaluation: TargetEvaluation,
  scale: ScaleContext,
  today: string,
  settings: StallSettings,
): StallState {
  const counted = evaluation.counted;
  if (counted.length === 0)
    return { isStalled: false, attemptsSinceProgress: 0, lastProgressDay: null, daysSinceProgress: 0 };
  const measures = progressMeasures(evaluation.target, evaluation, scale);
  let best = Number.NEGATIVE_INFINITY;
  let lastProgress = 0;
  measures.forEach((m, i) => {
    if (m > best) {
      best = m;
      lastProgress = i;
    }
  });
  const attemptsSinceProgress = counted.length - 1 - lastProgress;
  const lastProgressDay = datePart(counted[lastProgress]!.observedAt, 'observedAt');
  const daysSinceProgress = daysBetween(lastProgressDay, today);
  return {
    isStalled: attemptsSinceProgress >= settings.attempts || daysSinceProgress >= settings.days,
    attemptsSinceProgress,
    lastProgressDay,
    daysSinceProgress,
  };
}

/** The rule's measure after each counted piece of evidence (only run for the current target). */
function progressMeasures(target: TargetInput, evaluation: TargetEvaluation, scale: ScaleContext): number[] {
  const rule = target.rule;
  if (rule.kind === 'score') {
    const levels = countedLevels(evaluation.counted);
    return scoreProgressMeasures(levels, rule.method, scale.masteryLevel);
  }
  return itemMeasures(rule, targetItems(target), toChecks(evaluation.counted));
}

export function isOneShort(evaluation: TargetEvaluation, scale: ScaleContext): boolean {
  if (evaluation.isMastered) return false;
  const rule = evaluation.target.rule;
  if (rule.kind === 'score') {
    const levels = countedLevels(evaluation.counted);
    return isOneShortByScore(levels, rule.method, scale.masteryLevel);
  }
  return evaluation.itemResult?.isOneDayShort ?? false;
}

/** A statement as a message parameter: the sentence's own full stop goes, the message supplies its own. */
const asPhrase = (statement: string): string => statement.trim().replace(/\.$/, '');
export const kidName = (t: TargetInput): string => asPhrase(t.kidStatement ?? t.teacherStatement ?? t.code);
export const teacherName = (t: TargetInput): string => asPhrase(t.teacherStatement ?? t.code);

/** Items to practise: tried-but-not-known first (closest), then never tried; each in the target's order. */
export function itemsToPractise(items: readonly ItemState[]): string[] {
  return [...items.filter((i) => i.state === 'notYet'), ...items.filter((i) => i.state === 'neverTried')].map(
    (i) => i.label,
  );
}

function step(
  kind: NextStepKind,
  target: TargetInput | null,
  child: Record<string, RulesMessage['params'][string]>,
  teacher: Record<string, RulesMessage['params'][string]>,
  family: Record<string, RulesMessage['params'][string]>,
): NextStep {
  const key = (audience: string): string => `rules.next.${kind}.${audience}`;
  return {
    kind,
    targetId: target?.id ?? null,
    child: { key: key('child'), params: child },
    teacher: { key: key('teacher'), params: teacher },
    family: { key: key('family'), params: family },
  };
}

export interface NextStepContext {
  readonly current: TargetEvaluation | null;
  readonly neededCount: number;
  /** The target mastered by the student's latest activity, when that is not the current target. */
  readonly justMastered: TargetInput | null;
  readonly stall: StallState | null;
  readonly isOneShort: boolean;
}

/**
 * The next step for the current target, phrased for child, teacher and family. Cases in priority order:
 * noPath, allDone, talkToTeacher (stalled), readyForNext / start (no evidence on it yet), showAgain (one
 * short), practiseItems (item rule with items left), keepPractising.
 */
export function computeNextStep(ctx: NextStepContext): NextStep {
  const current = ctx.current;
  if (current === null) {
    return ctx.neededCount === 0
      ? step('noPath', null, {}, {}, {})
      : step('allDone', null, {}, { count: ctx.neededCount }, {});
  }
  const t = current.target;
  const kid = kidName(t);
  const base = { target: kid };
  const forTeacher = { target: t.code, targetName: teacherName(t) };
  if (ctx.stall?.isStalled) {
    const since = ctx.stall.lastProgressDay ?? '';
    return step('talkToTeacher', t, base, { ...forTeacher, count: ctx.stall.attemptsSinceProgress, since }, base);
  }
  if (current.activity.length === 0) {
    const prev = ctx.justMastered;
    if (prev) {
      return step(
        'readyForNext',
        t,
        { ...base, previous: kidName(prev) },
        { ...forTeacher, previous: prev.code, previousName: teacherName(prev) },
        { ...base, previous: kidName(prev) },
      );
    }
    return step('start', t, base, forTeacher, base);
  }
  if (ctx.isOneShort) return step('showAgain', t, base, forTeacher, base);
  const remaining = itemsToPractise(current.items);
  if (t.rule.kind !== 'score' && remaining.length > 0) {
    const practise = step(
      'practiseItems',
      t,
      { ...base, items: remaining.slice(0, CHILD_ITEM_LIMIT), count: remaining.length },
      { ...forTeacher, items: remaining, count: remaining.length },
      { ...base, items: remaining, count: remaining.length },
    );
    // "Not yet known" must say what counts, or it reads as a contradiction of the last check's "20 of 26
    // correct": with a rule of d > 1 days the teacher's sentence says so, and how many are on their way.
    if (t.rule.kind !== 'allItemsOnDistinctDays' || t.rule.days < 2) return practise;
    const started = current.items.filter((i) => i.state !== 'known' && i.correctDays > 0).length;
    const key = started > 0 ? 'rules.next.practiseItems.teacherDaysStarted' : 'rules.next.practiseItems.teacherDays';
    return { ...practise, teacher: { key, params: { ...practise.teacher.params, days: t.rule.days, started } } };
  }
  return step('keepPractising', t, base, forTeacher, base);
}
