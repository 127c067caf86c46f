import type { StudentProgress } from './types.ts';
import type { TimedDecision } from './evaluate-target.ts';

/** One target's standing at some moment: what choosing a current target needs to know. */
export interface Standing {
  readonly isSkipped: boolean;
  readonly isMastered: boolean;
  readonly isReady: boolean;
}

/** The path at one moment: targets in path order, each with its standing then. */
export interface PathMoment {
  readonly order: readonly string[];
  readonly standing: (targetId: string) => Standing | undefined;
}

export interface CurrentPick {
  readonly currentTargetId: string | null;
  readonly currentReason: StudentProgress['currentReason'];
}

/** How far back a chain of choices is followed (each step re-reads the path at an earlier moment). */
const MAX_CHOICE_DEPTH = 8;

const isOpen = (s: Standing | undefined): s is Standing => s !== undefined && !s.isSkipped && !s.isMastered;

/** Without a decision: the first open ready target on the path, else the first open one. */
function defaultPick(moment: PathMoment): CurrentPick {
  // Stops at the first open ready target: an earlier moment's standings are worked out only as far as needed.
  let firstOpen: string | null = null;
  for (const id of moment.order) {
    const standing = moment.standing(id);
    if (!isOpen(standing)) continue;
    if (standing.isReady) return { currentTargetId: id, currentReason: 'firstReady' };
    firstOpen ??= id;
  }
  return firstOpen === null
    ? { currentTargetId: null, currentReason: 'none' }
    : { currentTargetId: firstOpen, currentReason: 'firstNotMastered' };
}

/**
 * The current target from the decisions up to `count` (oldest first), read against the path at `moment`.
 * Newest first: a teacher's setCurrent on an open target makes it current. A choice of what comes next
 * (chooseNext, by the student or for them; a student's setCurrent is one too) on an open, ready target
 * waits behind what was current when it was made: that target stays current while it is open (not
 * mastered, not skipped), and the choice is taken up once it is not. `momentAt(t)` gives the path as it
 * stood at time t (evidence observed and decisions made by then), to know what was current then.
 */
export function pickCurrent(
  decisions: readonly TimedDecision[],
  count: number,
  moment: PathMoment,
  momentAt: (t: number) => PathMoment,
  depth = 0,
): CurrentPick {
  for (let i = count - 1; i >= 0; i--) {
    const { d, t } = decisions[i]!;
    const standing = moment.standing(d.targetId);
    if (!isOpen(standing) || d.decidedBy.kind === 'family') continue;
    if (d.kind === 'setCurrent' && d.decidedBy.kind === 'teacher') {
      return { currentTargetId: d.targetId, currentReason: 'teacherSet' };
    }
    if ((d.kind !== 'chooseNext' && d.kind !== 'setCurrent') || !standing.isReady) continue;
    const then = momentAt(t);
    const before = depth < MAX_CHOICE_DEPTH ? pickCurrent(decisions, i, then, momentAt, depth + 1) : defaultPick(then);
    const held = before.currentTargetId;
    if (held !== null && held !== d.targetId && isOpen(moment.standing(held))) return before;
    return {
      currentTargetId: d.targetId,
      currentReason: d.decidedBy.kind === 'teacher' ? 'teacherSet' : 'studentChose',
    };
  }
  return defaultPick(moment);
}

/**
 * The choice of what comes next that still waits: the newest chooseNext (or student setCurrent) whose
 * target is open, ready and not the current target. Null when the newest choice was taken up or is done.
 */
export function waitingChoice(
  decisions: readonly TimedDecision[],
  moment: PathMoment,
  currentTargetId: string | null,
): string | null {
  for (let i = decisions.length - 1; i >= 0; i--) {
    const { d } = decisions[i]!;
    const isChoice = d.kind === 'chooseNext' || (d.kind === 'setCurrent' && d.decidedBy.kind !== 'teacher');
    if (!isChoice || d.decidedBy.kind === 'family') continue;
    const standing = moment.standing(d.targetId);
    if (!isOpen(standing) || !standing.isReady) continue;
    return d.targetId === currentTargetId ? null : d.targetId;
  }
  return null;
}
