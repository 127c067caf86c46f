import { describe, expect, it } from 'vitest';
import {
  ACTIVE_CLASS_KEY,
  getSetting,
  hasDemoData,
  listStudents,
  listTargets,
  loadClassProgressData,
  removeDemoData,
  seedFirstRun,
} from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

describe('first run', () => {
  it('loads the starter frameworks and the demo class once, through the outbox', async () => {
    const store = testStore();
    await seedFirstRun(store);

    const targets = await listTargets(store);
    expect(targets.filter((t) => t.frameworkId === 'kindergarten-literacy')).toHaveLength(28);
    expect(targets.filter((t) => t.frameworkId === 'kindergarten-sel')).toHaveLength(8);
    const classId = await getSetting<string>(store, ACTIVE_CLASS_KEY);
    expect(classId).toMatch(/^demo-/);
    const students = await listStudents(store, classId!);
    expect(students.length).toBeGreaterThanOrEqual(6);
    expect(await store.db.evidence.count()).toBeGreaterThan(students.length * 3);

    const rows =
      (await store.db.schools.count()) + (await store.db.teachers.count()) + (await store.db.classes.count());
    const all =
      rows +
      (await store.db.frameworks.count()) +
      (await store.db.targets.count()) +
      (await store.db.itemSets.count()) +
      (await store.db.students.count()) +
      (await store.db.paths.count()) +
      (await store.db.evidence.count()) +
      (await store.db.decisions.count());
    expect(await store.db.outbox.count()).toBe(all);

    await seedFirstRun(store);
    expect(await store.db.outbox.count()).toBe(all);
  });

  it('gives every demo student a path and evidence the rules can read', async () => {
    const store = testStore();
    await seedFirstRun(store);
    const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
    const data = await loadClassProgressData(store, classId);
    for (const student of data) {
      expect(student.path?.entries.length).toBeGreaterThan(0);
      const records = await store.db.evidence.bulkGet(student.evidence.map((e) => e.id));
      expect(student.evidence.length).toBeGreaterThan(0);
      expect(records.every((e) => e?.studentId === student.student.id)).toBe(true);
    }
  });
});

describe('removing demo data', () => {
  it('tombstones every demo record, keeps the starter frameworks, and queues the deletes to sync', async () => {
    const store = testStore();
    await seedFirstRun(store);
    const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
    const before = await store.db.outbox.count();
    const demoRows =
      (await store.db.students.count()) +
      (await store.db.evidence.count()) +
      (await store.db.paths.count()) +
      (await store.db.decisions.count()) +
      3; // school, teacher, class

    expect(await hasDemoData(store)).toBe(true);
    const removed = await removeDemoData(store);

    expect(removed).toBe(demoRows);
    expect(await hasDemoData(store)).toBe(false);
    expect(await listStudents(store, classId)).toEqual([]);
    expect(await listTargets(store)).toHaveLength(36);
    expect(await store.db.outbox.count()).toBe(before + removed);
    expect(await getSetting(store, ACTIVE_CLASS_KEY)).toBeUndefined();
    expect(await removeDemoData(store)).toBe(0);
  });
});
