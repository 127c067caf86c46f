import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '#protocol';
import {
  ACTIVE_CLASS_KEY,
  getSetting,
  listPersonRecords,
  listStudents,
  loadStudentProgressData,
  rollOverClass,
  syncedTableRows,
  YearRolloverError,
  type Store,
} from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';
import { carryOf, seedYearClass, TARGETS } from '#tests/helpers/year-class.ts';
import { testStore } from '#tests/helpers/test-store.ts';

const reasons = { mastered: 'Mastered in 2026–2027 (K Blue)', current: 'Working on it at the end of 2026–2027' };

async function snapshot(store: Store): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  for (const table of SYNCED_TABLES) {
    for (const row of await syncedTableRows(store.db, table))
      rows.set(`${table}/${String(row['id'])}`, JSON.stringify(row));
  }
  return rows;
}

async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of SYNCED_TABLES) out[table] = (await syncedTableRows(store.db, table)).length;
  return out;
}

describe('A new school year', () => {
  it('keeps every record of last year exactly, and adds exactly the new class, records, paths and decisions', async () => {
    const store = testStore();
    const { classId, studentIds } = await seedYearClass(store);
    const [maya, leo] = studentIds as [string, string, string];
    const before = await snapshot(store);
    const countsBefore = await counts(store);
    const outboxBefore = await store.db.outbox.count();

    const result = await rollOverClass(store, {
      fromClassId: classId,
      name: 'First grade Blue',
      schoolYear: '2027–2028',
      children: [
        { fromStudentId: maya, status: await carryOf(store, maya) },
        { fromStudentId: leo, status: await carryOf(store, leo) },
      ],
      reasons,
    });

    // Maya: yt-1 mastered (1 decision) and yt-2 current (1); Leo: yt-1 current (1). Sam (archived) stays.
    expect(result).toMatchObject({ students: 2, decisions: 3 });
    expect(await counts(store)).toEqual({
      ...countsBefore,
      classes: countsBefore['classes']! + 1,
      students: countsBefore['students']! + 2,
      paths: countsBefore['paths']! + 2,
      decisions: countsBefore['decisions']! + 3,
    });
    const after = await snapshot(store);
    for (const [key, row] of before) {
      if (key === `classes/${classId}`) continue;
      expect(after.get(key), key).toBe(row);
    }
    // Last year's class is closed, and says which class continues it; nothing of it was removed.
    const closed = JSON.parse(after.get(`classes/${classId}`)!) as Record<string, unknown>;
    expect(closed).toMatchObject({ name: 'K Blue', closedAt: expect.any(String), nextClassId: result.classId });
    expect(await listStudents(store, classId)).toHaveLength(2);
    // Synced like any write: one outbox entry per record written (class, closed class, 2 children, 2 paths, 3 decisions).
    expect((await store.db.outbox.count()) - outboxBefore).toBe(9);
    expect(await getSetting(store, ACTIVE_CLASS_KEY)).toBe(result.classId);
  });

  it('carries each child’s status, links their records as one person, and archives finished path entries', async () => {
    const store = testStore();
    const { classId, studentIds } = await seedYearClass(store);
    const [maya, leo] = studentIds as [string, string, string];
    const lastYear = evaluateProgress((await loadStudentProgressData(store, maya))!, new Date(store.env.now()));
    const { classId: next } = await rollOverClass(store, {
      fromClassId: classId,
      name: 'First grade Blue',
      schoolYear: '2027–2028',
      children: [
        { fromStudentId: maya, status: await carryOf(store, maya) },
        { fromStudentId: leo, status: await carryOf(store, leo) },
      ],
      reasons,
    });
    const newClass = await listStudents(store, next);
    expect(newClass.map((s) => s.displayName)).toEqual(['Leo', 'Maya López']);
    const newMaya = newClass.find((s) => s.displayName === 'Maya López')!;
    expect(newMaya).toMatchObject({ personId: maya, birthDate: '2021-03-04', picture: 'cat', familyLanguage: 'es' });

    const data = (await loadStudentProgressData(store, newMaya.id))!;
    const progress = evaluateProgress(data, new Date(store.env.now()));
    expect(lastYear.byTargetId['yt-1']?.status).toBe('mastered');
    expect(progress.byTargetId['yt-1']).toBeUndefined(); // finished: left on last year's path
    expect(data.decisions.filter((d) => d.kind === 'markMastered').map((d) => [d.targetId, d.reason])).toEqual([
      ['yt-1', reasons.mastered],
    ]);
    expect(progress.currentTargetId).toBe(lastYear.currentTargetId);
    expect(progress.currentTargetId).toBe('yt-2');
    expect(data.path?.entries).toEqual([{ targetId: 'yt-2' }, { targetId: 'yt-3' }]);
    // Last year's path stays as it ended.
    expect((await store.db.paths.get(maya))?.entries).toHaveLength(TARGETS.length);

    const history = await listPersonRecords(store, newMaya.id);
    expect(history.map((r) => [r.student.id, r.group?.name])).toEqual([
      [maya, 'K Blue'],
      [newMaya.id, 'First grade Blue'],
    ]);
    expect((await listPersonRecords(store, maya)).map((r) => r.student.id)).toEqual([maya, newMaya.id]);
  });

  it('refuses a class already rolled over, or a child from another class, and writes nothing', async () => {
    const store = testStore();
    const { classId, studentIds } = await seedYearClass(store);
    const plan = { fromClassId: classId, name: 'Next', schoolYear: '2027–2028', reasons };
    const before = await counts(store);
    await expect(
      rollOverClass(store, { ...plan, children: [{ fromStudentId: 'nobody', status: null }] }),
    ).rejects.toBeInstanceOf(YearRolloverError);
    expect(await counts(store)).toEqual(before);
    await rollOverClass(store, { ...plan, children: [{ fromStudentId: studentIds[0]!, status: null }] });
    const once = await counts(store);
    await expect(rollOverClass(store, { ...plan, children: [] })).rejects.toThrow(/already/);
    expect(await counts(store)).toEqual(once);
  });
});
