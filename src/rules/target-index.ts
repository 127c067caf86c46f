import type { ItemInput, TargetInput } from './types.ts';
import { targetItems } from './item-mastery.ts';
import { validateTargetRule } from './evaluate-target.ts';

/**
 * A list of targets, read once for every student who shares it. A class's inputs hand the same list to
 * each child (the app builds it once per class, src/ui/progress-input.ts), so evaluateClass looks targets
 * up by id, checks their rules and lists their items once for the class instead of once per child.
 */
export class TargetIndex {
  readonly byId = new Map<string, TargetInput>();
  private readonly valid = new Set<TargetInput>();
  private readonly universes = new Map<TargetInput, readonly ItemInput[] | null>();

  constructor(readonly targets: readonly TargetInput[]) {
    for (const t of targets) if (!this.byId.has(t.id)) this.byId.set(t.id, t);
  }

  /** Throws, naming the target, when its rule is invalid (for every student whose path has it). */
  validate(target: TargetInput): void {
    if (this.valid.has(target)) return;
    validateTargetRule(target);
    this.valid.add(target);
  }

  /** The target's items (targetItems), made once; read only. */
  items(target: TargetInput): readonly ItemInput[] | null {
    let items = this.universes.get(target);
    if (items === undefined) this.universes.set(target, (items = targetItems(target)));
    return items;
  }
}
