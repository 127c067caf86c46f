import { describe, expect, it, vi } from 'vitest';
import {
  listRecentEvidence,
  loadStudentProgressData,
  readClassProgress,
  readStudentPage,
  recordEvidence,
  seedFirstRun,
  tombstone,
  voidEvidence,
  writeMany,
  type EvidenceRecord,
  type FieldWrite,
  type Store,
} from '#db';
import { bulkRead } from '#db/bulk-read.ts';
import { evaluateProgress } from '#ui/progress-input.ts';
import { studentSummaries, summarizeStudent } from '#ui/progress-summary.ts';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't' } as const;
const BY_DATE = '[studentId+observedAt]';

/** Children whose ids share a prefix (s1, s10), each with evidence on the given days of September. */
async function childrenWithEvidence(): Promise<Store> {
  const store = testStore();
  const child = (id: string): FieldWrite => ({
    table: 'students',
    recordId: id,
    fields: { id, classId: 'c', displayName: `Child ${id}`, picture: 'fox', familyLanguage: 'en', archived: false },
  });
  await writeMany(store.db, store.env, [child('s1'), child('s10'), child('s2')]);
  for (const [studentId, days] of [
    ['s1', [3, 1, 7, 5, 2]],
    ['s10', [4, 9]],
    ['s2', [8]],
  ] as const)
    for (const day of days)
      await recordEvidence(store, {
        studentId,
        targetIds: ['t1'],
        kind: 'observation',
        level: 2,
        note: `${studentId} day ${day}`,
        observedAt: `2026-09-0${day}T12:00:00.000Z`,
        recordedBy: teacher,
      });
  return store;
}

const notesOf = (rows: readonly EvidenceRecord[]) => rows.map((row) => row.note);

describe('the newest rows of an index (getNewest)', () => {
  it('reads a child’s newest evidence first, up to the limit, and no other child’s', async () => {
    const store = await childrenWithEvidence();
    const newest = (studentId: string, limit: number) =>
      bulkRead(store, ['evidence'], (tx) => tx.getNewest<EvidenceRecord>('evidence', BY_DATE, studentId, limit));
    expect(notesOf(await newest('s1', 3))).toEqual(['s1 day 7', 's1 day 5', 's1 day 3']);
    expect(notesOf(await newest('s1', 10))).toEqual(['s1 day 7', 's1 day 5', 's1 day 3', 's1 day 2', 's1 day 1']);
    expect(notesOf(await newest('s10', 10))).toEqual(['s10 day 9', 's10 day 4']);
    expect(await newest('s3', 10)).toEqual([]);
    expect(await newest('s1', 0)).toEqual([]);
  });

  it('counts only the rows kept, read back as the app reads them (stamps expanded)', async () => {
    const store = await childrenWithEvidence();
    const [, second] = await listRecentEvidence(store, 's1', 2).then((page) => page.records);
    await tombstone(store.db, store.env, 'evidence', second!.id);
    const kept = await bulkRead(store, ['evidence'], (tx) =>
      tx.getNewest<EvidenceRecord>('evidence', BY_DATE, 's1', 3, (row) => !row.deleted),
    );
    expect(notesOf(kept)).toEqual(['s1 day 7', 's1 day 3', 's1 day 2']);
    expect(kept).toEqual((await listRecentEvidence(store, 's1', 3)).records);
    expect(kept[0]!._hlc['note']).toMatch(/^\d{13}-/);
  });
});

describe('a child’s page in one read (readStudentPage)', () => {
  const seeded = async () => {
    const store = testStore();
    await seedFirstRun(store);
    return store;
  };
  const STUDENT = 'demo-student-2';
  const PAGE = 20;

  it('gives what the per-student reads give: the rules’ input but the evidence, and the newest page', async () => {
    const store = await seeded();
    const now = new Date(store.env.now());
    const page = (await readStudentPage(store, STUDENT, studentSummaries(now), PAGE))!;
    const { evidence, ...data } = (await loadStudentProgressData(store, STUDENT))!;
    expect(page.data).toEqual(data);
    expect(page.newest).toEqual(await listRecentEvidence(store, STUDENT, PAGE));
    expect(page.newest.records.length).toBeGreaterThan(0);
    expect(page.summary).toEqual(summarizeStudent({ ...data, evidence }, now));
  });

  it('pages the evidence, voided pieces included', async () => {
    const store = await seeded();
    const maker = studentSummaries(new Date(store.env.now()));
    const all = (await listRecentEvidence(store, STUDENT, 1000)).records;
    expect(all.length).toBeGreaterThan(2);
    await voidEvidence(store, all[0]!.id, 'wrong child', teacher);
    const short = (await readStudentPage(store, STUDENT, maker, 2))!.newest;
    expect(short).toEqual(await listRecentEvidence(store, STUDENT, 2));
    expect(short.hasMore).toBe(true);
    expect(short.records[0]!.voided?.reason).toBe('wrong child');
    expect((await readStudentPage(store, STUDENT, maker, all.length))!.newest.hasMore).toBe(false);
  });

  it('uses the cached summary while it is current, and makes it again after a write', async () => {
    const store = await seeded();
    const maker = studentSummaries(new Date(store.env.now()));
    const first = (await readStudentPage(store, STUDENT, maker, PAGE))!;
    // Made from the facts, which came with it; cached just after the read.
    expect(first.progressData?.evidence.length).toBeGreaterThan(0);
    await vi.waitFor(async () => expect(await store.db.progressCache.get(STUDENT)).toBeDefined());
    const second = (await readStudentPage(store, STUDENT, maker, PAGE))!;
    expect(second.progressData).toBeNull();
    expect(second.summary).toEqual(first.summary);

    const target = first.summary.progress.currentTargetId!;
    await recordEvidence(store, {
      studentId: STUDENT,
      targetIds: [target],
      kind: 'observation',
      level: 4,
      recordedBy: teacher,
    });
    const third = (await readStudentPage(store, STUDENT, maker, PAGE))!;
    expect(third.progressData).not.toBeNull();
    const fresh = (await loadStudentProgressData(store, STUDENT))!;
    expect(third.summary).toEqual(maker.summarize(fresh));
    expect(third.newest.records[0]!.level).toBe(4);
  });

  it('is null for a child the device does not have, or whose record is deleted', async () => {
    const store = await seeded();
    const maker = studentSummaries(new Date(store.env.now()));
    expect(await readStudentPage(store, 'nobody', maker, PAGE)).toBeNull();
    await tombstone(store.db, store.env, 'students', STUDENT);
    expect(await readStudentPage(store, STUDENT, maker, PAGE)).toBeNull();
  });
});

describe('the summary the page paints from', () => {
  it('holds the rules’ own explanation of the current target, made by the class page or the child’s page', async () => {
    const store = testStore();
    await seedFirstRun(store);
    const now = new Date(store.env.now());
    const maker = studentSummaries(now);
    const { rows } = await readClassProgress(store, maker);
    expect(rows.length).toBeGreaterThan(2);
    await vi.waitFor(async () => expect(await store.db.progressCache.count()).toBe(rows.length));
    let withExplanation = 0;
    for (const { student, summary } of rows) {
      const progress = evaluateProgress((await loadStudentProgressData(store, student.id))!, now);
      const current = progress.currentTargetId;
      const explanation = current === null ? null : progress.byTargetId[current]!.explanation;
      if (explanation) withExplanation += 1;
      expect(summary.progress.currentExplanation).toEqual(explanation);
      // The child's page reads the one the class page cached: the same, without running the rules.
      const page = (await readStudentPage(store, student.id, maker, 5))!;
      expect(page.progressData).toBeNull();
      expect(page.summary.progress.currentExplanation).toEqual(explanation);
      expect(page.summary.progress.currentTargetId).toBe(current);
      expect(page.summary.progress.nextStep).toEqual(progress.nextStep);
    }
    expect(withExplanation).toBeGreaterThan(0);
  });
});
