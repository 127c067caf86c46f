import type { StudentProgress } from '#rules';

/**
 * What a screen says when a child has no current target: the rules tell "no path yet" (nothing on the path
 * to work on: a new class without a class path, a child added after it) from "path complete" (every target
 * on the path mastered) by their next step, and every screen words the two apart.
 */
export type PathState = 'current' | 'noPath' | 'complete';

export function pathState(progress: Pick<StudentProgress, 'currentTargetId' | 'nextStep'>): PathState {
  if (progress.currentTargetId !== null) return 'current';
  return progress.nextStep.kind === 'noPath' ? 'noPath' : 'complete';
}
