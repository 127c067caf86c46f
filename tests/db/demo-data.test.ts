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
  writeFields,
} from '#db';
import { STARTER_HLC } from '#protocol';
import { testStore } from '#tests/helpers/test-store.ts';

describe('first run', () => {
  it('loads the starter frameworks and the demo class once, stamped alike everywhere and never queued', async () => {
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

    // Nothing to push: the starter content is in every school already, the demo stays here.
    expect(await store.db.outbox.count()).toBe(0);
    for (const table of ['frameworks', 'targets', 'itemSets'] as const) {
      for (const row of await store.db.table(table).toArray()) {
        expect(new Set(Object.values((row as { _hlc: Record<string, string> })._hlc))).toEqual(new Set([STARTER_HLC]));
      }
    }
    // Two tablets hold exactly the same starter rows, stamps included.
    const other = testStore();
    other.env.advance(86_400_000);
    await seedFirstRun(other);
    expect(await other.db.targets.toArray()).toEqual(await store.db.targets.toArray());

    await seedFirstRun(store);
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('a teacher’s edit of a starter target gets a real stamp and is queued', async () => {
    const store = testStore();
    await seedFirstRun(store);
    await writeFields(store.db, store.env, 'targets', 'lt-names-upper', { teacherStatement: 'Names capital letters' });
    const [entry] = await store.db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'targets', recordId: 'lt-names-upper' });
    expect(entry!.hlc > STARTER_HLC).toBe(true);
    expect((await store.db.targets.get('lt-names-upper'))?._hlc['teacherStatement']).toBe(entry!.hlc);
  });

  it('forgets the starter and demo changes an older version queued, but not a teacher’s edits', async () => {
    const store = testStore();
    await seedFirstRun(store);
    // As an older version left it: every starter and demo record queued under a real stamp.
    const { literacyFramework } = await import('#content/index.ts');
    const target = literacyFramework.targets[0]!;
    await store.db.settings.bulkDelete(['starterQueueCleared']);
    await writeFields(store.db, store.env, 'targets', target.id, { ...target });
    await writeFields(store.db, store.env, 'targets', literacyFramework.targets[1]!.id, { code: 'Edited' });
    const demoStudent = (await store.db.students.toArray())[0]!;
    await store.db.outbox.add({
      changeId: 'old-demo',
      table: 'students',
      recordId: demoStudent.id,
      fields: { displayName: demoStudent.displayName },
      hlc: demoStudent._hlc['displayName']!,
    });
    expect(await store.db.outbox.count()).toBe(3);

    await seedFirstRun(store);

    const left = await store.db.outbox.toArray();
    expect(left.map((e) => [e.recordId, e.fields])).toEqual([[literacyFramework.targets[1]!.id, { code: 'Edited' }]]);
    const restamped = await store.db.targets.get(target.id);
    expect(new Set(Object.values(restamped!._hlc))).toEqual(new Set([STARTER_HLC]));
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
  it('tombstones every demo record and keeps the starter frameworks, queuing nothing to push', async () => {
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
    // The demo never leaves this device, so removing it queues nothing either.
    expect(await store.db.outbox.count()).toBe(before);
    expect(await getSetting(store, ACTIVE_CLASS_KEY)).toBeUndefined();
    expect(await removeDemoData(store)).toBe(0);
  });
});
