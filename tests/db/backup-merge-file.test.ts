// @vitest-environment node
// Node's crypto.subtle hashes attachments and refuses jsdom's ArrayBuffers; nothing here needs a DOM.
/**
 * Merging another tablet's backup from a file read in pieces (issue 17): a year with media is more than a
 * small tablet can hold in memory, so the merge reads the file as restore does. It must merge exactly what
 * the whole-file merge merges, refuse before writing what would not fit, and never leave half a merge.
 */
import { describe, expect, it } from 'vitest';
import {
  addStudent,
  ATTACHMENTS_JOURNAL_KEY,
  BackupFormatError,
  createBackupFile,
  mergeBackup,
  mergeBackupFile,
  NoRoomToMergeError,
  parseBackup,
  putBlob,
  readBackupFile,
  recordEvidence,
  seedFirstRun,
  settleInterruptedAttachments,
  updateStudent,
  type EvictedBlobRecord,
  type SpaceProbe,
  type Store,
} from '#db';
import { storeFileAttachments } from '#db/backup-attachments.ts';
import { testEnv, testStore } from '#tests/helpers/test-store.ts';
import { deviceContents } from './device-contents.ts';

const teacher = { kind: 'teacher', id: 't' } as const;
const MB = 1024 * 1024;
const bytesOf = (length: number, seed: number) => new Uint8Array(length).map((_, j) => (j * seed) % 256).buffer;

/** Another tablet: a child with photos and audio, notes with escapes and characters beyond ASCII. */
async function otherTablet(): Promise<{ store: Store; shared: string; movedOff: string }> {
  // Its own clock: the same test clock on both devices would give Ana and Zoe one id.
  const store = testStore(testEnv(Date.UTC(2026, 8, 2, 9)));
  const ana = await addStudent(store, {
    classId: 'c1',
    displayName: 'Ana “Ñ” 🦊',
    picture: 'fox',
    familyLanguage: 'es',
  });
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const id = await putBlob(store, bytesOf(4_000 + i, i + 3), i % 2 ? 'audio/webm' : 'image/webp');
    ids.push(id);
    await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'workSample',
      note: `She said "${'\\'.repeat(i)}mañana" ${i}`,
      blobIds: [id],
      recordedBy: teacher,
    });
  }
  store.env.advance(60_000);
  await updateStudent(store, ana.id, { picture: 'owl' });
  return { store, shared: ids[0]!, movedOff: ids[1]! };
}

/**
 * The teacher's device: its own child and photo, one attachment of the other tablet's it holds already,
 * and one it had moved to its server to free space (the row without bytes).
 */
async function teachersDevice(shared: string, movedOff: string, from: Store): Promise<Store> {
  const store = testStore();
  await seedFirstRun(store);
  await addStudent(store, { classId: 'c9', displayName: 'Zoe', picture: 'cat', familyLanguage: 'en' });
  await putBlob(store, bytesOf(3_000, 7), 'image/webp');
  const held = await from.db.blobs.get(shared);
  await store.db.blobs.put({ ...held!, uploadedAt: '2026-09-01T10:00:00.000Z' });
  const { bytes: _bytes, ...meta } = (await from.db.blobs.get(movedOff))!;
  await store.db.blobs.put({ ...meta, uploadedAt: '2026-09-01T10:00:00.000Z', evictedAt: '2026-09-02T10:00:00.000Z' });
  return store;
}

const roomy: SpaceProbe = async () => ({ usedBytes: 10 * MB, quotaBytes: 2_000 * MB });

describe('merging a backup file read in pieces', () => {
  it('merges exactly what merging the whole backup merges, with progress to the end of the file', async () => {
    const other = await otherTablet();
    const { file } = await createBackupFile(other.store);

    const viaWhole = await teachersDevice(other.shared, other.movedOff, other.store);
    const wholeReport = await mergeBackup(viaWhole, await parseBackup(await file.text()));

    const target = await teachersDevice(other.shared, other.movedOff, other.store);
    const progress: number[] = [];
    const report = await mergeBackupFile(target, file, await readBackupFile(file), {
      probe: roomy,
      onProgress: (p) => progress.push(p.done),
    });
    expect(report).toEqual(wholeReport);
    // Four attachments it lacked and the one it had moved off (it comes back, still known to be on the server).
    expect(report).toMatchObject({ newRecords: 6, newEvidence: 5, newAttachments: 4 });
    expect(await deviceContents(target)).toEqual(await deviceContents(viaWhole));
    expect((await target.db.blobs.get(other.movedOff))?.uploadedAt).toBe('2026-09-01T10:00:00.000Z');
    expect(progress.at(-1)).toBe(file.size);
    expect(await target.db.settings.get(ATTACHMENTS_JOURNAL_KEY)).toBeUndefined();

    // Merging the same file again changes nothing.
    const again = await mergeBackupFile(target, file, await readBackupFile(file), { probe: roomy });
    expect(again).toMatchObject({ newRecords: 0, updatedRecords: 0, newAttachments: 0, queuedForPush: 0 });
    expect(await deviceContents(target)).toEqual(await deviceContents(viaWhole));
  });

  it('refuses before writing anything when the merge would not fit the space left', async () => {
    const other = await otherTablet();
    const { file } = await createBackupFile(other.store);
    const target = await teachersDevice(other.shared, other.movedOff, other.store);
    const before = await deviceContents(target);
    // 40 MB left of the quota: the merge adds a few KB, but the minimum reserve (50 MB) must stay free.
    const tight: SpaceProbe = async () => ({ usedBytes: 960 * MB, quotaBytes: 1_000 * MB });
    const error = await mergeBackupFile(target, file, await readBackupFile(file), { probe: tight }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NoRoomToMergeError);
    expect((error as NoRoomToMergeError).leftBytes).toBe(40 * MB);
    expect((error as NoRoomToMergeError).neededBytes).toBeGreaterThan(50 * MB);
    expect(await deviceContents(target)).toEqual(before);
  });

  it('counts the attachments and records it adds, not those this device has', async () => {
    const other = await otherTablet();
    const { file } = await createBackupFile(other.store);
    const checked = await readBackupFile(file);
    const target = await teachersDevice(other.shared, other.movedOff, other.store);
    const sizes = checked.blobs.filter((b) => b.id !== other.shared).reduce((sum, b) => sum + b.size, 0);
    // Exactly enough room for the attachments and the reserve, none for the records: refused, and the
    // bytes it asks for are the attachments it lacks or moved off, the reserve and the new records.
    const left = sizes + 50 * MB;
    const probe: SpaceProbe = async () => ({ usedBytes: 1_000 * MB - left, quotaBytes: 1_000 * MB });
    const error = (await mergeBackupFile(target, file, checked, { probe }).catch(
      (e: unknown) => e,
    )) as NoRoomToMergeError;
    expect(error).toBeInstanceOf(NoRoomToMergeError);
    expect(error.neededBytes - left).toBeGreaterThan(0);
    expect(error.neededBytes - left).toBeLessThan(50_000);
  });

  it('leaves the device as it was when the file turns out damaged on the second reading', async () => {
    const other = await otherTablet();
    const { file } = await createBackupFile(other.store);
    const checked = await readBackupFile(file);
    const text = await file.text();
    const at = text.lastIndexOf('"base64":"') + 20;
    const damaged = new Blob([text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1)]);

    const target = await teachersDevice(other.shared, other.movedOff, other.store);
    const before = await deviceContents(target);
    // Attachments before the damaged one, and the one moved off, were stored on the way: all put back.
    await expect(mergeBackupFile(target, damaged, checked, { probe: roomy })).rejects.toBeInstanceOf(BackupFormatError);
    expect(await deviceContents(target)).toEqual(before);
  });

  it('leaves nothing of a merge whose tab was closed after its attachments were stored', async () => {
    const other = await otherTablet();
    const { file } = await createBackupFile(other.store);
    const target = await teachersDevice(other.shared, other.movedOff, other.store);
    const before = await deviceContents(target);
    // The merge got as far as storing the attachments; its records were never written.
    const ids = (await readBackupFile(file)).blobs.map((b) => b.id).filter((id) => id !== other.shared);
    const movedOff = (await target.db.blobs.get(other.movedOff)) as EvictedBlobRecord;
    await storeFileAttachments(target, file, {
      wanted: new Set(ids),
      added: new Set(ids.filter((id) => id !== other.movedOff)),
      evicted: new Map([[other.movedOff, movedOff]]),
      row: ({ uploadedAt: _elsewhere, ...blob }) => blob,
    });
    expect(await target.db.blobs.count()).toBe(6);
    await settleInterruptedAttachments(target);
    expect(await deviceContents(target)).toEqual(before);
  });
});
