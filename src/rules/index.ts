/**
 * Waypoint's rules: mastery, current target, next step and pacing, each with its reason. Pure TypeScript
 * that imports nothing outside src/rules; the device and the server share it. See README.md.
 */
export { computeMastery, validateMethod, orderScores } from './score-methods.ts';
export { computeItemMastery, itemStates, targetItems, toItemChecks, validateItemRule } from './item-mastery.ts';
export type { ItemCheck, ItemMasteryResult, ItemRuleInput } from './item-mastery.ts';
export { evaluateStudent, RULES_VERSION } from './evaluate-student.ts';
export { evaluateClass } from './evaluate-class.ts';
export { computePacing } from './pacing.ts';
export { DEFAULT_STALL, kidName, teacherName } from './next-step.ts';
export { round2 } from './round.ts';
export { NEXT_STEP_KINDS } from './types.ts';
export type * from './types.ts';
