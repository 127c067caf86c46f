import type { EvidenceKind } from '#protocol';
import { RULES_VERSION, type EvidenceInput, type Explanation, type StudentProgress, type TargetProgress } from '#rules';
import { evaluateProgress, type ProgressSource } from './progress-input.ts';

/**
 * What the class views (the class list, the overview) show of a child: the rules' answer cut down to the
 * status of each target on the path, the current target, the next step and the counts, plus two facts of
 * the evidence (the newest day, what waits for review). Made from the rules' own result
 * (`evaluateProgress`), never computed apart from it; src/db caches it per child and day (class-progress.ts),
 * so those views read 25 small rows instead of a year of evidence and run no rules.
 */
export type TargetSummary = Pick<TargetProgress, 'targetId' | 'status' | 'isSkipped'>;

export interface ProgressSummary extends Pick<
  StudentProgress,
  'currentTargetId' | 'nextStep' | 'masteredCount' | 'neededCount'
> {
  /** Path order, as the rules give them. */
  readonly targets: readonly TargetSummary[];
  /**
   * Why the current target stands where it does (the rules' explanation of it), so a child's page can paint
   * the current target with its reasons before the rules run over the year; null without a current target.
   */
  readonly currentExplanation: Explanation | null;
}

/** A child's submission waiting for the teacher, as the overview lists it. */
export interface WaitingItem {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly targetIds: readonly string[];
  readonly observedAt: string;
}

export interface StudentSummary {
  readonly progress: ProgressSummary;
  /** observedAt of the newest evidence that is not voided; null without any. */
  readonly lastEvidenceAt: string | null;
  /** Oldest first. */
  readonly waitingReview: readonly WaitingItem[];
}

/** Bump when StudentSummary changes shape or meaning: summaries an older app cached are then made again. */
const SUMMARY_SHAPE = 2;

export function summarizeProgress(progress: StudentProgress): ProgressSummary {
  return {
    targets: progress.targets.map(({ targetId, status, isSkipped }) => ({ targetId, status, isSkipped })),
    currentTargetId: progress.currentTargetId,
    currentExplanation:
      progress.currentTargetId === null ? null : (progress.byTargetId[progress.currentTargetId]?.explanation ?? null),
    nextStep: progress.nextStep,
    masteredCount: progress.masteredCount,
    neededCount: progress.neededCount,
  };
}

/** Evidence as the summaries read it: records or facts, both with their kind. */
type KindedEvidence = EvidenceInput & { readonly kind: EvidenceKind };

export function summarizeStudent(
  source: ProgressSource & { readonly evidence: readonly KindedEvidence[] },
  now: Date,
): StudentSummary {
  const evidence: readonly KindedEvidence[] = source.evidence;
  const counted = evidence.filter((e) => !e.voided);
  let lastEvidenceAt: string | null = null;
  for (const e of counted) if (lastEvidenceAt === null || e.observedAt > lastEvidenceAt) lastEvidenceAt = e.observedAt;
  return {
    progress: summarizeProgress(evaluateProgress(source, now)),
    lastEvidenceAt,
    waitingReview: counted
      .filter((e) => e.needsReview === true && !e.reviewedAt)
      .map(waitingItem)
      .sort((a, b) => a.observedAt.localeCompare(b.observedAt)),
  };
}

function waitingItem(e: KindedEvidence): WaitingItem {
  return { id: e.id, kind: e.kind, targetIds: e.targetIds, observedAt: e.observedAt };
}

/**
 * The summaries of the class views for `now`: keyed by the rules' version, the summary's shape and the day
 * (the rules' answer depends on the date only, never on the time of day).
 */
export function studentSummaries(now: Date): {
  readonly key: string;
  summarize(source: ProgressSource & { readonly evidence: readonly KindedEvidence[] }): StudentSummary;
} {
  return {
    key: `${RULES_VERSION}/${SUMMARY_SHAPE}/${now.toISOString().slice(0, 10)}`,
    summarize: (source) => summarizeStudent(source, now),
  };
}
