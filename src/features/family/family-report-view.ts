import type { Language } from '#i18n';
import type { Evidence, Student, Target } from '#protocol';
import type { RulesMessage } from '#rules';
import { evaluateProgress, type ProgressSource } from '#ui/progress-input.ts';
import { targetStatement } from '#ui/target-text.ts';

/**
 * The family report as plain data: what a parent reads, in one language, with no scores. Status, the
 * current target, the next step and the items not known yet all come from the rules (evaluateProgress);
 * this file only picks them out and puts target statements in the report's language.
 */
export interface FamilyReportSource extends ProgressSource {
  readonly student: Pick<Student, 'displayName'> & { readonly familyLanguage?: string };
  /** The child's pieces of work as records (with their media), from which the shared ones are shown. */
  readonly work?: readonly WorkPiece[];
}

/** What the report needs of a piece of work: the rules' inputs carry no media or notes. */
export type WorkPiece = Pick<
  Evidence,
  'id' | 'observedAt' | 'targetIds' | 'note' | 'blobIds' | 'sharedWithFamily' | 'voided'
>;

export interface ReportTarget {
  readonly id: string;
  readonly icon: string;
  /** The kid "I can" statement in the report's language (the framework's own words when untranslated). */
  readonly statement: string;
}

export interface FamilyReportView {
  readonly language: Language;
  readonly childName: string;
  /** When the report was made (ISO): the day it describes. */
  readonly madeAt: string;
  /** Mastered targets, in path order. */
  readonly mastered: readonly ReportTarget[];
  /** Targets on the path that count (skipped ones do not). */
  readonly neededCount: number;
  readonly current: ReportTarget | null;
  /** The rules' next step for the family, its target named in the report's language. */
  readonly nextStep: RulesMessage;
  /** Flashcards: the current target's items the child does not know yet, in the item set's order. */
  readonly practice: { readonly target: ReportTarget; readonly cards: readonly string[] } | null;
  /** The work the teacher shared with the family, newest first: photos, drawings, recordings. */
  readonly sharedWork: readonly SharedWork[];
}

export interface SharedWork {
  readonly id: string;
  readonly observedAt: string;
  /** What the work was for, in the report's language. */
  readonly targets: readonly ReportTarget[];
  readonly note?: string;
  readonly blobIds: readonly string[];
}

/** A report is a page or two: the newest shared pieces only. */
export const SHARED_WORK_SHOWN = 6;

/** The newest shared pieces, what each was for in the report's language (the preview reads the work apart). */
export function buildSharedWork(
  source: Pick<FamilyReportSource, 'targets' | 'work'>,
  language: Language,
): readonly SharedWork[] {
  return sharedWorkOf(source, (target) => reportTarget(target, language));
}

const reportTarget = (target: Target, language: Language): ReportTarget => ({
  id: target.id,
  icon: target.icon,
  statement: targetStatement(target, language, 'kid'),
});

function sharedWorkOf(
  source: Pick<FamilyReportSource, 'targets' | 'work'>,
  toReport: (t: Target) => ReportTarget,
): SharedWork[] {
  const byId = new Map(source.targets.map((t) => [t.id, t]));
  return (source.work ?? [])
    .filter((e) => e.sharedWithFamily === true && !e.voided && (e.blobIds?.length ?? 0) > 0)
    .sort((a, b) => b.observedAt.localeCompare(a.observedAt) || b.id.localeCompare(a.id))
    .slice(0, SHARED_WORK_SHOWN)
    .map((e) => ({
      id: e.id,
      observedAt: e.observedAt,
      targets: e.targetIds.flatMap((id) => {
        const target = byId.get(id);
        return target ? [toReport(target)] : [];
      }),
      ...(e.note ? { note: e.note } : {}),
      blobIds: e.blobIds ?? [],
    }));
}

export function buildFamilyReport(source: FamilyReportSource, language: Language, now: Date): FamilyReportView {
  const toReport = (target: Target): ReportTarget => reportTarget(target, language);
  // The rules put the kid statement into the family's sentence, so hand them the report language's words.
  const targets = source.targets.map((target) => ({
    ...target,
    kidStatement: targetStatement(target, language, 'kid'),
  }));
  const progress = evaluateProgress({ ...source, targets }, now);
  const byId = new Map(source.targets.map((t) => [t.id, t]));
  const currentTarget = progress.currentTargetId ? byId.get(progress.currentTargetId) : undefined;
  const current = currentTarget ? toReport(currentTarget) : null;
  const currentItems = currentTarget ? (progress.byTargetId[currentTarget.id]?.items ?? []) : [];
  const cards = currentItems.filter((item) => item.state !== 'known').map((item) => item.label);

  return {
    language,
    childName: source.student.displayName,
    madeAt: now.toISOString(),
    mastered: progress.targets
      .filter((p) => p.status === 'mastered')
      .flatMap((p) => {
        const target = byId.get(p.targetId);
        return target ? [toReport(target)] : [];
      }),
    neededCount: progress.neededCount,
    current,
    nextStep: progress.nextStep.family,
    practice: current && cards.length > 0 ? { target: current, cards } : null,
    sharedWork: sharedWorkOf(source, toReport),
  };
}
