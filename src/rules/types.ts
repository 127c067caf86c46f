/**
 * Input and output shapes of the rules module. They are declared here, not imported from src/protocol, so
 * that src/rules stays a pure island; they are structurally compatible with the domain types, so callers
 * pass domain objects (Target, Evidence, Decision, PathEntry, MasteryScale) directly.
 */

export type ScoreMethodInput =
  | { readonly kind: 'decayingAverage' | 'exponentialDecay'; readonly weight: number }
  | { readonly kind: 'nTimes'; readonly n: number }
  | { readonly kind: 'mOfN'; readonly m: number; readonly n: number }
  | { readonly kind: 'inARow'; readonly n: number }
  | { readonly kind: 'mostRecent' }
  | { readonly kind: 'highest' }
  | { readonly kind: 'average' };

export type ScoreMethodKind = ScoreMethodInput['kind'];

export type MasteryRuleInput =
  | { readonly kind: 'score'; readonly method: ScoreMethodInput }
  | { readonly kind: 'allItemsOnDistinctDays'; readonly days: number }
  | { readonly kind: 'itemsInOneCheck'; readonly count: number };

/** A parameter value: arrays are lists the UI joins with Intl.ListFormat before formatting. */
export type MessageParamValue = string | number | readonly string[];

/** A message for the UI: a catalog key (rules.en.ts) and its parameters. `count` picks `_one`/`_other`. */
export interface RulesMessage {
  readonly key: string;
  readonly params: Readonly<Record<string, MessageParamValue>>;
}

export interface ScoreInput {
  readonly level: number;
  /** ISO 8601; the only time used for ordering. */
  readonly observedAt: string;
  readonly id?: string;
  /** Truthy means ignored (a boolean here, a Voiding record on domain Evidence). */
  readonly voided?: unknown;
}

export interface ComputeMasteryInput {
  readonly scores: readonly ScoreInput[];
  readonly method: ScoreMethodInput;
  readonly masteryLevel: number;
  /** Label of the mastery level for explanations (e.g. 'Proficient'); the number when absent. */
  readonly masteryLabel?: string;
}

export interface Explanation {
  /** The rule family: score methods or one of the item rules. */
  readonly rule: MasteryRuleInput['kind'];
  /** The score method kind, or the item rule kind again. */
  readonly method: ScoreMethodKind | 'allItemsOnDistinctDays' | 'itemsInOneCheck';
  readonly isMastered: boolean;
  readonly score: number | null;
  /** Score methods: the mastery level; allItemsOnDistinctDays: days; itemsInOneCheck: items needed. */
  readonly threshold: number;
  /** Evidence that determined the result, oldest first. */
  readonly evidenceIds: readonly string[];
  /** Every number the rule used, by name (weight, m, n, count, atOrAbove, known, total…). */
  readonly values: Readonly<Record<string, number>>;
  /** Language-neutral arithmetic for "show the math", e.g. "4 × 0.65 + 2 × 0.35 = 3.30". */
  readonly arithmetic: string;
  /** The status as one sentence. In evaluateStudent it reflects teacher overrides. */
  readonly message: RulesMessage;
  /** The rule's own sentence, before any override. */
  readonly ruleMessage: RulesMessage;
}

export interface MasteryResult {
  readonly score: number | null;
  readonly isMastered: boolean;
  readonly explanation: Explanation;
}

export interface ItemInput {
  readonly id: string;
  readonly label: string;
}

export type ItemResultValue = 'correct' | 'notYet' | 'skipped';

export interface EvidenceInput {
  readonly id: string;
  readonly targetIds: readonly string[];
  readonly observedAt: string;
  readonly kind?: string;
  readonly level?: number;
  readonly itemResults?: readonly { readonly itemId: string; readonly result: ItemResultValue }[];
  readonly voided?: unknown;
  /** A student's submission awaiting review counts as activity, not toward mastery, until reviewedAt. */
  readonly needsReview?: boolean;
  readonly reviewedAt?: string;
}

export type DecisionKindInput = 'markMastered' | 'reopen' | 'setCurrent' | 'chooseNext';

export interface DecisionInput {
  readonly id: string;
  readonly targetId: string;
  readonly kind: DecisionKindInput;
  readonly decidedAt: string;
  readonly decidedBy: { readonly kind: 'teacher' | 'student' | 'family' };
}

export interface TargetInput {
  readonly id: string;
  readonly code: string;
  readonly prerequisites: readonly string[];
  readonly rule: MasteryRuleInput;
  readonly itemIds?: readonly string[];
  /** Items with labels (from the target's item set); labels name not-yet items in next steps. */
  readonly items?: readonly ItemInput[];
  readonly kidStatement?: string;
  readonly teacherStatement?: string;
}

export interface PathEntryInput {
  readonly targetId: string;
  /** YYYY-MM-DD */
  readonly plannedDate?: string;
  readonly skippedReason?: string;
  readonly enrichment?: boolean;
}

export interface ScaleInput {
  readonly levels: readonly { readonly value: number; readonly label: string }[];
  readonly masteryLevel: number;
}

export interface StallSettings {
  /** Counted attempts since the last progress; default 4. */
  readonly attempts: number;
  /** Days since the last progress, with evidence; default 14. */
  readonly days: number;
}

export interface StudentRulesInput {
  readonly path: readonly PathEntryInput[];
  readonly targets: readonly TargetInput[];
  readonly evidence: readonly EvidenceInput[];
  readonly decisions: readonly DecisionInput[];
  readonly scale: ScaleInput;
  /** ISO 8601; its date part (YYYY-MM-DD as written) is "today". */
  readonly now: string;
  readonly stall?: StallSettings;
}

export type TargetStatus = 'notStarted' | 'inProgress' | 'mastered';

export type ItemStateKind = 'known' | 'notYet' | 'neverTried';

export interface ItemState {
  readonly itemId: string;
  readonly label: string;
  readonly state: ItemStateKind;
  /** Distinct calendar days with a correct result. */
  readonly correctDays: number;
  /** Results that were correct or notYet (skipped does not count). */
  readonly attempts: number;
}

export interface OverrideInfo {
  readonly kind: 'markMastered' | 'reopen';
  readonly decisionId: string;
  readonly decidedAt: string;
}

export interface TargetProgress {
  readonly targetId: string;
  readonly code: string;
  readonly status: TargetStatus;
  /** Skipped on the path: counts as not needed (never current, never behind, satisfies prerequisites). */
  readonly isSkipped: boolean;
  /** Every prerequisite on the path is mastered or skipped. Soft: it orders suggestions, never blocks. */
  readonly isReady: boolean;
  /** Prerequisites that are on the path and neither mastered nor skipped. */
  readonly missingPrerequisites: readonly string[];
  readonly isMastered: boolean;
  readonly score: number | null;
  /** Item rules only; empty for score rules. */
  readonly items: readonly ItemState[];
  readonly explanation: Explanation;
  /** Counted evidence (non-voided, reviewed, relevant to the rule, after any reopen), oldest first. */
  readonly evidenceIds: readonly string[];
  /** All non-voided evidence ids for the target, oldest first (includes pending review). */
  readonly activityIds: readonly string[];
  readonly override: OverrideInfo | null;
  readonly plannedDate: string | null;
  /** Planned date is before today and the target is not mastered. */
  readonly isOverdue: boolean;
}

export const NEXT_STEP_KINDS = [
  'practiseItems',
  'showAgain',
  'readyForNext',
  'talkToTeacher',
  'start',
  'keepPractising',
  'allDone',
  'noPath',
] as const;
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

export interface NextStep {
  readonly kind: NextStepKind;
  readonly targetId: string | null;
  /** Short, fit to read aloud. */
  readonly child: RulesMessage;
  readonly teacher: RulesMessage;
  readonly family: RulesMessage;
}

export type PacingStatus = 'onPace' | 'behind' | 'ahead' | 'unplanned';

export interface Pacing {
  readonly status: PacingStatus;
  /** Non-skipped entries with a planned date. */
  readonly plannedCount: number;
  /** Planned date before today, not mastered. */
  readonly overdueTargetIds: readonly string[];
  /** Planned date after today, already mastered. */
  readonly aheadTargetIds: readonly string[];
  readonly message: RulesMessage;
}

export interface StudentProgress {
  readonly rulesVersion: string;
  /** Path order; unknown target ids and duplicates are left out (see unknownTargetIds). */
  readonly targets: readonly TargetProgress[];
  readonly byTargetId: Readonly<Record<string, TargetProgress>>;
  readonly currentTargetId: string | null;
  /** Why the current target is current. */
  readonly currentReason: 'teacherSet' | 'studentChose' | 'firstReady' | 'firstNotMastered' | 'none';
  /**
   * The student's choice of what comes next, while it waits behind the current target (taken up once that
   * is mastered or skipped, or when the teacher makes it current); null when there is none.
   */
  readonly chosenNextTargetId: string | null;
  readonly readyTargetIds: readonly string[];
  readonly nextStep: NextStep;
  readonly pacing: Pacing;
  readonly masteredCount: number;
  /** Non-skipped entries on the path. */
  readonly neededCount: number;
  readonly unknownTargetIds: readonly string[];
}
