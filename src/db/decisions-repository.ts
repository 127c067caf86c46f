import type { Actor, Decision, DecisionKind } from '#protocol';
import { readable } from './live.ts';
import type { DecisionRecord } from './records.ts';
import { newId, nowIso, type Store } from './store.ts';
import { writeFields } from './write-funnel.ts';

export interface NewDecision {
  readonly studentId: string;
  readonly targetId: string;
  readonly kind: DecisionKind;
  readonly decidedBy: Actor;
  readonly reason?: string;
  readonly showHow?: string;
}

/** Decisions are kept, with who and when, as evidence of judgment. */
export async function recordDecision(store: Store, input: NewDecision): Promise<Decision> {
  const decision: Decision = { ...input, id: newId(store), decidedAt: nowIso(store) };
  await writeFields(store.db, store.env, 'decisions', decision.id, { ...decision });
  return decision;
}

export async function listDecisionsForStudent(store: Store, studentId: string): Promise<DecisionRecord[]> {
  return readable('decisions', await store.db.decisions.where('studentId').equals(studentId).toArray());
}
