import { describe, expect, it, vi } from 'vitest';
import {
  bytesToFree,
  effectiveQuota,
  evictMedia,
  getBlob,
  isHeldBlob,
  listBlobsToUpload,
  makeRoomForMedia,
  markBlobUploaded,
  putBlob,
  readMediaSpace,
  reserveBytes,
  saveConnection,
  saveWithRoom,
  setTargetClipId,
  sha256Hex,
  storeDownloadedBlob,
  StorageFullError,
  type SpaceProbe,
  type Store,
} from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

const MB = 1024 * 1024;

/** Distinct bytes of a given size (each blob is keyed by its hash). */
const bytesOf = (size: number, seed: number): ArrayBuffer => {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (seed * 131 + i * 7) % 256;
  return b.buffer;
};

async function connect(store: Store) {
  await saveConnection(store, {
    baseUrl: 'http://school.test',
    token: 't',
    deviceTokenId: 'd',
    kind: 'teacher',
    scope: { schoolId: 's' },
  });
}

/** Stores a photo of `size` bytes at minute `minute`, uploaded then (or never, with uploaded: false). */
async function photo(store: ReturnType<typeof testStore>, seed: number, size: number, minute: number, uploaded = true) {
  store.env.setNow(Date.UTC(2026, 8, 1, 9, minute));
  const id = await putBlob(store, bytesOf(size, seed), 'image/webp');
  if (uploaded) await markBlobUploaded(store, id);
  return id;
}

const held = async (store: Store, id: string) => {
  const b = await getBlob(store, id);
  return b !== undefined && isHeldBlob(b);
};

describe('the space policy', () => {
  it('keeps a tenth of the quota free, between 50 MB and 500 MB, never over half the quota', () => {
    expect(reserveBytes(1000 * MB)).toBe(100 * MB);
    expect(reserveBytes(200 * MB)).toBe(50 * MB);
    expect(reserveBytes(20_000 * MB)).toBe(500 * MB);
    expect(reserveBytes(60 * MB)).toBe(30 * MB);
  });

  it('frees what a capture and the reserve need beyond the quota, nothing when unknown', () => {
    expect(bytesToFree(900 * MB, 1000 * MB, 10 * MB)).toBe(10 * MB);
    expect(bytesToFree(500 * MB, 1000 * MB, 10 * MB)).toBe(0);
    expect(bytesToFree(null, 1000 * MB, 10 * MB)).toBe(0);
  });

  it('plans with the usage at which a write was refused, until usage passes it or a week goes by', () => {
    const mark = { at: '2026-09-01T09:00:00.000Z', usedBytes: 300 * MB };
    const at = Date.parse(mark.at);
    const reading = { usedBytes: 290 * MB, quotaBytes: 10_000 * MB };
    expect(effectiveQuota(reading, mark, at + 1000)).toBe(300 * MB);
    expect(effectiveQuota({ ...reading, usedBytes: 310 * MB }, mark, at + 1000)).toBe(10_000 * MB);
    expect(effectiveQuota(reading, mark, at + 8 * 24 * 3600 * 1000)).toBe(10_000 * MB);
  });

  it('still counts the mark when only small writes came after the refusal (the mark itself, the outbox)', () => {
    const mark = { at: '2026-09-01T09:00:00.000Z', usedBytes: 300 * MB };
    const reading = { usedBytes: 300 * MB + 40_000, quotaBytes: 10_000 * MB };
    expect(effectiveQuota(reading, mark, Date.parse(mark.at) + 1000)).toBe(300 * MB);
  });
});

describe('moving media off a full tablet', () => {
  it('never removes an attachment the server has not confirmed, however much is wanted', async () => {
    const store = testStore();
    await connect(store);
    const waiting = await photo(store, 1, 4000, 1, false);
    const uploaded = await photo(store, 2, 3000, 2);
    const evicted = await evictMedia(store, 1_000_000);
    expect(evicted).toEqual({ count: 1, bytes: 3000 });
    expect(await held(store, waiting)).toBe(true);
    expect(await held(store, uploaded)).toBe(false);
    expect((await listBlobsToUpload(store)).map((b) => b.id)).toEqual([waiting]);
  });

  it('removes the oldest first and stops once enough is free', async () => {
    const store = testStore();
    await connect(store);
    const newest = await photo(store, 3, 1000, 30);
    const oldest = await photo(store, 1, 1000, 10);
    const middle = await photo(store, 2, 1000, 20);
    expect(await evictMedia(store, 1500)).toEqual({ count: 2, bytes: 2000 });
    expect(await held(store, oldest)).toBe(false);
    expect(await held(store, middle)).toBe(false);
    expect(await held(store, newest)).toBe(true);
    const row = await getBlob(store, oldest);
    expect(row).toMatchObject({ id: oldest, mime: 'image/webp', size: 1000, evictedAt: expect.any(String) });
  });

  it('keeps a station’s read-aloud clips and removes nothing on a tablet with no server', async () => {
    const store = testStore();
    const clip = await photo(store, 1, 1000, 1);
    const other = await photo(store, 2, 1000, 2);
    await setTargetClipId(store, 'target-1', 'es', clip);
    expect(await evictMedia(store, 5000)).toEqual({ count: 0, bytes: 0 });
    await connect(store);
    expect(await evictMedia(store, 5000)).toEqual({ count: 1, bytes: 1000 });
    expect(await held(store, clip)).toBe(true);
    expect(await held(store, other)).toBe(false);
  });

  it('keeps a photo fetched because it was opened for ten minutes, so it is not fetched over and over', async () => {
    const store = testStore();
    await connect(store);
    const bytes = bytesOf(1000, 9);
    const id = await sha256Hex(bytes);
    await storeDownloadedBlob(store, id, bytes, 'image/webp');
    expect(await evictMedia(store, 5000)).toEqual({ count: 0, bytes: 0 });
    store.env.advance(11 * 60_000);
    expect(await evictMedia(store, 5000)).toEqual({ count: 1, bytes: 1000 });
  });

  it('keeps the reserve: frees only what the browser’s numbers call for', async () => {
    const store = testStore();
    await connect(store);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await photo(store, i, 10 * MB, i));
    // 1000 MB quota keeps 100 MB free; 915 MB used leaves 85: 15 MB must go (two 10 MB photos).
    const probe: SpaceProbe = async () => ({ usedBytes: 915 * MB, quotaBytes: 1000 * MB });
    const room = await makeRoomForMedia(store, 0, probe);
    expect(room.evicted).toEqual({ count: 2, bytes: 20 * MB });
    expect(room.leftBytes).toBe(105 * MB);
    expect(room.isLow).toBe(false);
    expect(await Promise.all(ids.map((id) => held(store, id)))).toEqual([false, false, true, true]);
  });
});

describe('a capture on a full tablet', () => {
  const quotaError = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });
  const plenty: SpaceProbe = async () => ({ usedBytes: 100 * MB, quotaBytes: 10_000 * MB });

  it('frees room and saves on the second try when the disk refuses the first', async () => {
    const store = testStore();
    await connect(store);
    const old = await photo(store, 1, 2000, 1);
    let tries = 0;
    const saved = await saveWithRoom(
      store,
      1000,
      async () => {
        tries += 1;
        if (tries === 1) throw quotaError();
        return 'saved';
      },
      plenty,
    );
    expect(saved).toBe('saved');
    expect(tries).toBe(2);
    expect(await held(store, old)).toBe(false);
    // The refusal taught the real limit: the browser's 10 GB is no longer believed.
    expect((await readMediaSpace(store, plenty)).quotaBytes).toBe(100 * MB);
  });

  it('fails with StorageFullError, keeping what was saved, when nothing can leave the tablet', async () => {
    const store = testStore();
    await connect(store);
    const unsent = await photo(store, 1, 2000, 1, false);
    await expect(
      saveWithRoom(
        store,
        1000,
        async () => {
          throw quotaError();
        },
        plenty,
      ),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await held(store, unsent)).toBe(true);
  });

  it('remembers the limit for the next try even when the full disk refuses to store the mark', async () => {
    const store = testStore();
    await connect(store);
    vi.spyOn(store.db.settings, 'put').mockRejectedValue(quotaError());
    await expect(
      saveWithRoom(
        store,
        1000,
        async () => {
          throw quotaError();
        },
        plenty,
      ),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect((await readMediaSpace(store, plenty)).quotaBytes).toBe(100 * MB);
  });

  it('passes other failures through untouched', async () => {
    const store = testStore();
    await expect(
      saveWithRoom(
        store,
        10,
        async () => {
          throw new Error('not about space');
        },
        plenty,
      ),
    ).rejects.toThrow('not about space');
  });
});
