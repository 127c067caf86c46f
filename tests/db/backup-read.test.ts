// @vitest-environment node
// Node's crypto.subtle hashes attachments and refuses jsdom's ArrayBuffers; nothing here needs a DOM.
/**
 * A backup read in pieces (issue 17): a year's backup with media (some 1.5 GB) is more than one string may
 * hold, so restore reads the file a chunk at a time and parses each row and attachment on its own. These
 * tests split files at every kind of boundary (inside strings, escapes, numbers, keys, multi-byte
 * characters) and check the result is exactly what reading the whole text gives.
 */
import { describe, expect, it } from 'vitest';
import {
  addStudent,
  BackupFormatError,
  BackupPieceReader,
  createBackupFile,
  fileText,
  parseBackup,
  putBlob,
  readBackupFile,
  readBackupText,
  recordEvidence,
  restoreBackup,
  restoreBackupFile,
  saveDraft,
  seedFirstRun,
  tombstone,
  type BackupPiece,
  type Store,
} from '#db';
import { testStore } from '#tests/helpers/test-store.ts';
import { deviceContents } from './device-contents.ts';

const teacher = { kind: 'teacher', id: 't' } as const;

/** Rows and attachments, notes with quotes, backslashes, escapes and characters beyond ASCII. */
async function busyDevice(): Promise<Store> {
  const store = testStore();
  await seedFirstRun(store);
  const ana = await addStudent(store, {
    classId: 'c1',
    displayName: 'Ana “Ñ” 🦊',
    picture: 'fox',
    familyLanguage: 'es',
  });
  for (let i = 0; i < 6; i++) {
    const bytes = new Uint8Array(5_000 + i).map((_, j) => (j * (i + 3)) % 256).buffer;
    await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'workSample',
      note: `She said "${'\\'.repeat(i)}mañana" \u2028 ${i}`,
      blobIds: [await putBlob(store, bytes, i % 2 ? 'audio/webm' : 'image/webp')],
      recordedBy: teacher,
    });
  }
  const ben = await addStudent(store, { classId: 'c1', displayName: 'Ben', picture: 'owl', familyLanguage: 'en' });
  await tombstone(store.db, store.env, 'students', ben.id);
  await saveDraft(store, `check:${ana.id}:t1`, { answered: ['a'], at: 1.5e-7 });
  return store;
}

async function* chunksOf(text: string, sizes: (index: number) => number): AsyncGenerator<string> {
  for (let at = 0, n = 0; at < text.length; n += 1) {
    const size = sizes(n);
    yield text.slice(at, at + size);
    at += size;
  }
}

/** What reading the whole text gives, as plain data (attachments as their bytes). */
async function asRead(read: Promise<unknown>, blobs: unknown[]) {
  return { backup: await read, blobs };
}

function collect() {
  const blobs: { id: string; bytes: number[] }[] = [];
  return {
    blobs,
    onBlob: async (b: { id: string; bytes: ArrayBuffer }) => {
      blobs.push({ id: b.id, bytes: [...new Uint8Array(b.bytes)] });
    },
  };
}

describe('the backup piece reader', () => {
  it('finds the same pieces wherever a small file is split: in strings, escapes, numbers and keys', () => {
    const text =
      '{"format":"waypoint-backup","n":-12.5e+3,"tables":{"evidence":[{"id":"a\\"b\\\\","x":[1,{"y":"}]"}]},' +
      '{"id":"\\u00e9ñ🦊"}],"students":[]},"outbox":[],"blobs":[{"id":"z","base64":"QUJD"}],"t":true}';
    const whole = new BackupPieceReader().push(text);
    expect(whole).toEqual([
      { kind: 'head', key: 'format', value: 'waypoint-backup' },
      { kind: 'head', key: 'n', value: -12500 },
      { kind: 'head', key: 'tables', value: {} },
      { kind: 'row', table: 'evidence', value: { id: 'a"b\\', x: [1, { y: '}]' }] } },
      { kind: 'row', table: 'evidence', value: { id: 'éñ🦊' } },
      { kind: 'head', key: 'outbox', value: [] },
      { kind: 'head', key: 'blobs', value: [] },
      { kind: 'item', part: 'blobs', value: { id: 'z', base64: 'QUJD' } },
      { kind: 'head', key: 't', value: true },
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      const reader = new BackupPieceReader();
      const pieces: BackupPiece[] = [...reader.push(text.slice(0, cut)), ...reader.push(text.slice(cut))];
      reader.end();
      expect(pieces, `cut at ${cut}`).toEqual(whole);
    }
    const reader = new BackupPieceReader();
    const oneByOne = [...text].flatMap((c) => reader.push(c));
    reader.end();
    expect(oneByOne).toEqual(whole);
  });

  it('refuses what is not JSON, and a file that ends early', () => {
    expect(() => new BackupPieceReader().push('{"a":1,,}')).toThrow(BackupFormatError);
    expect(() => new BackupPieceReader().push('[1]')).toThrow(BackupFormatError);
    const cut = new BackupPieceReader();
    cut.push('{"format":"waypoint-backup","blobs":[{"id":"x"');
    expect(() => cut.end()).toThrow(/ends early/);
  });
});

describe('a backup file read in pieces', () => {
  it('reads exactly what parsing the whole text reads, for chunks of any size', async () => {
    const store = await busyDevice();
    const { file } = await createBackupFile(store);
    const text = await file.text();
    const whole = await parseBackup(text);
    const expected = {
      backup: { ...whole, blobs: whole.blobs.map(({ bytes: _b, ...meta }) => meta) },
      blobs: whole.blobs.map((b) => ({ id: b.id, bytes: [...new Uint8Array(b.bytes)] })),
    };
    for (const sizes of [() => 1 << 20, (n: number) => 1 + ((n * 7919) % 97), () => 4093]) {
      const { blobs, onBlob } = collect();
      expect(await asRead(readBackupText(chunksOf(text, sizes), onBlob), blobs)).toEqual(expected);
    }
    // Bytes cut inside multi-byte characters (ñ, “, 🦊) are decoded across the cut.
    const { blobs, onBlob } = collect();
    const decoded: string[] = [];
    for await (const t of fileText(file, 7)) decoded.push(t);
    expect(decoded.join('')).toBe(text);
    expect(await asRead(readBackupFile(file, onBlob), blobs)).toEqual(expected);
  });

  it('names a damaged attachment and hands on none after it', async () => {
    const store = await busyDevice();
    const text = await (await createBackupFile(store)).file.text();
    const second = text.indexOf('"base64":"', text.indexOf('"base64":"') + 1) + 20;
    const damaged = text.slice(0, second) + (text[second] === 'A' ? 'B' : 'A') + text.slice(second + 1);
    const { blobs, onBlob } = collect();
    const error = await readBackupText(
      chunksOf(damaged, () => 1000),
      onBlob,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFormatError);
    expect((error as BackupFormatError).problems).toEqual([expect.stringMatching(/attachment .* is damaged/)]);
    expect(blobs).toHaveLength(1);
  });

  it('refuses a file that is not a Waypoint backup from its first key, without reading on', async () => {
    const text = '{"format":"something-else","tables":' + 'x'.repeat(10_000);
    const error = await readBackupText(chunksOf(text, () => 100)).catch((e: unknown) => e);
    expect((error as BackupFormatError).problems).toEqual([expect.stringMatching(/not a Waypoint backup/)]);
  });

  it('refuses rows of a list that is no table at once, without reading (and keeping) the rest', async () => {
    // A damaged file whose "tables" never closes: the attachments would all be read as rows and kept.
    async function* damaged(): AsyncGenerator<string> {
      yield '{"format":"waypoint-backup","formatVersion":1,"tables":{"evidence":[],"outbox":[],"blobs":[{"id":"a"';
      yield ',"base64":"QUJD"},';
      throw new Error('read past the first unknown row');
    }
    const error = await readBackupText(damaged()).catch((e: unknown) => e);
    expect((error as BackupFormatError).problems).toEqual(['unknown table "blobs"']);
  });

  it('restores from the file exactly what restoring the whole backup does, and drops attachments it lacks', async () => {
    const source = await busyDevice();
    const { file } = await createBackupFile(source);
    const viaWhole = testStore();
    await restoreBackup(viaWhole, await parseBackup(await file.text()));

    const target = testStore();
    await putBlob(target, new Uint8Array([9, 9, 9]).buffer, 'image/webp');
    const progress: number[] = [];
    await restoreBackupFile(target, file, await readBackupFile(file), { onProgress: (p) => progress.push(p.done) });
    expect(await deviceContents(target)).toEqual(await deviceContents(viaWhole));
    expect(progress.at(-1)).toBe(file.size);
  });

  it('leaves the device as it was when the file turns out damaged on the second reading', async () => {
    const source = await busyDevice();
    const { file } = await createBackupFile(source);
    const checked = await readBackupFile(file);
    const text = await file.text();
    const at = text.lastIndexOf('"base64":"') + 20;
    const damaged = new Blob([text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1)]);

    const target = testStore();
    await addStudent(target, { classId: 'c9', displayName: 'Zoe', picture: 'cat', familyLanguage: 'en' });
    const before = await deviceContents(target);
    // The attachments before the damaged one were stored on the way; they are removed again.
    await expect(restoreBackupFile(target, damaged, checked, { replace: true })).rejects.toBeInstanceOf(
      BackupFormatError,
    );
    expect(await deviceContents(target)).toEqual(before);
  });
});
