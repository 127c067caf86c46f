import { describe, expect, it } from 'vitest';
import type { PullResponse } from '#protocol';
import type { SyncTransport } from '#sync';
import { fetchPages } from '#sync/pull-pages.ts';

/** `count` pages of two changes each; `fail(since)` makes that fetch fail. */
function pages(count: number, fail: (since: string) => boolean = () => false) {
  const asked: string[] = [];
  const transport: SyncTransport = {
    push: () => Promise.reject(new Error('no push')),
    pull: async (since): Promise<PullResponse> => {
      asked.push(since);
      if (fail(since)) throw new Error(`pull from ${since} failed`);
      const index = since === '0' ? 0 : Number(since.slice(1));
      return {
        changes: [0, 1].map((i) => ({
          seq: index * 2 + i,
          changeId: `c${index}-${i}`,
          table: 'students',
          recordId: `s${index}-${i}`,
          fields: {},
          hlc: 'h',
        })),
        cursor: `p${index + 1}`,
        hasMore: index + 1 < count,
        serverTime: 0,
      };
    },
    putBlob: () => Promise.reject(new Error('no blobs')),
    getBlob: () => Promise.reject(new Error('no blobs')),
  };
  return { transport, asked };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const cursorsOf = (taken: readonly { page: PullResponse }[]) => taken.map((r) => r.page.cursor);

describe('fetching pull pages ahead of storing them', () => {
  it('runs ahead by at most the changes one transaction takes, and gives them in order', async () => {
    const { transport, asked } = pages(5);
    const fetcher = fetchPages(transport, '0', 2, 4, () => 0);
    await settled();
    expect(asked).toEqual(['0', 'p1']);
    expect(cursorsOf(await fetcher.take())).toEqual(['p1', 'p2']);
    await settled();
    expect(asked).toEqual(['0', 'p1', 'p2', 'p3']);
    expect(cursorsOf(await fetcher.take())).toEqual(['p3', 'p4']);
    expect(cursorsOf(await fetcher.take())).toEqual(['p5']);
    expect(await fetcher.take()).toEqual([]);
    expect(asked).toEqual(['0', 'p1', 'p2', 'p3', 'p4']);
  });

  it('gives the pages that arrived before a failed fetch, then the failure', async () => {
    const { transport } = pages(5, (since) => since === 'p2');
    const fetcher = fetchPages(transport, '0', 2, 100, () => 0);
    await settled();
    expect(cursorsOf(await fetcher.take())).toEqual(['p1', 'p2']);
    await expect(fetcher.take()).rejects.toThrow('pull from p2 failed');
  });

  it('fetches nothing more once stopped', async () => {
    const { transport, asked } = pages(5);
    const fetcher = fetchPages(transport, '0', 2, 2, () => 0);
    expect(cursorsOf(await fetcher.take())).toEqual(['p1']);
    fetcher.stop();
    await settled();
    expect(asked).toEqual(['0', 'p1']);
    expect(await fetcher.take()).toEqual([]);
  });
});
