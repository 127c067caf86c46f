/**
 * The domain model shared by the device and the server. These are plain data shapes, with no storage
 * or sync metadata; `src/db` stores them as records and the wire carries their fields.
 */

export interface MasteryLevel {
  readonly value: number;
  /** Message key or literal label, e.g. 'Proficient'. */
  readonly label: string;
}

export interface MasteryScale {
  readonly levels: readonly MasteryLevel[];
  /** The level at or above which a target counts as mastered. */
  readonly masteryLevel: number;
}

export const DEFAULT_SCALE: MasteryScale = {
  levels: [
    { value: 0, label: 'No evidence' },
    { value: 1, label: 'Beginning' },
    { value: 2, label: 'Developing' },
    { value: 3, label: 'Proficient' },
    { value: 4, label: 'Exceeding' },
  ],
  masteryLevel: 3,
};

export interface School {
  readonly id: string;
  readonly name: string;
  readonly scale: MasteryScale;
}

export interface Teacher {
  readonly id: string;
  readonly schoolId: string;
  readonly displayName: string;
}

export interface ClassGroup {
  readonly id: string;
  readonly schoolId: string;
  readonly name: string;
  readonly teacherIds: readonly string[];
  /** The class path template: target ids in order. */
  readonly templateTargetIds: readonly string[];
  readonly language: string;
  /** The school year the class runs in, as the teacher writes it (e.g. '2026–2027'). */
  readonly schoolYear?: string;
  /** When the class was rolled into the next school year: it stays, read-only, as that year's record. */
  readonly closedAt?: string;
  /** The class this one continues (rolled over from), and the class that continues it. */
  readonly previousClassId?: string;
  readonly nextClassId?: string;
}

export interface Student {
  readonly id: string;
  readonly classId: string;
  readonly displayName: string;
  /** Picture symbol for pre-readers (an id in src/ui/pictures). */
  readonly picture: string;
  /** BCP 47 tag of the family's language, e.g. 'es'. */
  readonly familyLanguage: string;
  readonly archived: boolean;
  /**
   * The child across classes and years: every record of one child carries the same person id (see
   * person.ts; absent on a child's first record, whose person is then its OneRoster user or its own id).
   */
  readonly personId?: string;
  /** Date of birth (YYYY-MM-DD), when given: with the name, how a child added again is recognized. */
  readonly birthDate?: string;
  /** The child's OneRoster user (sourcedId), when they came from a roster. */
  readonly sourcedId?: string;
}

export type FrameworkKind = 'academic' | 'socialEmotional';

export interface Framework {
  readonly id: string;
  readonly title: string;
  readonly kind: FrameworkKind;
  readonly version: string;
  /** Licence and attribution notices that travel with the content. */
  readonly notices: readonly string[];
  readonly caseDocumentIdentifier?: string;
}

export type ScoreMethod =
  | { readonly kind: 'decayingAverage' | 'exponentialDecay'; readonly weight: number }
  | { readonly kind: 'nTimes'; readonly n: number }
  | { readonly kind: 'mOfN'; readonly m: number; readonly n: number }
  | { readonly kind: 'inARow'; readonly n: number }
  | { readonly kind: 'mostRecent' }
  | { readonly kind: 'highest' }
  | { readonly kind: 'average' };

export type MasteryRule =
  | { readonly kind: 'score'; readonly method: ScoreMethod }
  | { readonly kind: 'allItemsOnDistinctDays'; readonly days: number }
  | { readonly kind: 'itemsInOneCheck'; readonly count: number };

export interface Target {
  readonly id: string;
  readonly frameworkId: string;
  /** Standard code, e.g. 'RF.K.3a'. */
  readonly code: string;
  readonly sequence: number;
  /** Grouping, e.g. 'Phonics' or 'self-management'. */
  readonly strand: string;
  readonly teacherStatement: string;
  /** Kid-friendly "I can" statement, fit to be read aloud. */
  readonly kidStatement: string;
  /** Icon id in src/ui/icons. */
  readonly icon: string;
  readonly itemSetId?: string;
  /** Item ids within the item set that this target checks; all items when absent. */
  readonly itemIds?: readonly string[];
  /** Soft prerequisites: targets usually secure first. Not gates. */
  readonly prerequisites: readonly string[];
  readonly rule: MasteryRule;
  readonly caseIdentifier?: string;
  /** Spanish (or other) statements keyed by language tag. */
  readonly translations?: Readonly<
    Record<string, { readonly kidStatement?: string; readonly teacherStatement?: string }>
  >;
}

export interface Item {
  readonly id: string;
  /** What is shown to the child, e.g. 'b' or 'cat'. */
  readonly label: string;
  /** What the teacher says or looks for, when not obvious from the label. */
  readonly prompt?: string;
}

export interface ItemSet {
  readonly id: string;
  readonly frameworkId: string;
  readonly title: string;
  readonly items: readonly Item[];
}

export interface PathEntry {
  readonly targetId: string;
  /** Planned completion date (YYYY-MM-DD) for pacing. */
  readonly plannedDate?: string;
  /** Skipped as already known, with the reason. */
  readonly skippedReason?: string;
  readonly enrichment?: boolean;
}

export interface Path {
  /** One path per student: the id is the student id. */
  readonly id: string;
  readonly studentId: string;
  readonly entries: readonly PathEntry[];
}

export type EvidenceKind = 'observation' | 'check' | 'workSample' | 'selfAssessment' | 'conferenceNote';

export type ItemResultValue = 'correct' | 'notYet' | 'skipped';

export interface ItemResult {
  readonly itemId: string;
  readonly result: ItemResultValue;
  readonly note?: string;
}

export interface Actor {
  readonly kind: 'teacher' | 'student' | 'family';
  readonly id: string;
}

export interface Voiding {
  readonly reason: string;
  readonly at: string;
  readonly by: Actor;
}

export interface Evidence {
  readonly id: string;
  readonly studentId: string;
  readonly targetIds: readonly string[];
  readonly kind: EvidenceKind;
  /** When the child did it (ISO 8601). Rules order by this, never by recordedAt. */
  readonly observedAt: string;
  /** When it was saved on the device (ISO 8601). */
  readonly recordedAt: string;
  readonly recordedBy: Actor;
  /** Level on the school's mastery scale, when the evidence is scored. */
  readonly level?: number;
  readonly note?: string;
  readonly itemResults?: readonly ItemResult[];
  /** SHA-256 hex of photos, drawings and audio in the blob store. */
  readonly blobIds?: readonly string[];
  /** Self-assessment: 1 (not yet) .. 3 (I can do it). */
  readonly feeling?: 1 | 2 | 3;
  readonly durationMs?: number;
  /** Submitted by a student (station or own tablet); waits for the teacher's review. */
  readonly needsReview?: boolean;
  readonly reviewedAt?: string;
  /**
   * The teacher shares this work (its photos, drawings, recordings) with the family: only then does the
   * family report show it, and only then does the server hand it to a family link. Mutable, teacher only.
   */
  readonly sharedWithFamily?: boolean;
  readonly voided?: Voiding;
}

export type DecisionKind = 'markMastered' | 'reopen' | 'setCurrent' | 'chooseNext';

export interface Decision {
  readonly id: string;
  readonly studentId: string;
  readonly targetId: string;
  readonly kind: DecisionKind;
  readonly reason?: string;
  /** How the student wants to show it (learner agency), with chooseNext. */
  readonly showHow?: string;
  readonly decidedAt: string;
  readonly decidedBy: Actor;
}

export interface BlobMeta {
  /** SHA-256 hex of the bytes. */
  readonly id: string;
  readonly mime: string;
  readonly size: number;
}
