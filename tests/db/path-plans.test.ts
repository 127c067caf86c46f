import { describe, expect, it } from 'vitest';
import {
  appendMissingTargets,
  getClass,
  getPath,
  savePath,
  saveClassPath,
  tombstone,
  updatePath,
  writeMany,
  type FieldWrite,
  type Store,
} from '#db';
import type { ClassGroup, PathEntry, Student } from '#protocol';
import { testStore } from '#tests/helpers/test-store.ts';

const CLASS_ID = 'class-1';

async function classWithStudents(template: string[], students: { id: string; archived?: boolean }[]) {
  const store = testStore();
  const group: ClassGroup = {
    id: CLASS_ID,
    schoolId: 'school-1',
    name: 'Room 1',
    teacherIds: [],
    templateTargetIds: template,
    language: 'en',
  };
  const writes: FieldWrite[] = [
    { table: 'classes', recordId: CLASS_ID, fields: { ...group } },
    ...students.map(({ id, archived = false }): FieldWrite => {
      const student: Student = {
        id,
        classId: CLASS_ID,
        displayName: id,
        picture: 'dog',
        familyLanguage: 'en',
        archived,
      };
      return { table: 'students', recordId: id, fields: { ...student } };
    }),
  ];
  await writeMany(store.db, store.env, writes);
  return store;
}

const entriesOf = async (store: Store, id: string) => (await getPath(store, id))?.entries;

describe('saving the class path', () => {
  it('gives a student without a path the template, and appends only new targets to personal paths', async () => {
    const store = await classWithStudents(
      ['a', 'b', 'd'],
      [{ id: 'new' }, { id: 'own' }, { id: 'has-c' }, { id: 'gone', archived: true }],
    );
    // A personal path: d removed by the teacher, b skipped, an enrichment target, a date, a new order.
    const own: PathEntry[] = [
      { targetId: 'b', skippedReason: 'already reads all letters' },
      { targetId: 'x', enrichment: true },
      { targetId: 'a', plannedDate: '2026-10-01' },
    ];
    await savePath(store, 'own', own);
    await savePath(store, 'has-c', [{ targetId: 'a' }, { targetId: 'c', enrichment: true }]);
    const outboxBefore = await store.db.outbox.count();

    const outcome = await saveClassPath(store, CLASS_ID, ['a', 'b', 'd', 'c', 'e']);

    expect(outcome).toEqual({ addedTargetCount: 2, extendedPathCount: 2, createdPathCount: 1 });
    expect((await getClass(store, CLASS_ID))?.templateTargetIds).toEqual(['a', 'b', 'd', 'c', 'e']);
    expect(await entriesOf(store, 'new')).toEqual(['a', 'b', 'd', 'c', 'e'].map((targetId) => ({ targetId })));
    // Nothing personal is lost or moved; d, taken off by the teacher, stays off.
    expect(await entriesOf(store, 'own')).toEqual([...own, { targetId: 'c' }, { targetId: 'e' }]);
    expect(await entriesOf(store, 'has-c')).toEqual([
      { targetId: 'a' },
      { targetId: 'c', enrichment: true },
      { targetId: 'e' },
    ]);
    expect(await getPath(store, 'gone')).toBeUndefined();
    // One synced change per record written: the class and three paths.
    const changes = (await store.db.outbox.toArray()).slice(outboxBefore);
    expect(changes.map((c) => [c.table, c.recordId]).sort()).toEqual([
      ['classes', CLASS_ID],
      ['paths', 'has-c'],
      ['paths', 'new'],
      ['paths', 'own'],
    ]);
  });

  it('saves a reorder or a removal as the template without touching any path', async () => {
    const store = await classWithStudents(['a', 'b', 'c'], [{ id: 's1' }]);
    await savePath(store, 's1', [{ targetId: 'a' }, { targetId: 'b' }, { targetId: 'c' }]);
    const before = await getPath(store, 's1');

    expect(await saveClassPath(store, CLASS_ID, ['c', 'a'])).toEqual({
      addedTargetCount: 0,
      extendedPathCount: 0,
      createdPathCount: 0,
    });
    expect((await getClass(store, CLASS_ID))?.templateTargetIds).toEqual(['c', 'a']);
    expect(await getPath(store, 's1')).toEqual(before);
  });

  it('keeps each target once, and refuses an unknown class without writing', async () => {
    const store = await classWithStudents([], [{ id: 's1' }]);
    await saveClassPath(store, CLASS_ID, ['a', 'b', 'a']);
    expect((await getClass(store, CLASS_ID))?.templateTargetIds).toEqual(['a', 'b']);
    expect(await entriesOf(store, 's1')).toEqual([{ targetId: 'a' }, { targetId: 'b' }]);

    const outbox = await store.db.outbox.count();
    await expect(saveClassPath(store, 'no-such-class', ['a'])).rejects.toThrow('No class "no-such-class"');
    expect(await store.db.outbox.count()).toBe(outbox);
  });

  it('gives a student whose path was tombstoned a live path again', async () => {
    const store = await classWithStudents(['a'], [{ id: 's1' }, { id: 's2' }]);
    await savePath(store, 's1', [{ targetId: 'z' }]);
    await savePath(store, 's2', [{ targetId: 'z' }]);
    await tombstone(store.db, store.env, 'paths', 's1');
    await tombstone(store.db, store.env, 'paths', 's2');

    expect((await saveClassPath(store, CLASS_ID, ['a'])).createdPathCount).toBe(2);
    expect(await entriesOf(store, 's1')).toEqual([{ targetId: 'a' }]);

    await tombstone(store.db, store.env, 'paths', 's2');
    await updatePath(store, 's2', (entries) => [...entries, { targetId: 'b' }]);
    expect(await entriesOf(store, 's2')).toEqual([{ targetId: 'b' }]);
  });

  it('appends missing targets in order, once', () => {
    expect(appendMissingTargets([{ targetId: 'a', enrichment: true }], ['b', 'a', 'c', 'b'])).toEqual([
      { targetId: 'a', enrichment: true },
      { targetId: 'b' },
      { targetId: 'c' },
    ]);
  });
});

describe('updating one path', () => {
  it('edits what is stored now and saves it with a synced change', async () => {
    const store = testStore();
    await savePath(store, 's1', [{ targetId: 'a' }, { targetId: 'b' }]);
    const saved = await updatePath(store, 's1', (entries) => [...entries].reverse());
    expect(saved).toEqual([{ targetId: 'b' }, { targetId: 'a' }]);
    expect(await entriesOf(store, 's1')).toEqual([{ targetId: 'b' }, { targetId: 'a' }]);
    expect((await store.db.outbox.toArray()).at(-1)).toMatchObject({
      table: 'paths',
      recordId: 's1',
      fields: { studentId: 's1', entries: [{ targetId: 'b' }, { targetId: 'a' }] },
    });
  });

  it('writes nothing when the edit is refused', async () => {
    const store = testStore();
    await savePath(store, 's1', [{ targetId: 'a' }]);
    const [outbox, path] = [await store.db.outbox.count(), await getPath(store, 's1')];
    await expect(
      updatePath(store, 's1', () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.db.outbox.count()).toBe(outbox);
    expect(await getPath(store, 's1')).toEqual(path);
  });
});
