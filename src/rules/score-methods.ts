import type { ComputeMasteryInput, MasteryResult, RulesMessage, ScoreInput, ScoreMethodInput } from './types.ts';
import { round2, show, show2 } from './round.ts';
import { compareTimed, parseTime } from './time.ts';
import { validateLevel, validateMasteryLevel, validateMethod } from './validate.ts';

export { validateLevel, validateMasteryLevel, validateMethod };

/** A score already filtered (no voided) and ordered oldest first. */
export interface OrderedScore {
  readonly level: number;
  readonly id: string;
}

/** Drops voided scores and orders the rest by observedAt, then id, then level (for id-less ties). */
export function orderScores(scores: readonly ScoreInput[]): OrderedScore[] {
  const keyed = [];
  for (const s of scores) {
    if (s.voided) continue;
    validateLevel(s.level, s.id);
    keyed.push({ t: parseTime(s.observedAt, 'observedAt'), id: s.id ?? '', tie: s.level, level: s.level });
  }
  keyed.sort(compareTimed);
  return keyed.map((k) => ({ level: k.level, id: k.id }));
}

interface MethodOutcome {
  readonly score: number | null;
  readonly isMastered: boolean;
  /** Indexes that determined the result; null means all of them. */
  readonly used: readonly number[] | null;
  readonly values: Record<string, number>;
  readonly arithmetic: string;
  /** Message parameters; every method's messages have `_one`/`_other` variants chosen by `count`. */
  readonly params: Record<string, number>;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The arithmetic of every method over ordered levels (oldest first, at least one). */
function applyMethod(
  levels: readonly number[],
  method: ScoreMethodInput,
  mastery: number,
  // Stall detection re-runs the method on every prefix and needs only the numbers.
  withText = true,
): MethodOutcome {
  const count = levels.length;
  // `values` is a fresh literal from the caller: completing it in place spares an allocation per target.
  const withScore = (raw: number, arithmetic: () => string, values: Record<string, number>, used?: number[]) => {
    const score = round2(raw);
    values['count'] = count;
    values['score'] = score;
    const outcome: MethodOutcome = {
      score,
      isMastered: score >= mastery,
      used: used ?? null,
      values,
      arithmetic: withText ? `${arithmetic()} = ${show2(raw)}` : '',
      params: values,
    };
    return outcome;
  };
  switch (method.kind) {
    case 'decayingAverage': {
      const w = method.weight;
      const newest = levels[count - 1]!;
      if (count === 1) return withScore(newest, () => `single score ${show(newest)}`, { weight: w });
      const earlier = levels.slice(0, -1);
      const mean = sum(earlier) / earlier.length;
      // Integer percentages keep the arithmetic exact for the common cases (4×65 + 2×35 = 330).
      const raw = (newest * w + mean * (100 - w)) / 100;
      const text = (): string =>
        `${show(newest)} × ${show(w / 100)} + mean(${earlier.map(show).join(', ')}) × ${show((100 - w) / 100)}` +
        ` = ${show(newest)} × ${show(w / 100)} + ${show(mean)} × ${show((100 - w) / 100)}`;
      return withScore(raw, text, {
        weight: w,
        newest,
        earlierMean: mean,
      });
    }
    case 'exponentialDecay': {
      const w = method.weight;
      let d = levels[0]!;
      const steps = [d];
      for (let i = 1; i < count; i++) {
        d = (d * (100 - w) + levels[i]! * w) / 100;
        steps.push(d);
      }
      const text = (): string =>
        `${steps.map((x, i) => `d${i + 1} = ${show(x)}`).join(', ')} (dᵢ = dᵢ₋₁ × ${show((100 - w) / 100)} + sᵢ × ${show(w / 100)})`;
      return withScore(d, text, {
        weight: w,
      });
    }
    case 'nTimes': {
      const kept = range(0, count).filter((i) => levels[i]! >= mastery);
      const keptLevels = kept.map((i) => levels[i]!);
      if (kept.length < method.n) {
        return {
          score: null,
          isMastered: false,
          used: kept,
          values: { n: method.n, kept: kept.length, count },
          arithmetic: withText ? `${kept.length} of ${count} scores ≥ ${show(mastery)}; ${method.n} needed` : '',
          params: { n: method.n, count: kept.length },
        };
      }
      const raw = sum(keptLevels) / kept.length;
      const score = round2(raw);
      return {
        score,
        isMastered: score >= mastery,
        used: kept,
        values: { n: method.n, kept: kept.length, count, score },
        arithmetic: withText ? `mean(${keptLevels.map(show).join(', ')}) = ${show2(raw)}` : '',
        params: { n: method.n, count: kept.length, score },
      };
    }
    case 'mostRecent': {
      const newest = levels[count - 1]!;
      return withScore(newest, () => `most recent ${show(newest)}`, {}, [count - 1]);
    }
    case 'highest': {
      const best = Math.max(...levels);
      return withScore(best, () => `max(${levels.map(show).join(', ')})`, {});
    }
    case 'average':
      return withScore(sum(levels) / count, () => `mean(${levels.map(show).join(', ')})`, {});
    case 'mOfN': {
      const window = range(Math.max(0, count - method.n), count);
      const atOrAbove = window.filter((i) => levels[i]! >= mastery).length;
      return {
        score: null,
        isMastered: atOrAbove >= method.m,
        used: window,
        values: { m: method.m, n: method.n, window: window.length, atOrAbove },
        arithmetic: withText
          ? `${atOrAbove} of the last ${window.length} ≥ ${show(mastery)}; ${method.m} of ${method.n} needed`
          : '',
        params: { m: method.m, n: method.n, count: window.length, atOrAbove },
      };
    }
    case 'inARow': {
      let run = 0;
      while (run < count && levels[count - 1 - run]! >= mastery) run++;
      const window = range(Math.max(0, count - method.n), count);
      return {
        score: null,
        isMastered: run >= method.n,
        used: window,
        values: { n: method.n, run: Math.min(run, method.n) },
        arithmetic: withText ? `last ${Math.min(run, method.n)} in a row ≥ ${show(mastery)}; ${method.n} needed` : '',
        params: { n: method.n, count: Math.min(run, method.n) },
      };
    }
  }
}

/** The ids that are not '' (scores without one); the list itself when all have one (read only, shared). */
function withoutEmpty(ids: readonly string[]): readonly string[] {
  return ids.includes('') ? ids.filter((id) => id !== '') : ids;
}

/**
 * Scores already filtered and ordered (evaluateStudent sorts a student's evidence once): their levels and
 * their ids ('' for none), side by side.
 */
export function scoreOrdered(
  levels: readonly number[],
  ids: readonly string[],
  method: ScoreMethodInput,
  masteryLevel: number,
  masteryLabel?: string,
): MasteryResult {
  const threshold = masteryLabel ?? show(masteryLevel);
  if (levels.length === 0) {
    const message: RulesMessage = {
      key: 'rules.explain.noScores',
      params: { threshold, thresholdValue: masteryLevel },
    };
    return {
      score: null,
      isMastered: false,
      explanation: {
        rule: 'score',
        method: method.kind,
        isMastered: false,
        score: null,
        threshold: masteryLevel,
        evidenceIds: [],
        values: { count: 0 },
        arithmetic: 'no scores',
        message,
        ruleMessage: message,
      },
    };
  }
  const outcome = applyMethod(levels, method, masteryLevel);
  const base = `rules.explain.${method.kind}.${outcome.isMastered ? 'mastered' : 'notYet'}`;
  const message: RulesMessage = {
    key: base,
    params: { ...outcome.params, threshold, thresholdValue: masteryLevel },
  };
  return {
    score: outcome.score,
    isMastered: outcome.isMastered,
    explanation: {
      rule: 'score',
      method: method.kind,
      isMastered: outcome.isMastered,
      score: outcome.score,
      threshold: masteryLevel,
      evidenceIds: withoutEmpty(outcome.used === null ? ids : outcome.used.map((i) => ids[i]!)),
      values: outcome.values,
      arithmetic: outcome.arithmetic,
      message,
      ruleMessage: message,
    },
  };
}

/**
 * Score-based mastery over levels on the school's scale. Voided scores are ignored; the rest are ordered by
 * observedAt, then id. Throws an Error naming the problem for an invalid method, level or mastery level.
 */
export function computeMastery(input: ComputeMasteryInput): MasteryResult {
  validateMethod(input.method);
  validateMasteryLevel(input.masteryLevel);
  const ordered = orderScores(input.scores);
  return scoreOrdered(
    ordered.map((s) => s.level),
    ordered.map((s) => s.id),
    input.method,
    input.masteryLevel,
    input.masteryLabel,
  );
}

/**
 * A number that grows as a student gets closer to mastery under the method; used to detect stalls.
 * Count rules measure their count (a score alone could not show "2 of 3 now"); the rest use the score.
 */
export function scoreProgressMeasure(levels: readonly number[], method: ScoreMethodInput, mastery: number): number {
  if (levels.length === 0) return Number.NEGATIVE_INFINITY;
  const outcome = applyMethod(levels, method, mastery, false);
  switch (method.kind) {
    case 'nTimes':
      return outcome.values['kept'] ?? 0;
    case 'mOfN':
      return outcome.values['atOrAbove'] ?? 0;
    case 'inARow':
      return outcome.values['run'] ?? 0;
    default:
      return outcome.score ?? Number.NEGATIVE_INFINITY;
  }
}

/**
 * `scoreProgressMeasure` of every prefix of `levels` (oldest first), in one pass: the same numbers, each
 * made from the same running sums in the same order, so the same floating-point results.
 */
export function scoreProgressMeasures(levels: readonly number[], method: ScoreMethodInput, mastery: number): number[] {
  const out: number[] = [];
  let sum = 0;
  let highest = Number.NEGATIVE_INFINITY;
  let decayed = 0;
  let kept = 0;
  let run = 0;
  levels.forEach((level, i) => {
    const earlierSum = sum;
    sum += level;
    highest = Math.max(highest, level);
    decayed =
      i === 0
        ? level
        : method.kind === 'exponentialDecay'
          ? (decayed * (100 - method.weight) + level * method.weight) / 100
          : 0;
    if (level >= mastery) kept++;
    run = level >= mastery ? run + 1 : 0;
    switch (method.kind) {
      case 'decayingAverage':
        out.push(round2(i === 0 ? level : (level * method.weight + (earlierSum / i) * (100 - method.weight)) / 100));
        break;
      case 'exponentialDecay':
        out.push(round2(decayed));
        break;
      case 'nTimes':
        out.push(kept);
        break;
      case 'mOfN': {
        let atOrAbove = 0;
        for (let j = Math.max(0, i + 1 - method.n); j <= i; j++) if (levels[j]! >= mastery) atOrAbove++;
        out.push(atOrAbove);
        break;
      }
      case 'inARow':
        out.push(Math.min(run, method.n));
        break;
      case 'mostRecent':
        out.push(round2(level));
        break;
      case 'highest':
        out.push(round2(highest));
        break;
      case 'average':
        out.push(round2(sum / (i + 1)));
        break;
    }
  });
  return out;
}

/** True when one more piece of evidence at the mastery level would master a count rule. */
export function isOneShortByScore(levels: readonly number[], method: ScoreMethodInput, mastery: number): boolean {
  if (levels.length === 0) return false;
  const atOrAbove = (xs: readonly number[]): number => xs.filter((x) => x >= mastery).length;
  switch (method.kind) {
    case 'nTimes':
      return method.n >= 2 && atOrAbove(levels) === method.n - 1;
    case 'mOfN':
      // Adding one drops the oldest of the window, so count the last n−1.
      return method.m >= 2 && atOrAbove(levels.slice(Math.max(0, levels.length - (method.n - 1)))) === method.m - 1;
    case 'inARow': {
      let run = 0;
      while (run < levels.length && levels[levels.length - 1 - run]! >= mastery) run++;
      return method.n >= 2 && run === method.n - 1;
    }
    default:
      return false;
  }
}
