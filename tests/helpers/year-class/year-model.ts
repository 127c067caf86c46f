/**
 * How the children of the year class progress, so their evidence looks like a real class's: each child
 * has an ability; at any day their place on the path ("the frontier") follows it; the teacher checks and
 * observes targets near the frontier; levels and correct answers grow with practice and with how far behind
 * the frontier a target is. Deterministic: every choice comes from the generator's seeded random numbers.
 */
import type { ItemSet, PathEntry, Target } from '#protocol';

export type Random = () => number;

export const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export function pick<T>(random: Random, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

export function shuffle<T>(random: Random, values: readonly T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A version 4 UUID from the seeded numbers (SIS sourcedIds, CASE identifiers, the server's ids in tests). */
export function uuid4(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Everything the model knows about the class's content. */
export class Content {
  readonly byId: Map<string, Target>;
  private readonly sets: Map<string, ItemSet>;
  private readonly items = new Map<string, string[]>();

  constructor(targets: readonly Target[], itemSets: readonly ItemSet[]) {
    this.byId = new Map(targets.map((t) => [t.id, t]));
    this.sets = new Map(itemSets.map((s) => [s.id, s]));
  }

  target(id: string): Target {
    const target = this.byId.get(id);
    if (!target) throw new Error(`year: unknown target ${id}`);
    return target;
  }

  update(target: Target): void {
    this.byId.set(target.id, target);
    this.items.clear();
  }

  addItemSet(set: ItemSet): void {
    this.sets.set(set.id, set);
    this.items.clear();
  }

  /** The item ids a check of this target asks, in the set's order (empty: not a target for checks). */
  itemIds(id: string): string[] {
    const known = this.items.get(id);
    if (known) return known;
    const target = this.target(id);
    const items =
      target.rule.kind === 'score' || !target.itemSetId ? [] : (this.sets.get(target.itemSetId)?.items ?? []);
    const wanted = target.itemIds ? new Set(target.itemIds) : null;
    const ids = items.filter((item) => !wanted || wanted.has(item.id)).map((item) => item.id);
    this.items.set(id, ids);
    return ids;
  }

  isScored(id: string): boolean {
    return this.target(id).rule.kind === 'score';
  }
}

/** One child of the year class as the model follows them. */
export class Child {
  private saved: PathEntry[] = [];
  private activeIds: string[] = [];
  private readonly nearby = new Map<string, string[]>();
  private readonly tries = new Map<string, number>();

  constructor(
    readonly id: string,
    readonly displayName: string,
    /** 0.6 (needs more time) … 1.4 (races ahead). */
    readonly ability: number,
    readonly joinedDay: number,
    public leftDay: number | null,
  ) {}

  isPresent(day: number): boolean {
    return day >= this.joinedDay && (this.leftDay === null || day < this.leftDay);
  }

  /** Path entries as saved on the tablet (the model's own copy, kept in step with every path write). */
  get entries(): PathEntry[] {
    return this.saved;
  }

  set entries(entries: PathEntry[]) {
    this.saved = entries;
    this.activeIds = entries.filter((e) => e.skippedReason === undefined).map((e) => e.targetId);
    this.nearby.clear();
  }

  /** Targets still to learn, in path order (skipped ones left out). */
  active(): readonly string[] {
    return this.activeIds;
  }

  /** Where the child is on their path on `day` of `days`. */
  frontier(day: number, days: number): number {
    const length = this.active().length;
    const share = Math.min(1, (this.ability * (day - this.joinedDay + 12)) / days);
    return Math.min(length - 1, Math.max(0, Math.floor(share * length * 0.92)));
  }

  /** Targets near the frontier (a few behind, one or two ahead) that `keep` keeps, nearest first. */
  near(day: number, days: number, what: string, keep: (id: string) => boolean): string[] {
    const key = `${day}:${what}`;
    const known = this.nearby.get(key);
    if (known) return known;
    const at = this.frontier(day, days);
    const ids = this.activeIds
      .map((id, index) => ({ id, distance: index <= at ? (at - index) * 1.5 : (index - at) * 2 }))
      .filter(({ id }) => keep(id))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 6)
      .map(({ id }) => id);
    this.nearby.set(key, ids);
    return ids;
  }

  /** How many targets the frontier has passed this one by (negative: not reached yet). */
  behind(targetId: string, day: number, days: number): number {
    const index = this.active().indexOf(targetId);
    return index < 0 ? 3 : this.frontier(day, days) - index;
  }

  practise(key: string): number {
    const n = (this.tries.get(key) ?? 0) + 1;
    this.tries.set(key, n);
    return n;
  }

  /** A level on the 0–4 scale for an observation of a scored target. */
  level(random: Random, targetId: string, day: number, days: number): number {
    const tries = this.practise(targetId);
    const raw =
      1 +
      Math.min(2, tries * 0.35) +
      Math.max(-1, Math.min(1.5, this.behind(targetId, day, days) * 0.3)) +
      (this.ability - 1) +
      (random() - 0.5) * 1.6;
    return Math.max(1, Math.min(4, Math.round(raw)));
  }

  /** Whether the child answers this item correctly today. */
  answers(random: Random, targetId: string, itemId: string, day: number, days: number): boolean {
    const tries = this.practise(`${targetId}:${itemId}`);
    const behind = this.behind(targetId, day, days);
    const p = 0.25 + tries * 0.12 + (this.ability - 1) * 0.3 + (behind > 0 ? 0.2 : 0);
    return random() < Math.max(0.05, Math.min(0.96, p));
  }
}
