import type { PathEntry } from '#protocol';
import { aliveOne } from './live.ts';
import type { PathRecord } from './records.ts';
import type { Store } from './store.ts';
import { writeFields } from './write-funnel.ts';

/** One path per student; its id is the student's id. */
export async function getPath(store: Store, studentId: string): Promise<PathRecord | undefined> {
  return aliveOne(await store.db.paths.get(studentId));
}

export async function savePath(store: Store, studentId: string, entries: readonly PathEntry[]): Promise<void> {
  await writeFields(store.db, store.env, 'paths', studentId, { studentId, entries });
}
