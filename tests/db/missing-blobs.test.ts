import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { formatHlc, type Change } from '#protocol';
import { applyRemoteChanges, listMissingBlobIds, putBlob, tombstone } from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

const pulled = (recordId: string, blobIds: string[]): Change => ({
  changeId: `ch-${recordId}`,
  table: 'evidence',
  recordId,
  fields: {
    studentId: 's1',
    targetIds: ['t1'],
    kind: 'observation',
    observedAt: '2026-09-01T10:00:00Z',
    recordedAt: '2026-09-01T10:00:00Z',
    recordedBy: { kind: 'teacher', id: 't' },
    blobIds,
  },
  hlc: formatHlc({ wallMs: Date.parse('2026-09-01T10:00:00Z'), counter: 0 }, 'other-device'),
});

describe('attachments to download', () => {
  it('lists ids cited by live evidence whose bytes are not held, each once, up to the limit', async () => {
    const store = testStore();
    const held = await putBlob(store, new TextEncoder().encode('a photo').buffer, 'image/jpeg');
    await applyRemoteChanges(store.db, store.env, [
      pulled('e1', [held, 'missing-1']),
      pulled('e2', ['missing-1', 'missing-2']),
      pulled('e3', ['only-on-deleted']),
      pulled('e4', []),
    ]);
    await tombstone(store.db, store.env, 'evidence', 'e3');

    expect((await listMissingBlobIds(store, 20)).sort()).toEqual(['missing-1', 'missing-2']);
    expect(await listMissingBlobIds(store, 1)).toHaveLength(1);
  });

  it('lists nothing when every cited attachment is held or nothing cites one', async () => {
    const store = testStore();
    expect(await listMissingBlobIds(store, 20)).toEqual([]);
    const held = await putBlob(store, new TextEncoder().encode('a drawing').buffer, 'image/png');
    await applyRemoteChanges(store.db, store.env, [pulled('e1', [held])]);
    expect(await listMissingBlobIds(store, 20)).toEqual([]);
  });

  it('opens only the evidence it needs for the limit, not every record citing a missing attachment', async () => {
    const store = testStore();
    let opened = 0;
    // Counts evidence rows read through the index (what a cursor over `blobIds` hands back).
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
              return Object.create(cursor, {
                value: { get: () => (opened++, cursor.value) },
              }) as typeof cursor;
            },
          };
        },
      }),
    };
    store.db.use(spy);
    await applyRemoteChanges(
      store.db,
      store.env,
      Array.from({ length: 200 }, (_, i) => pulled(`e${String(i).padStart(3, '0')}`, [`missing-${i}`])),
    );
    opened = 0;
    expect(await listMissingBlobIds(store, 5)).toHaveLength(5);
    expect(opened).toBeLessThan(20);
  });
});
