import { describe, expect, it } from 'vitest';
import { recordEvidenceWithMedia, sha256Hex } from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't1' } as const;
const bytes = (seed: number) => new Uint8Array(2048).map((_, i) => (i * 7 + seed) % 256).buffer;

describe('a capture saved whole', () => {
  it('stores the attachments and the evidence citing them, once each', async () => {
    const store = testStore();
    const photo = bytes(1);
    const clip = bytes(2);
    const evidence = await recordEvidenceWithMedia(
      store,
      { studentId: 's1', targetIds: ['t1'], kind: 'observation', level: 3, recordedBy: teacher },
      [
        { bytes: photo, mime: 'image/webp' },
        { bytes: clip, mime: 'audio/webm' },
      ],
    );
    expect(evidence.blobIds).toEqual([await sha256Hex(photo), await sha256Hex(clip)]);
    expect(await store.db.blobs.count()).toBe(2);
    expect(await store.db.evidence.get(evidence.id)).toMatchObject({ blobIds: evidence.blobIds });
    expect(await store.db.outbox.count()).toBe(1);
  });

  it('leaves none of it behind when the evidence cannot be written (as on a full disk)', async () => {
    const store = testStore();
    await expect(
      recordEvidenceWithMedia(
        store,
        { studentId: 's1', targetIds: ['t1'], kind: 'observation', level: Number.NaN, recordedBy: teacher },
        [
          { bytes: bytes(1), mime: 'image/webp' },
          { bytes: bytes(2), mime: 'audio/webm' },
        ],
      ),
    ).rejects.toThrow(/level/);
    expect(await store.db.blobs.count()).toBe(0);
    expect(await store.db.evidence.count()).toBe(0);
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('keeps an attachment saved before when the same bytes are captured again and that capture fails', async () => {
    const store = testStore();
    const photo = bytes(3);
    await recordEvidenceWithMedia(
      store,
      { studentId: 's1', targetIds: ['t1'], kind: 'workSample', recordedBy: teacher },
      [{ bytes: photo, mime: 'image/webp' }],
    );
    await expect(
      recordEvidenceWithMedia(
        store,
        { studentId: 's1', targetIds: ['t1'], kind: 'observation', level: Number.NaN, recordedBy: teacher },
        [{ bytes: photo, mime: 'image/webp' }],
      ),
    ).rejects.toThrow(/level/);
    expect(await store.db.blobs.get(await sha256Hex(photo))).toMatchObject({ mime: 'image/webp' });
    expect(await store.db.evidence.count()).toBe(1);
  });
});
