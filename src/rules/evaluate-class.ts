import type { StudentProgress, StudentRulesInput } from './types.ts';
import { evaluateStudent } from './evaluate-student.ts';

/** Evaluates every student of a class; results are in input order. */
export function evaluateClass(inputs: readonly StudentRulesInput[]): StudentProgress[] {
  return inputs.map(evaluateStudent);
}
