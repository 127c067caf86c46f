import type { StudentProgress, StudentRulesInput, TargetInput, TargetProgress, DecisionInput } from './types.ts';
import { validateMasteryLevel } from './score-methods.ts';
import {
  evaluateTarget,
  validateTargetRule,
  type ScaleContext,
  type TargetEvaluation,
  type TimedDecision,
  type TimedEvidence,
} from './evaluate-target.ts';
import { DEFAULT_STALL, computeNextStep, computeStall, isOneShort } from './next-step.ts';
import { computePacing, isOverdue } from './pacing.ts';
import { compareTimed, datePart, parseTime } from './time.ts';
import { show } from './round.ts';

export const RULES_VERSION = '1.1.0';

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

/** Only a teacher marks mastered or reopens; the student and the teacher may pick what comes next. */
function isOverrideDecision(d: DecisionInput): boolean {
  return (d.kind === 'markMastered' || d.kind === 'reopen') && d.decidedBy.kind === 'teacher';
}

/**
 * Everything a screen shows for one student: each target's status with its reason, the current target, the
 * next step for child, teacher and family, and pacing. Pure: the same input gives the same output.
 */
export function evaluateStudent(input: StudentRulesInput): StudentProgress {
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

  const targetsById = new Map<string, TargetInput>();
  for (const t of input.targets) if (!targetsById.has(t.id)) targetsById.set(t.id, t);

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
    validateTargetRule(target);
    if (entry.plannedDate !== undefined) datePart(entry.plannedDate, 'plannedDate');
    const pt = { target, plannedDate: entry.plannedDate ?? null, isSkipped: entry.skippedReason !== undefined };
    path.push(pt);
    onPath.set(target.id, pt);
  }

  // Sort once, then group: every group stays in (observedAt, id) order. Only path targets matter.
  const timed: TimedEvidence[] = [];
  input.evidence.forEach((e, i) => {
    if (e.voided) return;
    timed.push({ t: parseTime(e.observedAt, 'observedAt'), id: e.id, tie: i, e });
  });
  timed.sort(compareTimed);
  const evidenceByTarget = new Map<string, TimedEvidence[]>();
  for (const x of timed) {
    const ids = x.e.targetIds;
    for (let i = 0; i < ids.length; i++) {
      const targetId = ids[i]!;
      if (!onPath.has(targetId) || ids.indexOf(targetId) !== i) continue;
      let list = evidenceByTarget.get(targetId);
      if (!list) evidenceByTarget.set(targetId, (list = []));
      list.push(x);
    }
  }

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

  const evaluations = new Map<string, TargetEvaluation>();
  for (const { target } of path) {
    evaluations.set(
      target.id,
      evaluateTarget(target, evidenceByTarget.get(target.id) ?? [], overridesByTarget.get(target.id) ?? [], scaleCtx),
    );
  }

  // A prerequisite is missing only when it is on the path, not skipped and not mastered (soft, see README).
  const missingPrerequisites = (target: TargetInput): string[] =>
    target.prerequisites.filter((id) => {
      const pt = onPath.get(id);
      return pt !== undefined && !pt.isSkipped && !evaluations.get(id)!.isMastered;
    });

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
      evidenceIds: ev.counted.map((x) => x.id),
      activityIds: ev.allActivityIds,
      override: ev.override,
      plannedDate,
      isOverdue: !isSkipped && isOverdue(plannedDate, ev.isMastered, today),
    };
  });
  const byTargetId: Record<string, TargetProgress> = {};
  for (const p of progressList) byTargetId[p.targetId] = p;

  const open = progressList.filter((p) => !p.isSkipped && !p.isMastered);
  const readyTargetIds = open.filter((p) => p.isReady).map((p) => p.targetId);

  // Current target: the newest still-valid choice (teacher setCurrent: any open target; chooseNext: an open,
  // ready target), else the first open ready target, else the first open target.
  let currentTargetId: string | null = null;
  let currentReason: StudentProgress['currentReason'] = 'none';
  for (let i = decisions.length - 1; i >= 0 && currentTargetId === null; i--) {
    const d = decisions[i]!.d;
    const p = byTargetId[d.targetId];
    if (!p || p.isSkipped || p.isMastered || d.decidedBy.kind === 'family') continue;
    if (d.kind === 'setCurrent' && d.decidedBy.kind === 'teacher') {
      currentTargetId = p.targetId;
      currentReason = 'teacherSet';
    } else if ((d.kind === 'chooseNext' || d.kind === 'setCurrent') && p.isReady) {
      currentTargetId = p.targetId;
      currentReason = d.decidedBy.kind === 'teacher' ? 'teacherSet' : 'studentChose';
    }
  }
  if (currentTargetId === null && readyTargetIds.length > 0) {
    currentTargetId = readyTargetIds[0]!;
    currentReason = 'firstReady';
  }
  if (currentTargetId === null && open.length > 0) {
    currentTargetId = open[0]!.targetId;
    currentReason = 'firstNotMastered';
  }

  const current = currentTargetId === null ? null : evaluations.get(currentTargetId)!;
  const neededCount = progressList.filter((p) => !p.isSkipped).length;
  const masteredCount = progressList.filter((p) => !p.isSkipped && p.isMastered).length;
  const nextStep = computeNextStep({
    current,
    neededCount,
    justMastered: current ? findJustMastered(timed, decisions, byTargetId, targetsById, current.target.id) : null,
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
  timed: readonly TimedEvidence[],
  decisions: readonly TimedDecision[],
  byTargetId: Readonly<Record<string, TargetProgress>>,
  targetsById: ReadonlyMap<string, TargetInput>,
  currentId: string,
): TargetInput | null {
  let latestT = Number.NEGATIVE_INFINITY;
  let latestTargets: readonly string[] = [];
  for (let i = timed.length - 1; i >= 0; i--) {
    const x = timed[i]!;
    const onPath = x.e.targetIds.filter((id) => byTargetId[id] !== undefined);
    if (onPath.length === 0) continue;
    latestT = x.t;
    latestTargets = onPath;
    break;
  }
  for (let i = decisions.length - 1; i >= 0; i--) {
    const x = decisions[i]!;
    if (!isOverrideDecision(x.d) || byTargetId[x.d.targetId] === undefined) continue;
    if (x.t >= latestT && x.d.kind === 'markMastered') latestTargets = [x.d.targetId];
    break;
  }
  const id = latestTargets.find((tid) => tid !== currentId && byTargetId[tid]?.isMastered);
  return id === undefined ? null : (targetsById.get(id) ?? null);
}
