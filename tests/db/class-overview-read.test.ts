import { describe, expect, it } from 'vitest';
import {
  ACTIVE_CLASS_KEY,
  loadClassExportData,
  listEvidenceForStudent,
  loadClassProgressData,
  onTablesChanged,
  readClassProgress,
  recordDecision,
  recordEvidence,
  savePath,
  setSetting,
  tombstone,
  writeMany,
  type FieldWrite,
  type Store,
} from '#db';
import { keyRuns } from '#db/bulk-read.ts';
import type { ClassGroup, Student } from '#protocol';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't' } as const;

describe('key runs', () => {
  it.each([
    {
      name: 'one run when the wanted keys are neighbours',
      wanted: ['b', 'c', 'd'],
      all: ['a', 'b', 'c', 'd', 'e'],
      runs: [['b', 'd']],
    },
    {
      name: 'a new run after each key not wanted',
      wanted: ['a', 'c', 'e'],
      all: ['e', 'd', 'c', 'b', 'a'],
      runs: [
        ['a', 'a'],
        ['c', 'c'],
        ['e', 'e'],
      ],
    },
    {
      name: 'order by code units, as IndexedDB compares strings',
      wanted: ['s1', 's10', 's2'],
      all: ['s1', 's2', 's10', 't1'],
      runs: [['s1', 's2']],
    },
    { name: 'repeated keys count once', wanted: ['a', 'b'], all: ['a', 'a', 'b', 'c'], runs: [['a', 'b']] },
    { name: 'nothing for nothing wanted', wanted: [], all: ['a', 'b'], runs: [] },
  ])('$name', ({ wanted, all, runs }) => {
    expect(keyRuns(new Set(wanted), all)).toEqual(runs);
  });
});

/** Two classes whose children's ids interleave (a1 b1 a2 b2 …), with paths, evidence and decisions each. */
async function twoClasses(): Promise<Store> {
  const store = testStore();
  const group = (id: string, name: string): ClassGroup => ({
    id,
    schoolId: 'school',
    name,
    teacherIds: [],
    templateTargetIds: ['t1', 't2'],
    language: 'en',
  });
  const child = (id: string, classId: string, archived = false): Student => ({
    id,
    classId,
    displayName: `Child ${id}`,
    picture: 'fox',
    familyLanguage: 'en',
    archived,
  });
  const children = [
    child('a1', 'A'),
    child('b1', 'B'),
    child('a2', 'A'),
    child('a3', 'A'),
    child('b2', 'B'),
    child('a4', 'A', true),
    child('a5', 'A'),
  ];
  const writes: FieldWrite[] = [
    { table: 'classes', recordId: 'A', fields: { ...group('A', 'Room A') } },
    { table: 'classes', recordId: 'B', fields: { ...group('B', 'Room B') } },
    {
      table: 'frameworks',
      recordId: 'fw',
      fields: { id: 'fw', title: 'Reading', kind: 'academic', version: '1', notices: [] },
    },
    ...children.map((c): FieldWrite => ({ table: 'students', recordId: c.id, fields: { ...c } })),
  ];
  await writeMany(store.db, store.env, writes);
  for (const [i, c] of children.entries()) {
    await savePath(store, c.id, [{ targetId: 't1' }, { targetId: 't2' }]);
    for (let n = 0; n <= i % 3; n++) {
      const evidence = await recordEvidence(store, {
        studentId: c.id,
        targetIds: ['t1'],
        kind: 'observation',
        level: 1 + n,
        recordedBy: teacher,
      });
      if (n === 1) await tombstone(store.db, store.env, 'evidence', evidence.id);
    }
    if (i % 2 === 0)
      await recordDecision(store, { studentId: c.id, targetId: 't2', kind: 'setCurrent', decidedBy: teacher });
  }
  await tombstone(store.db, store.env, 'paths', 'a3');
  return store;
}

describe('reading a whole class for the exports and the class views', () => {
  it('gives each listed child exactly what the per-student reads give, however the ids interleave', async () => {
    const store = await twoClasses();
    for (const classId of ['A', 'B']) {
      const bulk = (await loadClassExportData(store, classId))!.students;
      const each = await loadClassProgressData(store, classId);
      expect(bulk.map((d) => d.student.id)).toEqual(classId === 'A' ? ['a1', 'a2', 'a3', 'a5'] : ['b1', 'b2']);
      expect(bulk.map(({ evidence: _e, ...rest }) => rest)).toEqual(each.map(({ evidence: _e, ...rest }) => rest));
      for (const { student, evidence } of bulk) {
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect([...evidence].sort(byId)).toEqual((await listEvidenceForStudent(store, student.id)).sort(byId));
      }
    }
  });

  const counts = {
    key: 'test',
    summarize: (d: Awaited<ReturnType<typeof loadClassProgressData>>[number]) => ({
      evidence: d.evidence.length,
      decisions: d.decisions.length,
      path: d.path?.entries.length ?? 0,
    }),
  };

  it('reads the active class, or the first by name when the chosen one is gone', async () => {
    const store = await twoClasses();
    await setSetting(store, ACTIVE_CLASS_KEY, 'B');
    const chosen = await readClassProgress(store, counts);
    expect(chosen.group?.id).toBe('B');
    expect(chosen.frameworks.map((f) => f.title)).toEqual(['Reading']);
    expect(chosen.rows).toEqual(
      (await loadClassProgressData(store, 'B')).map((d) => ({ student: d.student, summary: counts.summarize(d) })),
    );
    await tombstone(store.db, store.env, 'classes', 'B');
    const fallback = await readClassProgress(store, counts);
    expect(fallback.group?.id).toBe('A');
    expect(fallback.rows.map((row) => row.student.id)).toEqual(['a1', 'a2', 'a3', 'a5']);
  });

  it('reads nothing for a device with no class', async () => {
    const store = testStore();
    expect(await readClassProgress(store, counts)).toMatchObject({ group: null, rows: [], made: 0 });
  });
});

describe('table changes', () => {
  it('tells of committed writes to the tables asked about, and of no others', async () => {
    const store = await twoClasses();
    const heard: string[] = [];
    const stop = onTablesChanged(store, ['evidence'], () => heard.push('evidence'));
    await setSetting(store, 'somethingElse', 1);
    expect(heard).toEqual([]);
    await recordEvidence(store, {
      studentId: 'a1',
      targetIds: ['t2'],
      kind: 'observation',
      level: 2,
      recordedBy: teacher,
    });
    expect(heard).toEqual(['evidence']);
    stop();
    await recordEvidence(store, {
      studentId: 'a1',
      targetIds: ['t2'],
      kind: 'observation',
      level: 3,
      recordedBy: teacher,
    });
    expect(heard).toEqual(['evidence']);
  });
});
