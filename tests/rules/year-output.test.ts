import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluateClass, evaluateStudent, type StudentProgress, type StudentRulesInput } from '#rules';
import { generateYearClass, yearProgressSources } from '#tests/helpers/year-class/index.ts';
import { toRulesInput } from '#ui/progress-input.ts';

/**
 * The rules' answers for a generated school year (six children, 60 days: checks of every kind, reopened and
 * teacher-marked targets, students' choices, submissions waiting for review, voided and multi-target
 * evidence) stay exactly what they were when the speed-ups of the year benchmark were made: every field,
 * explanations included. The digest is of the whole output as JSON; when a rule's answer changes on purpose,
 * it is made again (and the change named in RULES_VERSION's history).
 */
const YEAR_OUTPUT_SHA256 = 'fafc94abcd8f7ac2d6debf75f300138c782ccc5d55015570c0960445a418eeef';

const year = generateYearClass({
  firstMonday: '2025-08-25',
  students: 6,
  days: 60,
  evidence: 4000,
  photos: 0,
  clips: 0,
  drawings: 0,
  mediaScale: 'small',
});
const inputs: StudentRulesInput[] = yearProgressSources(year).map((s) => toRulesInput(s, new Date(year.lastEvening)));
const digest = (progress: readonly StudentProgress[]): string =>
  createHash('sha256').update(JSON.stringify(progress)).digest('hex');

describe('a school year’s answers', () => {
  it('are exactly the ones pinned, explanations included', () => {
    const progress = evaluateClass(inputs);
    expect(progress.map((p) => p.targets.length).reduce((a, b) => a + b)).toBeGreaterThan(300);
    expect(digest(progress)).toBe(YEAR_OUTPUT_SHA256);
  });

  it('are the same student by student, with targets not shared, and with the evidence in any order', () => {
    const expected = evaluateClass(inputs);
    expect(inputs.map((input) => evaluateStudent(input))).toEqual(expected);
    // Each child its own copy of the targets: nothing of one child's index serves another.
    expect(evaluateClass(inputs.map((input) => ({ ...input, targets: [...input.targets] })))).toEqual(expected);
    // Newest first, and interleaved: grouping and ordering the evidence does not depend on the order given.
    const reversed = inputs.map((input) => ({ ...input, evidence: [...input.evidence].reverse() }));
    expect(evaluateClass(reversed)).toEqual(expected);
    const interleaved = inputs.map((input) => ({
      ...input,
      evidence: [...input.evidence.filter((_, i) => i % 2 === 1), ...input.evidence.filter((_, i) => i % 2 === 0)],
    }));
    expect(evaluateClass(interleaved)).toEqual(expected);
  });
});
