/** The family report's pieces of work with media: the right records, newest first, read by keys. */
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { formatHlc, type Change } from '#protocol';
import { applyRemoteChanges, listWorkWithMedia, tombstone } from '#db';
import type { Store } from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

/** A stand-in SHA-256 for a named photo (blob ids are hashes: a record citing anything else is not read). */
const hashOf = (name: string): string => Buffer.from(name).toString('hex').padEnd(64, '0');

const pulled = (
  recordId: string,
  studentId: string,
  observedAt: string,
  blobIds: string[],
  extra: Record<string, unknown> = {},
): Change => ({
  changeId: `ch-${recordId}`,
  table: 'evidence',
  recordId,
  fields: {
    studentId,
    targetIds: ['t1'],
    kind: 'observation',
    observedAt,
    recordedAt: observedAt,
    recordedBy: { kind: 'teacher', id: 't' },
    blobIds: blobIds.map(hashOf),
    ...extra,
  },
  hlc: formatHlc({ wallMs: Date.parse('2026-09-01T10:00:00Z'), counter: 0 }, 'other-device'),
});

/** Counts the evidence records read whole (a cursor's values, the rows of a query or of a bulk get). */
function countEvidenceReads(store: Store): { count: number } {
  const reads = { count: 0 };
  const spy: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'EvidenceReads',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'evidence') return table;
        return {
          ...table,
          async openCursor(req) {
            const cursor = await table.openCursor(req);
            if (!cursor || !req.values) return cursor;
            return Object.create(cursor, { value: { get: () => (reads.count++, cursor.value) } }) as typeof cursor;
          },
          async query(req) {
            const response = await table.query(req);
            if (req.values) reads.count += response.result.length;
            return response;
          },
          async getMany(req) {
            reads.count += req.keys.length;
            return table.getMany(req);
          },
        };
      },
    }),
  };
  store.db.use(spy);
  return reads;
}

describe('a child’s work with media', () => {
  it('lists the child’s live, unvoided pieces citing media, newest observation first', async () => {
    const store = testStore();
    await applyRemoteChanges(store.db, store.env, [
      pulled('e1', 's1', '2026-09-01T10:00:00Z', ['photo-1']),
      pulled('e2', 's1', '2026-09-03T10:00:00Z', ['clip-1', 'photo-2']),
      pulled('e3', 's1', '2026-09-02T10:00:00Z', []),
      pulled('e4', 's1', '2026-09-04T10:00:00Z', ['photo-3'], { voided: { reason: 'wrong child', at: 'x', by: 't' } }),
      pulled('e5', 's1', '2026-09-05T10:00:00Z', ['photo-4']),
      pulled('e6', 's2', '2026-09-06T10:00:00Z', ['photo-5']),
      pulled('e7', 's1', '2026-09-03T10:00:00Z', ['photo-6']),
    ]);
    await tombstone(store.db, store.env, 'evidence', 'e5');

    expect((await listWorkWithMedia(store, 's1')).map((e) => e.id)).toEqual(['e7', 'e2', 'e1']);
    expect((await listWorkWithMedia(store, 's2')).map((e) => e.id)).toEqual(['e6']);
    expect(await listWorkWithMedia(store, 's3')).toEqual([]);
  });

  it('reads only the records that cite media, not every piece of the child’s year', async () => {
    const store = testStore();
    const day = (i: number) => new Date(Date.UTC(2026, 8, 1) + i * 3_600_000).toISOString();
    // Before the store opens: a middleware added later is not used.
    const reads = countEvidenceReads(store);
    await applyRemoteChanges(
      store.db,
      store.env,
      Array.from({ length: 300 }, (_, i) =>
        pulled(`e${String(i).padStart(3, '0')}`, 's1', day(i), i % 10 === 0 ? [`photo-${i}`] : []),
      ),
    );
    reads.count = 0;
    const work = await listWorkWithMedia(store, 's1');
    expect(work.map((e) => e.id).slice(0, 2)).toEqual(['e290', 'e280']);
    expect(work).toHaveLength(30);
    expect(reads.count).toBe(30);
  });
});
