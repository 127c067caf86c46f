import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { formatHlc, type Change, type PullResponse } from '#protocol';
import { getCursor, type Store } from '#db';
import { syncOnce, type SyncTransport } from '#sync';
import { testStore } from '#tests/helpers/test-store.ts';

const student = (id: string, displayName: unknown, counter = 0): Change => ({
  changeId: `ch-${id}-${counter}`,
  table: 'students',
  recordId: id,
  fields: { classId: 'c1', displayName },
  hlc: formatHlc({ wallMs: Date.parse('2026-09-01T10:00:00Z'), counter }, 'other-device'),
});

/** Every cursor the store saves, in order: one per transaction that stores pulled changes. */
function recordCursors(store: Store): string[] {
  const saved: string[] = [];
  const spy: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'CursorSpy',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'settings') return table;
        return {
          ...table,
          mutate(req) {
            if (req.type === 'put')
              for (const row of req.values as { key: string; value: unknown }[])
                if (row.key === 'sync.cursor') saved.push(String(row.value));
            return table.mutate(req);
          },
        };
      },
    }),
  };
  store.db.use(spy);
  return saved;
}

/** A server with three pages of two students each; `fail(cursor)` makes the pull from that cursor fail. */
function pagedServer(pages: Change[][], fail: (since: string) => boolean = () => false) {
  const asked: string[] = [];
  const transport: SyncTransport = {
    push: () => Promise.reject(new Error('nothing to push')),
    pull: async (since): Promise<PullResponse> => {
      asked.push(since);
      if (fail(since)) throw new Error(`pull from ${since} failed`);
      const index = since === '0' ? 0 : Number(since.slice(1));
      return {
        changes: pages[index]!.map((c, i) => ({ ...c, seq: index * 10 + i })),
        cursor: `p${index + 1}`,
        hasMore: index + 1 < pages.length,
        serverTime: Date.now(),
      };
    },
    putBlob: () => Promise.reject(new Error('no blobs')),
    getBlob: () => Promise.reject(new Error('no blobs')),
  };
  return { transport, asked };
}

const ids = async (store: Store) => (await store.db.students.toCollection().primaryKeys()).sort();

const PAGES = [
  [student('s1', 'Ana'), student('s2', 'Ben')],
  [student('s3', 'Cy'), student('s4', 'Di')],
  [student('s5', 'Ed'), student('s6', 'Flo')],
];

describe('pulling page after page', () => {
  it('stores every page and ends at the last cursor', async () => {
    const store = testStore();
    const { transport, asked } = pagedServer(PAGES);
    expect((await syncOnce({ store, transport })).pulled).toBe(6);
    expect(asked).toEqual(['0', 'p1', 'p2']);
    expect(await ids(store)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(await getCursor(store)).toBe('p3');
  });

  it('keeps the pages stored before a failed fetch, and the cursor that covers them', async () => {
    const store = testStore();
    const failing = pagedServer(PAGES, (since) => since === 'p2');
    await expect(syncOnce({ store, transport: failing.transport })).rejects.toThrow('pull from p2 failed');
    expect(await ids(store)).toEqual(['s1', 's2', 's3', 's4']);
    expect(await getCursor(store)).toBe('p2');

    const { transport, asked } = pagedServer(PAGES);
    await syncOnce({ store, transport });
    expect(asked).toEqual(['p2']);
    expect(await ids(store)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
  });

  it('stores nothing past a page that cannot be stored, even when the next one already arrived', async () => {
    const store = testStore();
    // A value IndexedDB cannot store (a function) makes the second page's transaction fail.
    const broken = [PAGES[0]!, [student('s3', 'Cy'), student('s4', () => 'Di')], PAGES[2]!];
    const { transport } = pagedServer(broken, (since) => since === 'p2');
    // One page per transaction: otherwise the first page may be stored with the broken one, and fail with it.
    await expect(syncOnce({ store, transport, changesPerTransaction: 2 })).rejects.toThrow();
    expect(await ids(store)).toEqual(['s1', 's2']);
    expect(await getCursor(store)).toBe('p1');
  });

  it('stores the pages that arrived while others were stored together, in order, with the last one’s cursor', async () => {
    const store = testStore();
    const cursors = recordCursors(store);
    // The same child renamed on every page: the last name wins, as it would page by page.
    const pages = [0, 1, 2, 3].map((n) => [student(`s${n}`, `Child ${n}`), student('s0', `Name ${n}`, n + 1)]);
    const { transport } = pagedServer(pages);
    expect((await syncOnce({ store, transport, changesPerTransaction: 4 })).pulled).toBe(8);
    // The first page alone (nothing else had arrived), then the next two together, at most 4 changes each time.
    expect(cursors).toEqual(['p1', 'p3', 'p4']);
    expect(await ids(store)).toEqual(['s0', 's1', 's2', 's3']);
    expect((await store.db.students.get('s0'))?.displayName).toBe('Name 3');
  });

  it('after a transaction of several pages fails, stores none of them and resumes from the cursor before', async () => {
    const store = testStore();
    const cursors = recordCursors(store);
    const broken = [PAGES[0]!, PAGES[1]!, [student('s5', 'Ed'), student('s6', () => 'Flo')]];
    await expect(syncOnce({ store, transport: pagedServer(broken).transport })).rejects.toThrow();
    // The second and third pages were stored together: the broken one took the other with it.
    expect(cursors).toEqual(['p1']);
    expect(await ids(store)).toEqual(['s1', 's2']);
    expect(await getCursor(store)).toBe('p1');

    const { transport, asked } = pagedServer(PAGES);
    expect((await syncOnce({ store, transport })).pulled).toBe(4);
    expect(asked).toEqual(['p1', 'p2']);
    expect(await ids(store)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(await getCursor(store)).toBe('p3');
  });
});
