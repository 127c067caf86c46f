import type { StudentProgress, StudentRulesInput } from './types.ts';
import { evaluateStudentWith } from './evaluate-student.ts';
import { TargetIndex } from './target-index.ts';

/**
 * Evaluates every student of a class; results are in input order. Students handed the same list of targets
 * (as the app hands a class's) share one index of it (target-index.ts).
 */
export function evaluateClass(inputs: readonly StudentRulesInput[]): StudentProgress[] {
  let index: TargetIndex | null = null;
  return inputs.map((input) => {
    if (index?.targets !== input.targets) index = new TargetIndex(input.targets);
    return evaluateStudentWith(input, index);
  });
}
