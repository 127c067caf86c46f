import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc, type Change } from '#protocol';
import { applyRemoteChanges, recordEvidence, syncedTableRows, updateStudent, addStudent, voidEvidence } from '#db';
import { compactRow, expandRow, STORED_STAMPS_KEY } from '#db/stored-stamps.ts';
import { testStore } from '#tests/helpers/test-store.ts';
import { plainMerge, rawRows } from './stamp-helpers.ts';

const DEVICES = ['0190f3a4-5b6c-7d8e-9f01-23456789abcd', '0190f3a4-5b6c-7d8e-9f01-fedcba987654', 'starter'];
const stampArb = fc
  .record({
    wallMs: fc.integer({ min: 1, max: 40 }),
    counter: fc.integer({ min: 0, max: 2 }),
    device: fc.constantFrom(...DEVICES),
  })
  .map(({ wallMs, counter, device }) => formatHlc({ wallMs: 1_760_000_000_000 + wallMs, counter }, device));
const FIELDS = ['id', 'studentId', 'note', 'level', 'voided', 'deleted', 'targetIds', 'blobIds'];
const valueArb = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
);

/** Any row: any fields (some valued undefined), and stamps for any fields, in or out of the row, from few stamps. */
const rowArb = fc
  .record({
    id: fc.string({ minLength: 1 }),
    fields: fc.dictionary(fc.constantFrom(...FIELDS.slice(1)), valueArb),
    stamps: fc.dictionary(fc.constantFrom(...FIELDS), stampArb),
  })
  .map(({ id, fields, stamps }) => ({ id, ...fields, _hlc: { ...stamps } }));

describe('compact stamps (stored-stamps.ts)', () => {
  it('expand to exactly the row they were made from, for any fields and stamps', () => {
    fc.assert(
      fc.property(rowArb, (row) => {
        const stored = compactRow(row) as Record<string, unknown>;
        expect(stored).not.toHaveProperty('_hlc');
        expect(stored).toHaveProperty([STORED_STAMPS_KEY]);
        expect(expandRow(stored)).toStrictEqual(row);
        // Stored as IndexedDB would: a structured clone.
        expect(expandRow(structuredClone(stored))).toStrictEqual(row);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keep one stamp for a row written in one go, and name only the fields written later', () => {
    const first = formatHlc({ wallMs: 1_760_000_000_000, counter: 0 }, DEVICES[0]!);
    const later = formatHlc({ wallMs: 1_760_000_100_000, counter: 3 }, DEVICES[1]!);
    const fields = { studentId: 's1', kind: 'observation', note: 'Counts to 20', level: 3, targetIds: ['t1'] };
    // The app writes the id with the other fields, so it is stamped too.
    const stamps = Object.fromEntries(['id', ...Object.keys(fields)].map((f) => [f, first]));
    expect(compactRow({ id: 'e1', ...fields, _hlc: stamps })).toStrictEqual({ id: 'e1', ...fields, '#s': first });

    const edited = { id: 'e1', ...fields, voided: true, _hlc: { ...stamps, voided: later } };
    const stored = compactRow(edited);
    expect(stored).toStrictEqual({ id: 'e1', ...fields, voided: true, '#s': [first, { voided: later }] });
    expect(JSON.stringify(stored).split(DEVICES[0]!).length - 1).toBe(1);
  });

  it('keep rows without stamps, or with anything but stamps, exactly as they are', () => {
    const plain = { id: 'x', value: 1 };
    expect(compactRow(plain)).toBe(plain);
    expect(expandRow(plain)).toBe(plain);
    const odd = { id: 'x', a: 1, _hlc: { a: 7 } };
    expect(compactRow(odd)).toBe(odd);
    expect(expandRow({ id: 'x', a: 1, _hlc: {} })).toStrictEqual({ id: 'x', a: 1, _hlc: {} });
    expect(expandRow(compactRow({ id: 'x', a: 1, _hlc: {} }))).toStrictEqual({ id: 'x', a: 1, _hlc: {} });
  });
});

describe('the stamps middleware', () => {
  it('stores synced rows compact, and every way of reading them gives the stamps back whole', async () => {
    const store = testStore();
    const ana = await addStudent(store, { classId: 'c', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    store.env.advance(60_000);
    await updateStudent(store, ana.id, { picture: 'owl' });
    const evidence = await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'observation',
      level: 2,
      recordedBy: { kind: 'teacher', id: 't' },
    });
    store.env.advance(60_000);
    await voidEvidence(store, evidence.id, 'wrong child', { kind: 'teacher', id: 't' });

    const student = (await store.db.students.get(ana.id))!;
    expect(student._hlc['picture']).not.toBe(student._hlc['displayName']);
    expect(Object.keys(student._hlc).sort()).toEqual(
      Object.keys(student)
        .filter((k) => k !== '_hlc')
        .sort(),
    );

    const raw = await rawRows(store.db, 'students');
    expect(raw).toHaveLength(1);
    expect(raw[0]).not.toHaveProperty('_hlc');
    expect(raw[0]![STORED_STAMPS_KEY]).toEqual([student._hlc['displayName'], { picture: student._hlc['picture'] }]);

    const voided = (await store.db.evidence.get(evidence.id))!;
    expect(voided._hlc['voided']).not.toBe(voided._hlc['studentId']);
    const reads = [
      (await store.db.evidence.bulkGet([evidence.id]))[0],
      (await store.db.evidence.toArray())[0],
      (await store.db.evidence.where('studentId').equals(ana.id).toArray())[0],
      await store.db.evidence.where('[studentId+observedAt]').between([ana.id, ''], [ana.id, '\uffff']).first(),
      (await syncedTableRows(store.db, 'evidence'))[0],
    ];
    const each: unknown[] = [];
    await store.db.evidence.each((row) => each.push(row));
    for (const read of [...reads, ...each]) expect(read).toStrictEqual(voided);
    expect(expandRow((await rawRows(store.db, 'evidence'))[0])).toStrictEqual(voided);
  });

  it('merges per field, last writer wins, exactly as a plain merge of the same changes would', async () => {
    const recordIds = ['r1', 'r2', 'r3'];
    const changeArb = fc.record({
      recordId: fc.constantFrom(...recordIds),
      fields: fc.dictionary(
        fc.constantFrom('displayName', 'picture', 'classId', 'archived', 'deleted'),
        fc.oneof(fc.string(), fc.boolean()),
        {
          minKeys: 1,
        },
      ),
      hlc: stampArb,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        async (drafts, batch) => {
          const changes: Change[] = drafts.map((d, i) => ({ ...d, changeId: `c${i}`, table: 'students' }));
          const store = testStore();
          for (let i = 0; i < changes.length; i += batch)
            await applyRemoteChanges(store.db, store.env, changes.slice(i, i + batch));
          const expected = plainMerge(changes);
          const rows = await store.db.students.toArray();
          expect(Object.fromEntries(rows.map((r) => [r.id, r]))).toStrictEqual(expected);
          for (const raw of await rawRows(store.db, 'students')) expect(raw).not.toHaveProperty('_hlc');
          store.db.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
