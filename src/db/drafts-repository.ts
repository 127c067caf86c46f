import type { Table } from 'dexie';
import type { Evidence } from '#protocol';
import { recordEvidence, type NewEvidence } from './evidence-repository.ts';
import { nowIso, type Store } from './store.ts';
import { funnelScope } from './write-funnel.ts';

/**
 * Drafts: half-done work kept on this device only (never synced), so a paused one-on-one check survives a
 * reload or a closed tab. The value is the screen's own state; the repository does not interpret it.
 */
export interface DraftRecord<T = unknown> {
  readonly key: string;
  readonly value: T;
  readonly updatedAt: string;
}

function drafts(store: Store): Table<DraftRecord, string> {
  return store.db.table<DraftRecord, string>('drafts');
}

/** The draft key of a one-on-one check of one target with one student. */
export function checkDraftKey(studentId: string, targetId: string): string {
  return `check:${studentId}:${targetId}`;
}

export async function saveDraft<T>(store: Store, key: string, value: T): Promise<void> {
  await drafts(store).put({ key, value, updatedAt: nowIso(store) });
}

export async function getDraft<T>(store: Store, key: string): Promise<DraftRecord<T> | undefined> {
  return (await drafts(store).get(key)) as DraftRecord<T> | undefined;
}

export async function deleteDraft(store: Store, key: string): Promise<void> {
  await drafts(store).delete(key);
}

/** Drafts whose key starts with the prefix, e.g. every paused check of a student. */
export async function listDrafts<T>(store: Store, prefix: string): Promise<DraftRecord<T>[]> {
  return (await drafts(store).where('key').startsWith(prefix).toArray()) as DraftRecord<T>[];
}

/**
 * Saves the finished work as evidence and removes its draft in one transaction: either the evidence is
 * stored and the draft gone, or nothing changed and the draft can be resumed.
 */
export async function recordEvidenceFromDraft(store: Store, input: NewEvidence, draftKey: string): Promise<Evidence> {
  const { db } = store;
  return db.transaction('rw', [...funnelScope(['evidence']), drafts(store)], async () => {
    const evidence = await recordEvidence(store, input);
    await drafts(store).delete(draftKey);
    return evidence;
  });
}
