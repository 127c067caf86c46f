import { describe, expect, it } from 'vitest';
import { compareHlc, parseHlc } from '#protocol';
import {
  addStudent,
  ImmutableFieldError,
  recordEvidence,
  tombstone,
  updateStudent,
  voidEvidence,
  writeFields,
  listStudents,
} from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't1' } as const;

describe('the write funnel', () => {
  it('appends exactly one outbox entry per synced write, in the same transaction', async () => {
    const store = testStore();
    const student = await addStudent(store, {
      classId: 'c1',
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    await updateStudent(store, student.id, { displayName: 'Ana María' });
    await recordEvidence(store, {
      studentId: student.id,
      targetIds: ['t'],
      kind: 'observation',
      level: 2,
      recordedBy: teacher,
    });

    const outbox = await store.db.outbox.orderBy('seq').toArray();
    expect(outbox.map((o) => [o.table, o.recordId === student.id])).toEqual([
      ['students', true],
      ['students', true],
      ['evidence', false],
    ]);
    expect(outbox[1]?.fields).toEqual({ displayName: 'Ana María' });
    expect(new Set(outbox.map((o) => o.changeId)).size).toBe(3);
  });

  it('writes nothing, not even an outbox entry, when the write fails', async () => {
    const store = testStore();
    const evidence = await recordEvidence(store, {
      studentId: 's1',
      targetIds: ['t'],
      kind: 'observation',
      level: 2,
      recordedBy: teacher,
    });
    await expect(writeFields(store.db, store.env, 'evidence', evidence.id, { level: 4 })).rejects.toBeInstanceOf(
      ImmutableFieldError,
    );
    expect(await store.db.outbox.count()).toBe(1);
    expect((await store.db.evidence.get(evidence.id))?.level).toBe(2);
  });

  it('keeps evidence append-only: voiding is the only correction', async () => {
    const store = testStore();
    const evidence = await recordEvidence(store, {
      studentId: 's1',
      targetIds: ['t'],
      kind: 'observation',
      level: 1,
      recordedBy: teacher,
    });
    await voidEvidence(store, evidence.id, 'Wrong child', teacher);
    const stored = await store.db.evidence.get(evidence.id);
    expect(stored?.level).toBe(1);
    expect(stored?.voided?.reason).toBe('Wrong child');
    await expect(voidEvidence(store, evidence.id, '  ', teacher)).rejects.toThrow(/why/);
  });

  it('deletes as tombstones that are hidden from reads and still sync', async () => {
    const store = testStore();
    const a = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    await addStudent(store, { classId: 'c1', displayName: 'Ben', picture: 'owl', familyLanguage: 'en' });
    await tombstone(store.db, store.env, 'students', a.id);

    expect((await listStudents(store, 'c1')).map((s) => s.displayName)).toEqual(['Ben']);
    expect((await store.db.students.get(a.id))?.deleted).toBe(true);
    const last = (await store.db.outbox.orderBy('seq').last())!;
    expect(last).toMatchObject({ table: 'students', recordId: a.id, fields: { deleted: true } });
  });

  it('stamps every change with an increasing HLC even when the wall clock jumps backwards', async () => {
    const store = testStore();
    const s = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    store.env.advance(-3 * 60 * 60 * 1000); // the tablet's clock is set back three hours
    await updateStudent(store, s.id, { displayName: 'Ana B' });
    await updateStudent(store, s.id, { picture: 'cat' });

    const stamps = (await store.db.outbox.orderBy('seq').toArray()).map((o) => o.hlc);
    expect(stamps).toHaveLength(3);
    expect(compareHlc(stamps[0]!, stamps[1]!)).toBeLessThan(0);
    expect(compareHlc(stamps[1]!, stamps[2]!)).toBeLessThan(0);
    expect(parseHlc(stamps[2]!).wallMs).toBe(parseHlc(stamps[0]!).wallMs);

    const record = await store.db.students.get(s.id);
    expect(record?._hlc['picture']).toBe(stamps[2]);
    expect(record?._hlc['displayName']).toBe(stamps[1]);
  });

  it('refuses evidence without a target or with a level that is not a number', async () => {
    const store = testStore();
    await expect(
      recordEvidence(store, { studentId: 's', targetIds: [], kind: 'observation', recordedBy: teacher }),
    ).rejects.toThrow(/target/);
    await expect(
      recordEvidence(store, {
        studentId: 's',
        targetIds: ['t'],
        kind: 'observation',
        level: Number.NaN,
        recordedBy: teacher,
      }),
    ).rejects.toThrow(/level/);
    expect(await store.db.evidence.count()).toBe(0);
    expect(await store.db.outbox.count()).toBe(0);
  });
});
