import type { StudentProgress, StudentRulesInput, TargetInput, TargetProgress, DecisionInput } from './types.ts';
import { validateMasteryLevel } from './score-methods.ts';
import {
  evaluateTarget,
  toTimed,
  type ScaleContext,
  type TargetEvaluation,
  type TimedDecision,
  type TimedEvidence,
} from './evaluate-target.ts';
import { DEFAULT_STALL, computeNextStep, computeStall, isOneShort } from './next-step.ts';
import { pickCurrent, waitingChoice, type PathMoment, type Standing } from './current-target.ts';
import { computePacing, isOverdue } from './pacing.ts';
import { compareTimed, datePart, parseTime } from './time.ts';
import { show } from './round.ts';
import { TargetIndex } from './target-index.ts';

export const RULES_VERSION = '1.2.0';

interface PathTarget {
  readonly target: TargetInput;
  readonly plannedDate: string | null;
  readonly isSkipped: boolean;
}

function validateStall(stall: { attempts: number; days: number }): void {
  if (!(Number.isInteger(stall.attempts) && stall.attempts >= 1))
    throw new Error(`stall.attempts must be an integer of at least 1, got ${stall.attempts}`);
  if (!(Number.isInteger(stall.days) && stall.days >= 1))
    throw new Error(`stall.days must be an integer of at least 1, got ${stall.days}`);
}

/** A list's entries up to time t (all of them now); a function of its own, not a closure made per target. */
function upTo<T extends { readonly t: number }>(list: readonly T[] | undefined, t: number): readonly T[] {
  return list === undefined ? [] : t === Number.POSITIVE_INFINITY ? list : list.filter((x) => x.t <= t);
}

/**
 * Puts a target's evidence in (t, id) order, in place. The records mostly come in the order they were
 * observed, with a few entered late: an insertion sort moves those few without the copies and calls of
 * Array.prototype.sort. A list far from order (after some moves per entry) is handed to that sort instead.
 * compareTimed is a total order (the tie is the record's index), so both give the same list.
 */
function sortByTime(list: TimedEvidence[]): void {
  let budget = 8 * list.length;
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    if (compareTimed(list[j]!, x) <= 0) continue;
    do {
      list[j + 1] = list[j]!;
      j--;
    } while (j >= 0 && compareTimed(list[j]!, x) > 0 && --budget > 0);
    list[j + 1] = x;
    if (budget <= 0) {
      list.sort(compareTimed);
      return;
    }
  }
}

/** Only a teacher marks mastered or reopens; the student and the teacher may pick what comes next. */
function isOverrideDecision(d: DecisionInput): boolean {
  return (d.kind === 'markMastered' || d.kind === 'reopen') && d.decidedBy.kind === 'teacher';
}

/**
 * Everything a screen shows for one student: each target's status with its reason, the current target, the
 * next step for child, teacher and family, and pacing. Pure: the same input gives the same output.
 */
export function evaluateStudent(input: StudentRulesInput): StudentProgress {
  return evaluateStudentWith(input, new TargetIndex(input.targets));
}

/** evaluateStudent with the student's targets already indexed (evaluateClass shares one index per list). */
export function evaluateStudentWith(input: StudentRulesInput, targetIndex: TargetIndex): StudentProgress {
  const { scale } = input;
  validateMasteryLevel(scale.masteryLevel);
  parseTime(input.now, 'now');
  const today = datePart(input.now, 'now');
  const stallSettings = input.stall ?? DEFAULT_STALL;
  validateStall(stallSettings);
  const scaleCtx: ScaleContext = {
    masteryLevel: scale.masteryLevel,
    masteryLabel: scale.levels.find((l) => l.value === scale.masteryLevel)?.label ?? show(scale.masteryLevel),
  };

  const targetsById = targetIndex.byId;

  // The path: first occurrence of each known target; unknown ids are reported, not fatal.
  const path: PathTarget[] = [];
  const onPath = new Map<string, PathTarget>();
  const unknownTargetIds: string[] = [];
  for (const entry of input.path) {
    const target = targetsById.get(entry.targetId);
    if (!target) {
      unknownTargetIds.push(entry.targetId);
      continue;
    }
    if (onPath.has(target.id)) continue;
    targetIndex.validate(target);
    if (entry.plannedDate !== undefined) datePart(entry.plannedDate, 'plannedDate');
    const pt = { target, plannedDate: entry.plannedDate ?? null, isSkipped: entry.skippedReason !== undefined };
    path.push(pt);
    onPath.set(target.id, pt);
  }

  // Group in the order given, then sort each group: every group ends in (observedAt, id) order. Only path
  // targets matter: each has its list from the start, so one lookup per target id both filters and finds it.
  // Reading the records in the order they come (not sorted) and sorting short lists, not the whole year,
  // halves what the sort costs; the newest evidence on the path is kept on the way, for findJustMastered.
  const evidenceByTarget = new Map<string, TimedEvidence[]>(path.map((pt) => [pt.target.id, []]));
  let newestOnPath: TimedEvidence | null = null;
  const evidence = input.evidence;
  for (let index = 0; index < evidence.length; index++) {
    const e = evidence[index]!;
    if (e.voided) continue;
    const x = toTimed(e, index);
    const ids = x.targetIds;
    let placed = false;
    for (let i = 0; i < ids.length; i++) {
      const list = evidenceByTarget.get(ids[i]!);
      if (list === undefined) continue;
      placed = true;
      if (i === 0 || ids.indexOf(ids[i]!) === i) list.push(x);
    }
    if (placed && (newestOnPath === null || compareTimed(x, newestOnPath) > 0)) newestOnPath = x;
  }
  for (const list of evidenceByTarget.values()) sortByTime(list);

  const decisions: TimedDecision[] = input.decisions
    .map((d, i) => ({ t: parseTime(d.decidedAt, 'decidedAt'), id: d.id, tie: i, d }))
    .sort(compareTimed);
  const overridesByTarget = new Map<string, TimedDecision[]>();
  for (const x of decisions) {
    if (!isOverrideDecision(x.d) || !onPath.has(x.d.targetId)) continue;
    let list = overridesByTarget.get(x.d.targetId);
    if (!list) overridesByTarget.set(x.d.targetId, (list = []));
    list.push(x);
  }

  // Each target as it stands now, or (lazily, one target at a time) as it stood at an earlier time t: what
  // was current when a choice was made needs only the first few stops of the path.
  const evaluateAt = (target: TargetInput, t: number): TargetEvaluation =>
    evaluateTarget(
      target,
      upTo(evidenceByTarget.get(target.id), t),
      upTo(overridesByTarget.get(target.id), t),
      scaleCtx,
      target.rule.kind === 'score' ? null : targetIndex.items(target),
    );
  const evaluations = new Map(path.map(({ target }) => [target.id, evaluateAt(target, Number.POSITIVE_INFINITY)]));
  const masteredNow = (id: string): boolean => evaluations.get(id)!.isMastered;

  // A prerequisite is missing only when it is on the path, not skipped and not mastered (soft, see README).
  const missingIn =
    (isMastered: (id: string) => boolean) =>
    (target: TargetInput): string[] =>
      target.prerequisites.filter((id) => {
        const pt = onPath.get(id);
        return pt !== undefined && !pt.isSkipped && !isMastered(id);
      });
  const missingPrerequisites = missingIn(masteredNow);

  const progressList: TargetProgress[] = path.map(({ target, plannedDate, isSkipped }) => {
    const ev = evaluations.get(target.id)!;
    const missing = missingPrerequisites(target);
    return {
      targetId: target.id,
      code: target.code,
      status: ev.status,
      isSkipped,
      isReady: missing.length === 0,
      missingPrerequisites: missing,
      isMastered: ev.isMastered,
      score: ev.score,
      items: ev.items,
      explanation: ev.explanation,
      evidenceIds: ev.countedIds,
      activityIds: ev.allActivityIds,
      override: ev.override,
      plannedDate,
      isOverdue: !isSkipped && isOverdue(plannedDate, ev.isMastered, today),
    };
  });
  // No prototype: a target id such as "constructor" or "__proto__" is a key like any other.
  const byTargetId = Object.create(null) as Record<string, TargetProgress>;
  for (const p of progressList) byTargetId[p.targetId] = p;

  const open = progressList.filter((p) => !p.isSkipped && !p.isMastered);
  const readyTargetIds = open.filter((p) => p.isReady).map((p) => p.targetId);

  // Current target and the student's choice of what comes next (current-target.ts, README "Current target").
  const momentOf = (isMastered: (id: string) => boolean): PathMoment => {
    const missing = missingIn(isMastered);
    return {
      order: path.map((pt) => pt.target.id),
      standing: (id): Standing | undefined => {
        const pt = onPath.get(id);
        if (!pt) return undefined;
        return { isSkipped: pt.isSkipped, isMastered: isMastered(id), isReady: missing(pt.target).length === 0 };
      },
    };
  };
  const present = momentOf(masteredNow);
  const moments = new Map<number, PathMoment>();
  const momentAt = (t: number): PathMoment => {
    let moment = moments.get(t);
    if (!moment) {
      const then = new Map<string, boolean>();
      const masteredThen = (id: string): boolean => {
        let mastered = then.get(id);
        if (mastered === undefined) then.set(id, (mastered = evaluateAt(onPath.get(id)!.target, t).isMastered));
        return mastered;
      };
      moments.set(t, (moment = momentOf(masteredThen)));
    }
    return moment;
  };
  const { currentTargetId, currentReason } = pickCurrent(decisions, decisions.length, present, momentAt);
  const chosenNextTargetId = waitingChoice(decisions, present, currentTargetId);

  const current = currentTargetId === null ? null : evaluations.get(currentTargetId)!;
  const neededCount = progressList.filter((p) => !p.isSkipped).length;
  const masteredCount = progressList.filter((p) => !p.isSkipped && p.isMastered).length;
  const nextStep = computeNextStep({
    current,
    neededCount,
    justMastered: current
      ? findJustMastered(newestOnPath, decisions, byTargetId, targetsById, current.target.id)
      : null,
    stall: current ? computeStall(current, scaleCtx, today, stallSettings) : null,
    isOneShort: current ? isOneShort(current, scaleCtx) : false,
  });
  const pacing = computePacing(
    progressList.map((p) => ({
      targetId: p.targetId,
      plannedDate: p.plannedDate,
      isSkipped: p.isSkipped,
      isMastered: p.isMastered,
    })),
    today,
  );
  return {
    rulesVersion: RULES_VERSION,
    targets: progressList,
    byTargetId,
    currentTargetId,
    currentReason,
    chosenNextTargetId,
    readyTargetIds,
    nextStep,
    pacing,
    masteredCount,
    neededCount,
    unknownTargetIds,
  };
}

/**
 * "Just mastered": the student's latest activity (newest counted-or-not evidence on a path target, or a
 * teacher's markMastered) concerns a target that is now mastered and is not the current one.
 */
function findJustMastered(
  newestOnPath: TimedEvidence | null,
  decisions: readonly TimedDecision[],
  byTargetId: Readonly<Record<string, TargetProgress>>,
  targetsById: ReadonlyMap<string, TargetInput>,
  currentId: string,
): TargetInput | null {
  const latestT = newestOnPath?.t ?? Number.NEGATIVE_INFINITY;
  let latestTargets: readonly string[] = newestOnPath?.targetIds.filter((id) => byTargetId[id] !== undefined) ?? [];
  for (let i = decisions.length - 1; i >= 0; i--) {
    const x = decisions[i]!;
    if (!isOverrideDecision(x.d) || byTargetId[x.d.targetId] === undefined) continue;
    if (x.t >= latestT && x.d.kind === 'markMastered') latestTargets = [x.d.targetId];
    break;
  }
  const id = latestTargets.find((tid) => tid !== currentId && byTargetId[tid]?.isMastered);
  return id === undefined ? null : (targetsById.get(id) ?? null);
}
