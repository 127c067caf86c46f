import { describe, expect, it } from 'vitest';
import {
  ACTIVE_CLASS_KEY,
  getEvidenceRecords,
  getSetting,
  listRecentEvidence,
  listStudents,
  loadStudentProgressData,
  markReviewed,
  readConference,
  recordDecision,
  recordEvidence,
  seedFirstRun,
  tombstone,
  voidEvidence,
  writeFields,
  writeMany,
  type FieldWrite,
  type Store,
} from '#db';
import type { Student } from '#protocol';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't' } as const;
const DAY = 24 * 60 * 60 * 1000;

async function demoStore(): Promise<{ store: Store; students: readonly { readonly id: string }[] }> {
  const store = testStore();
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  return { store, students: await listStudents(store, classId) };
}

/** Children whose ids share a prefix (s1, s10, s2), each with `count` pieces of evidence a day apart. */
async function prefixedChildren(count: number): Promise<Store> {
  const store = testStore();
  const child = (id: string): Student => ({
    id,
    classId: 'A',
    displayName: `Child ${id}`,
    picture: 'fox',
    familyLanguage: 'en',
    archived: false,
  });
  const writes: FieldWrite[] = [
    {
      table: 'classes',
      recordId: 'A',
      fields: { id: 'A', schoolId: 'school', name: 'Room A', teacherIds: [], templateTargetIds: [], language: 'en' },
    },
    ...['s1', 's10', 's2'].map((id): FieldWrite => ({ table: 'students', recordId: id, fields: { ...child(id) } })),
  ];
  await writeMany(store.db, store.env, writes);
  const start = Date.UTC(2026, 8, 1, 9);
  for (const studentId of ['s1', 's10', 's2'])
    for (let day = 0; day < count; day++)
      await recordEvidence(store, {
        studentId,
        targetIds: ['t1'],
        kind: 'observation',
        level: 2,
        note: `${studentId} day ${day}`,
        observedAt: new Date(start + day * DAY).toISOString(),
        recordedBy: teacher,
      });
  return store;
}

describe('reading a conference in one transaction', () => {
  it('gives what the per-table reads give: the rules input, the newest page and the waiting records', async () => {
    const { store, students } = await demoStore();
    expect(students.length).toBeGreaterThan(3);
    let waitingSeen = 0;
    for (const student of students) {
      const read = (await readConference(store, student.id, 5))!;
      expect(read.data).toEqual(await loadStudentProgressData(store, student.id));
      expect(read.timeline).toEqual(await listRecentEvidence(store, student.id, 5));
      const waitingIds = read.data.evidence.filter((e) => e.needsReview && !e.reviewedAt).map((e) => e.id);
      expect(read.waiting).toEqual(await getEvidenceRecords(store, waitingIds));
      waitingSeen += read.waiting.length;
    }
    // The demo class has station work waiting for review, so the waiting records were compared too.
    expect(waitingSeen).toBeGreaterThan(0);
  });

  it('reads the newest page of this child only, whose ids are a prefix of another child’s', async () => {
    const store = await prefixedChildren(4);
    const page = (await readConference(store, 's1', 3))!.timeline;
    expect(page.records.map((e) => e.note)).toEqual(['s1 day 3', 's1 day 2', 's1 day 1']);
    expect(page.hasMore).toBe(true);
    const whole = (await readConference(store, 's1', 4))!.timeline;
    expect(whole.records.map((e) => e.note)).toEqual(['s1 day 3', 's1 day 2', 's1 day 1', 's1 day 0']);
    expect(whole.hasMore).toBe(false);
  });

  it('leaves deleted evidence out of the page and keeps voided evidence, struck through', async () => {
    const store = await prefixedChildren(4);
    const [newest, second] = (await readConference(store, 's2', 2))!.timeline.records;
    await tombstone(store.db, store.env, 'evidence', newest!.id);
    await voidEvidence(store, second!.id, 'Wrong child', teacher);
    const page = (await readConference(store, 's2', 2))!.timeline;
    expect(page.records.map((e) => [e.note, e.voided?.reason ?? null])).toEqual([
      ['s2 day 2', 'Wrong child'],
      ['s2 day 1', null],
    ]);
    expect(page.hasMore).toBe(true);
    expect(page).toEqual(await listRecentEvidence(store, 's2', 2));
  });

  it('is null for a child the tablet does not have, or whose record is deleted', async () => {
    const store = await prefixedChildren(1);
    expect(await readConference(store, 'nobody', 12)).toBeNull();
    await tombstone(store.db, store.env, 'students', 's10');
    expect(await readConference(store, 's10', 12)).toBeNull();
  });

  it('hands back the previous read while nothing the conference shows has changed', async () => {
    const store = await prefixedChildren(2);
    const first = (await readConference(store, 's1', 12))!;
    // Another child's evidence and a device setting: the same read, not read again.
    await recordEvidence(store, { studentId: 's2', targetIds: ['t1'], kind: 'observation', recordedBy: teacher });
    expect(await readConference(store, 's1', 12, first)).toBe(first);

    const reviewed = await recordEvidence(store, {
      studentId: 's1',
      targetIds: ['t1'],
      kind: 'selfAssessment',
      feeling: 3,
      needsReview: true,
      observedAt: '2026-12-01T09:00:00.000Z',
      recordedBy: { kind: 'student', id: 's1' },
    });
    const withWaiting = (await readConference(store, 's1', 12, first))!;
    expect(withWaiting).not.toBe(first);
    expect(withWaiting.timeline.records[0]!.id).toBe(reviewed.id);
    expect(withWaiting.waiting.map((e) => e.id)).toEqual([reviewed.id]);

    await markReviewed(store, reviewed.id);
    const afterReview = (await readConference(store, 's1', 12, withWaiting))!;
    expect(afterReview.waiting).toEqual([]);

    await recordDecision(store, { studentId: 's1', targetId: 't1', kind: 'markMastered', decidedBy: teacher });
    const decided = (await readConference(store, 's1', 12, afterReview))!;
    expect(decided.data.decisions.map((d) => d.kind)).toEqual(['markMastered']);

    // Content every child shares (a school's scale) is read again too.
    const scale = { levels: [{ value: 0, label: 'Not yet' }], masteryLevel: 0 };
    await writeFields(store.db, store.env, 'schools', 'school', { id: 'school', name: 'School', scale });
    const rescaled = (await readConference(store, 's1', 12, decided))!;
    expect(rescaled).not.toBe(decided);
    expect(rescaled.data.scale).toEqual(scale);
  });
});
