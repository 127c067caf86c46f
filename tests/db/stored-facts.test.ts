import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc, type Change } from '#protocol';
import { applyRemoteChanges, listEvidenceFacts, type EvidenceFact } from '#db';
import { bulkRead } from '#db/bulk-read.ts';
import { readFactsRow, storeFactsRow } from '#db/stored-facts.ts';
import { toFact } from '#db/evidence-facts.ts';
import { testStore } from '#tests/helpers/test-store.ts';
import { rawRows } from './stamp-helpers.ts';

const factArb: fc.Arbitrary<EvidenceFact> = fc.record(
  {
    id: fc.string({ minLength: 1 }),
    targetIds: fc.array(fc.string(), { maxLength: 3 }),
    kind: fc.constantFrom('observation', 'check', 'workSample', 'selfAssessment'),
    observedAt: fc.string(),
    level: fc.integer({ min: 0, max: 4 }),
    itemResults: fc.array(
      fc.record(
        { itemId: fc.string(), result: fc.constantFrom('correct', 'notYet', 'partial') },
        { noNullPrototype: true },
      ),
      { maxLength: 5 },
    ),
    needsReview: fc.boolean(),
    reviewedAt: fc.string(),
    durationMs: fc.integer({ min: 0 }),
  },
  { requiredKeys: ['id', 'targetIds', 'kind', 'observedAt'], noNullPrototype: true },
) as fc.Arbitrary<EvidenceFact>;

describe('a student’s facts on disk (stored-facts.ts)', () => {
  it('read back exactly as they were written, for any facts', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(factArb, { maxLength: 20 }), (studentId, facts) => {
        const row = { studentId, facts };
        const stored = storeFactsRow(row) as Record<string, unknown>;
        expect(typeof stored['facts']).toBe('string');
        // Stored as IndexedDB would: a structured clone.
        expect(readFactsRow(structuredClone(stored))).toStrictEqual(row);
      }),
      { numRuns: 500 },
    );
  });

  it('written again with facts added anywhere, or read after any other write, are exactly the facts given', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(factArb, { selector: (f) => f.id, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (all, cut, at) => {
          const studentId = `s-${cut}-${at}-${all.length}`;
          const first = all.slice(0, cut % (all.length + 1));
          const stored = storeFactsRow({ studentId, facts: first }) as { facts: string };
          // The same fact objects with more after them (a pull's next page), or inserted within them.
          const rest = all.slice(first.length);
          const within = [...first.slice(0, at % (first.length + 1)), ...rest, ...first.slice(at % (first.length + 1))];
          for (const facts of [[...first, ...rest], within]) {
            const again = storeFactsRow({ studentId, facts }) as { facts: string };
            expect(JSON.parse(again.facts)).toStrictEqual(JSON.parse(JSON.stringify(facts)));
            const read = readFactsRow(structuredClone(again)) as { facts: unknown };
            expect(read.facts).toStrictEqual(JSON.parse(again.facts));
          }
          // A write that never reached the disk: what the disk holds is read, not what was last stored.
          expect(readFactsRow(structuredClone({ studentId, facts: stored.facts }))).toStrictEqual({
            studentId,
            facts: JSON.parse(stored.facts),
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leave a row that is not a facts row as it is', () => {
    expect(storeFactsRow(undefined)).toBeUndefined();
    expect(readFactsRow(undefined)).toBeUndefined();
    const odd = { studentId: 's1', facts: 'not written by this app' };
    expect(storeFactsRow(odd)).toBe(odd);
  });

  it('are one string on disk after a pull, and every read (Dexie or the bulk reads) gets the facts', async () => {
    const store = testStore();
    const changes = pulledEvidence(40);
    await applyRemoteChanges(store.db, store.env, changes);
    const [raw] = (await rawRows(store.db, 'studentEvidence')).filter((r) => r['studentId'] === 's1');
    expect(typeof raw?.['facts']).toBe('string');

    const expected = changes
      .filter((c) => c.fields['studentId'] === 's1')
      .map((c) => toFact({ id: c.recordId, ...c.fields })!)
      .sort((a, b) => a.observedAt.localeCompare(b.observedAt) || a.id.localeCompare(b.id));
    expect(await listEvidenceFacts(store, 's1')).toStrictEqual(expected);
    const bulk = await bulkRead(store, ['studentEvidence'], (tx) =>
      tx.get<{ facts: readonly EvidenceFact[] }>('studentEvidence', 's1'),
    );
    expect(bulk?.facts).toStrictEqual(expected);
    const between = await bulkRead(store, ['studentEvidence'], (tx) =>
      tx.getAllBetween<{ studentId: string; facts: readonly EvidenceFact[] }>('studentEvidence', null, 's1', 's2'),
    );
    expect(between.map((r) => [r.studentId, r.facts.length])).toEqual([
      ['s1', 20],
      ['s2', 20],
    ]);
  });

  it('stored as an array by an older version are read as they are, and kept up to date by the next write', async () => {
    const store = testStore();
    const [first, ...rest] = pulledEvidence(4).filter((c) => c.fields['studentId'] === 's1');
    await applyRemoteChanges(store.db, store.env, [first!]);
    // As the version before this one stored it: the facts as an array of objects.
    const older = { studentId: 's1', facts: [toFact({ id: first!.recordId, ...first!.fields })] };
    await new Promise<void>((resolve, reject) => {
      const tx = store.db.backendDB().transaction('studentEvidence', 'readwrite');
      tx.objectStore('studentEvidence').put(older);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
    expect(await listEvidenceFacts(store, 's1')).toStrictEqual(older.facts);

    await applyRemoteChanges(store.db, store.env, rest);
    const facts = await listEvidenceFacts(store, 's1');
    expect(facts.map((f) => f.id)).toEqual(['e0', 'e2']);
    const [raw] = await rawRows(store.db, 'studentEvidence');
    expect(typeof raw?.['facts']).toBe('string');
  });
});

/** Evidence as a pull brings it: `count` records for s1 and s2 in turn, checks with item results among them. */
function pulledEvidence(count: number): Change[] {
  return Array.from({ length: count }, (_, i): Change => {
    const check = i % 4 === 0;
    return {
      changeId: `c${i}`,
      table: 'evidence',
      recordId: `e${i}`,
      hlc: formatHlc({ wallMs: 1_760_000_000_000 + i, counter: 0 }, 'server-device'),
      fields: {
        studentId: `s${(i % 2) + 1}`,
        targetIds: [`t${i % 3}`],
        kind: check ? 'check' : 'observation',
        observedAt: `2026-09-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`,
        recordedAt: '2026-09-30T10:00:00.000Z',
        recordedBy: { kind: 'teacher', id: 't' },
        ...(check
          ? { itemResults: [{ itemId: 'a', result: i % 3 ? 'correct' : 'notYet' }] }
          : { level: 1 + (i % 4), ...(i % 5 === 0 ? { note: 'Explained it' } : {}) }),
      },
    };
  });
}
