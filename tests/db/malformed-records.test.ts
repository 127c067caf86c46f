/**
 * A record whose fields do not fit its table (record-shapes.ts), pulled from an older server that took it or
 * already stored, never breaks a class's or a student's reads: the reads leave it out and the rules, which
 * throw on a date they cannot parse, evaluate the rest.
 */
import { describe, expect, it } from 'vitest';
import {
  addStudent,
  applyRemoteChanges,
  listDecisionsForStudent,
  listEvidenceForStudent,
  listRecentEvidence,
  loadClassExportData,
  loadClassProgressData,
  loadStudentProgressData,
  recordEvidence,
  type Store,
} from '#db';
import { formatHlc, type Change, type ClassGroup } from '#protocol';
import { evaluateClass } from '#rules';
import { toRulesInput } from '#ui/progress-input.ts';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't' } as const;
const group: ClassGroup = {
  id: 'c1',
  schoolId: 'school',
  name: 'K',
  teacherIds: [],
  templateTargetIds: [],
  language: 'en',
};

let n = 0;
function remote(table: Change['table'], recordId: string, fields: Record<string, unknown>, wallMs: number): Change {
  n += 1;
  return { changeId: `r${n}`, table, recordId, fields, hlc: formatHlc({ wallMs, counter: n }, 'old-server-device') };
}

const evidence = (studentId: string, extra: Record<string, unknown>) => ({
  studentId,
  targetIds: ['tg'],
  kind: 'observation',
  observedAt: '2026-09-01T09:00:00.000Z',
  recordedAt: '2026-09-01T09:00:00.000Z',
  recordedBy: teacher,
  level: 2,
  ...extra,
});

/** A class with one child who has one good piece of evidence, then malformed records pulled from a server. */
async function classWithMalformedRecords(): Promise<{ store: Store; studentId: string }> {
  const store = testStore();
  const at = store.env.now() - 60_000;
  await applyRemoteChanges(store.db, store.env, [remote('classes', group.id, { ...group }, at)]);
  const student = await addStudent(store, {
    classId: group.id,
    displayName: 'Ana',
    picture: 'fox',
    familyLanguage: 'es',
  });
  await recordEvidence(store, {
    studentId: student.id,
    targetIds: ['tg'],
    kind: 'observation',
    recordedBy: teacher,
    level: 3,
  });
  const bad: Record<string, unknown>[] = [
    { observedAt: 'last Tuesday' },
    { observedAt: 1_772_355_600_000 },
    { observedAt: undefined },
    { targetIds: 'tg' },
    { level: 'high' },
    { itemResults: [null] },
    { recordedBy: null },
  ];
  await applyRemoteChanges(
    store.db,
    store.env,
    [
      ...bad.map((extra, i) => remote('evidence', `bad-${i}`, evidence(student.id, extra), at)),
      remote(
        'decisions',
        'bad-decision',
        { studentId: student.id, targetId: 'tg', kind: 'markMastered', decidedAt: 'soon', decidedBy: teacher },
        at,
      ),
    ].map((c) => ({ ...c, fields: Object.fromEntries(Object.entries(c.fields).filter(([, v]) => v !== undefined)) })),
  );
  return { store, studentId: student.id };
}

describe('malformed records on a tablet', () => {
  it('are stored as pulled (the tablet keeps what the server sent) but left out of every read', async () => {
    const { store, studentId } = await classWithMalformedRecords();
    expect(await store.db.evidence.count()).toBe(8);
    const page = await listRecentEvidence(store, studentId, 20);
    expect(page.records.map((e) => e.level)).toEqual([3]);
    expect((await listEvidenceForStudent(store, studentId)).map((e) => e.level)).toEqual([3]);
    expect(await listDecisionsForStudent(store, studentId)).toEqual([]);
    const student = await loadStudentProgressData(store, studentId);
    expect(student?.evidence.map((e) => e.level)).toEqual([3]);
  });

  it('do not throw in the rules for the student page, the class and the class exports', async () => {
    const { store, studentId } = await classWithMalformedRecords();
    const now = new Date(store.env.now());
    const student = (await loadStudentProgressData(store, studentId))!;
    const classData = await loadClassProgressData(store, group.id);
    const exported = await loadClassExportData(store, group.id);
    const exportedStudents = exported?.students ?? [];
    expect(exportedStudents.flatMap((s) => s.evidence).map((e) => e.level)).toEqual([3]);
    for (const sources of [[student], classData, exportedStudents]) {
      const progress = evaluateClass(sources.map((s) => toRulesInput(s, now)));
      expect(progress).toHaveLength(1);
    }
  });
});
