// @vitest-environment node
// Node's crypto.subtle hashes attachments and refuses jsdom's ArrayBuffers; nothing here needs a DOM.
import { describe, expect, it } from 'vitest';
import {
  addStudent,
  createBackup,
  createBackupFile,
  parseBackup,
  putBlob,
  recordEvidence,
  restoreBackup,
  saveDraft,
  seedFirstRun,
  serializeBackup,
  tombstone,
  writeBackup,
  WaypointDb,
  type BackupProgress,
  type Store,
} from '#db';
import { testStore } from '#tests/helpers/test-store.ts';
import { deviceContents } from './device-contents.ts';

const teacher = { kind: 'teacher', id: 't' } as const;

/** A device with more rows and attachments than one page holds, tombstones, drafts and unsent changes. */
async function busyDevice(): Promise<Store> {
  const store = testStore();
  await seedFirstRun(store);
  const ana = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
  for (let i = 0; i < 9; i++) {
    const bytes = new Uint8Array(20_000 + i).map((_, j) => (j * (i + 3)) % 256).buffer;
    const blobId = await putBlob(store, bytes, i % 2 ? 'audio/webm' : 'image/webp');
    await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'workSample',
      blobIds: [blobId],
      recordedBy: teacher,
    });
  }
  for (let i = 0; i < 30; i++) {
    await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['t2'],
      kind: 'observation',
      level: i % 5,
      recordedBy: teacher,
    });
  }
  const ben = await addStudent(store, { classId: 'c1', displayName: 'Ben', picture: 'owl', familyLanguage: 'en' });
  await tombstone(store.db, store.env, 'students', ben.id);
  await saveDraft(store, `check:${ana.id}:t1`, { answered: ['a'] });
  return store;
}

describe('a backup written in pieces', () => {
  it('is, piece by piece and page by page, exactly the file the whole backup made', async () => {
    const store = await busyDevice();
    const whole = serializeBackup(await createBackup(store)).join('');
    const pieces: string[] = [];
    const progress: BackupProgress[] = [];
    const summary = await writeBackup(
      store,
      (p) => pieces.push(p),
      (p) => progress.push(p),
      { rows: 7, blobs: 2 },
    );
    expect(pieces.join('')).toBe(whole);
    // Pieces, not one string: no piece holds more than a page of rows or attachments.
    expect(pieces.length).toBeGreaterThan(30);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 4);
    expect(summary.files).toBe(9);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: progress[0]!.total, total: progress[0]!.total });
  });

  it('restores exactly what the device held: every row, stamp, tombstone, change, draft and byte', async () => {
    const store = await busyDevice();
    const before = await deviceContents(store);
    const { file, summary } = await createBackupFile(store);
    expect(file.type).toBe('application/json');
    expect(summary.files).toBe(9);
    const name = store.db.name;
    await store.db.delete();
    const fresh: Store = { db: new WaypointDb(name), env: store.env };
    await restoreBackup(fresh, await parseBackup(await file.text()));
    expect(await deviceContents(fresh)).toEqual(before);
  });

  it('writes an empty device as a backup that restores', async () => {
    const store = testStore();
    const pieces: string[] = [];
    await writeBackup(store, (p) => pieces.push(p));
    const parsed = await parseBackup(pieces.join(''));
    expect(parsed.blobs).toEqual([]);
    expect(pieces.join('')).toBe(serializeBackup(await createBackup(store)).join(''));
  });
});
