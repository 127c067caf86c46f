import type { Decision, ItemSet, MasteryScale, Path, Target } from '#protocol';
import {
  evaluateStudent,
  type EvidenceInput,
  type StudentProgress,
  type StudentRulesInput,
  type TargetInput,
} from '#rules';

export interface ProgressSource {
  readonly path: Path | undefined;
  readonly targets: readonly Target[];
  readonly itemSets: readonly ItemSet[];
  /** Whole evidence records, or a student's evidence facts (src/db): what the rules read is the same. */
  readonly evidence: readonly EvidenceInput[];
  readonly decisions: readonly Decision[];
  readonly scale: MasteryScale;
}

/** Targets with the labels of their items, so next steps can name the items not yet known. */
export function toRulesTargets(targets: readonly Target[], itemSets: readonly ItemSet[]): TargetInput[] {
  const sets = new Map(itemSets.map((s) => [s.id, s]));
  return targets.map((target) => {
    const set = target.itemSetId ? sets.get(target.itemSetId) : undefined;
    if (!set) return target;
    const wanted = target.itemIds ? new Set(target.itemIds) : null;
    const items = set.items.filter((item) => !wanted || wanted.has(item.id)).map(({ id, label }) => ({ id, label }));
    return { ...target, items, itemIds: items.map((i) => i.id) };
  });
}

/**
 * The rules' targets for the lists a screen read, made once: a class's students share the same lists, so a
 * class overview builds them once instead of once per child (the lists are read-only snapshots).
 */
const rulesTargetsCache = new WeakMap<readonly Target[], { itemSets: readonly ItemSet[]; targets: TargetInput[] }>();

function rulesTargetsOf(targets: readonly Target[], itemSets: readonly ItemSet[]): TargetInput[] {
  const cached = rulesTargetsCache.get(targets);
  if (cached?.itemSets === itemSets) return cached.targets;
  const built = toRulesTargets(targets, itemSets);
  rulesTargetsCache.set(targets, { itemSets, targets: built });
  return built;
}

export function toRulesInput(source: ProgressSource, now: Date): StudentRulesInput {
  return {
    path: source.path?.entries ?? [],
    targets: rulesTargetsOf(source.targets, source.itemSets),
    evidence: source.evidence,
    decisions: source.decisions,
    scale: source.scale,
    now: now.toISOString(),
  };
}

/**
 * The rules' answers already given, per source and day. Sources are read-only snapshots, and the rules'
 * answer depends on the date only, never on the time of day: a screen that hands the same source again
 * (the conference page and its before-and-after view of the same read) runs the rules once.
 */
const answers = new WeakMap<ProgressSource, { readonly day: string; readonly progress: StudentProgress }>();

/** Every screen gets mastery, the current target and the next step from the rules module, this way. */
export function evaluateProgress(source: ProgressSource, now: Date): StudentProgress {
  const day = now.toISOString().slice(0, 10);
  const known = answers.get(source);
  if (known?.day === day) return known.progress;
  const progress = evaluateStudent(toRulesInput(source, now));
  answers.set(source, { day, progress });
  return progress;
}
