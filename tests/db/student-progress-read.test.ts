import { describe, expect, it } from 'vitest';
import {
  loadStudentProgressData,
  recordDecision,
  recordEvidence,
  savePath,
  tombstone,
  writeMany,
  type FieldWrite,
  type Store,
} from '#db';
import type { Student } from '#protocol';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't' } as const;

const child = (id: string): Student => ({
  id,
  classId: 'A',
  displayName: `Child ${id}`,
  picture: 'fox',
  familyLanguage: 'en',
  archived: false,
});

async function twoChildren(): Promise<Store> {
  const store = testStore();
  const writes: FieldWrite[] = [
    {
      table: 'classes',
      recordId: 'A',
      fields: { id: 'A', schoolId: 'school', name: 'Room A', teacherIds: [], templateTargetIds: [], language: 'en' },
    },
    ...['c1', 'c2'].map((id): FieldWrite => ({ table: 'students', recordId: id, fields: { ...child(id) } })),
  ];
  await writeMany(store.db, store.env, writes);
  for (const id of ['c1', 'c2']) {
    await savePath(store, id, [{ targetId: 't1' }]);
    await recordEvidence(store, {
      studentId: id,
      targetIds: ['t1'],
      kind: 'observation',
      level: 2,
      recordedBy: teacher,
    });
  }
  return store;
}

const observe = (store: Store, studentId: string, level: number) =>
  recordEvidence(store, { studentId, targetIds: ['t1'], kind: 'observation', level, recordedBy: teacher });

describe("a student's rules input, read again by the next screen", () => {
  it('is the same object while nothing it comes from changed, whatever other children get', async () => {
    const store = await twoChildren();
    const first = await loadStudentProgressData(store, 'c1');
    expect(first!.evidence).toHaveLength(1);
    expect(await loadStudentProgressData(store, 'c1')).toBe(first);
    await observe(store, 'c2', 3);
    expect(await loadStudentProgressData(store, 'c1')).toBe(first);
  });

  it.each([
    { what: 'new evidence', write: (store: Store) => observe(store, 'c1', 3) },
    {
      what: 'evidence removed',
      write: async (store: Store) => {
        const [fact] = (await loadStudentProgressData(store, 'c1'))!.evidence;
        await tombstone(store.db, store.env, 'evidence', fact!.id);
      },
    },
    {
      what: 'a decision',
      write: (store: Store) =>
        recordDecision(store, { studentId: 'c1', targetId: 't1', kind: 'setCurrent', decidedBy: teacher }).then(
          () => undefined,
        ),
    },
    { what: 'a new path', write: (store: Store) => savePath(store, 'c1', [{ targetId: 't2' }]) },
    {
      what: 'a target changed (content every child shares)',
      write: (store: Store) =>
        writeMany(store.db, store.env, [{ table: 'targets', recordId: 't9', fields: { id: 't9', code: 'X.1' } }]),
    },
  ])('is read afresh after $what, and shows it', async ({ write }) => {
    const store = await twoChildren();
    const before = await loadStudentProgressData(store, 'c1');
    await write(store);
    const after = await loadStudentProgressData(store, 'c1');
    expect(after).not.toBe(before);
    expect(after).toEqual(await freshRead(store, 'c1'));
  });
});

/** What a screen reads that never read the child before (the kept reads are per store). */
function freshRead(store: Store, studentId: string) {
  return loadStudentProgressData({ db: store.db, env: store.env }, studentId);
}
