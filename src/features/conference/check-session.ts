import type { ItemResult, ItemResultValue } from '#protocol';
import { seededRandom } from '#protocol';

/**
 * A one-on-one check in progress: the state kept in the drafts table after every answer, so a reload or a
 * closed tab resumes at the same item, in the same order, with the same answers and time taken.
 */
export interface CheckDraft {
  readonly studentId: string;
  readonly targetId: string;
  readonly order: CheckOrder;
  readonly onlyNotYet: boolean;
  /** Seed of the random order, kept so the order never changes on resume. */
  readonly seed: number;
  /** Item ids in the order they are shown. */
  readonly itemIds: readonly string[];
  readonly results: Readonly<Record<string, ItemResultValue>>;
  readonly notes: Readonly<Record<string, string>>;
  /** Position of the item on screen. */
  readonly index: number;
  /** Time spent checking before the current sitting. */
  readonly elapsedMs: number;
}

export type CheckOrder = 'fixed' | 'random';

export interface CheckOptions {
  readonly order: CheckOrder;
  readonly onlyNotYet: boolean;
  readonly seed: number;
}

/** Fisher–Yates with a seeded generator. */
export function seededShuffle<T>(values: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A new check. `allItemIds` is the target's items in their own order; `notYetItemIds` those the rules do
 * not count as known (used when retesting only those). Falls back to all items when none are left.
 */
export function startCheck(
  studentId: string,
  targetId: string,
  allItemIds: readonly string[],
  notYetItemIds: readonly string[],
  options: CheckOptions,
): CheckDraft {
  const pool = options.onlyNotYet && notYetItemIds.length > 0 ? notYetItemIds : allItemIds;
  return {
    studentId,
    targetId,
    ...options,
    itemIds: options.order === 'random' ? seededShuffle(pool, options.seed) : [...pool],
    results: {},
    notes: {},
    index: 0,
    elapsedMs: 0,
  };
}

export function currentItemId(draft: CheckDraft): string | undefined {
  return draft.itemIds[draft.index];
}

export function answeredCount(draft: CheckDraft): number {
  return draft.itemIds.filter((id) => draft.results[id] !== undefined).length;
}

export function isComplete(draft: CheckDraft): boolean {
  return answeredCount(draft) === draft.itemIds.length;
}

/**
 * Records the answer for the item on screen and moves to the next unanswered item after it (wrapping to
 * any earlier one), so going back to change one answer costs one key, not a walk through the rest.
 */
export function answer(draft: CheckDraft, result: ItemResultValue): CheckDraft {
  const itemId = currentItemId(draft);
  if (itemId === undefined) return draft;
  const results = { ...draft.results, [itemId]: result };
  const n = draft.itemIds.length;
  let next = draft.index;
  for (let step = 1; step <= n; step++) {
    const candidate = (draft.index + step) % n;
    if (results[draft.itemIds[candidate]!] === undefined) {
      next = candidate;
      break;
    }
  }
  return { ...draft, results, index: next };
}

export function moveBy(draft: CheckDraft, delta: number): CheckDraft {
  const index = Math.min(Math.max(draft.index + delta, 0), draft.itemIds.length - 1);
  return index === draft.index ? draft : { ...draft, index };
}

export function setNote(draft: CheckDraft, itemId: string, note: string): CheckDraft {
  const notes = Object.fromEntries(Object.entries(draft.notes).filter(([id]) => id !== itemId));
  return { ...draft, notes: note.trim() ? { ...notes, [itemId]: note } : notes };
}

/** The per-item results to store, in the order shown; unanswered items are left out. */
export function toItemResults(draft: CheckDraft): ItemResult[] {
  return draft.itemIds.flatMap((itemId) => {
    const result = draft.results[itemId];
    if (result === undefined) return [];
    const note = draft.notes[itemId]?.trim();
    return [note ? { itemId, result, note } : { itemId, result }];
  });
}

/** Mostly a guard for drafts written by an older version of this screen. */
export function isCheckDraft(value: unknown): value is CheckDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CheckDraft>;
  return Array.isArray(v.itemIds) && typeof v.index === 'number' && typeof v.results === 'object';
}
