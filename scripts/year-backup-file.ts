/**
 * Writes a backup file of a school year's shape for the memory measurements (scripts/restore-heap.ts,
 * scripts/merge-heap.ts): a class of 25 children, evidence rows with a UUID device id in every clock
 * stamp, and attachments of pseudo-random bytes (they do not compress, like photos and audio) named by
 * their real SHA-256. Written a row and an attachment at a time, so a file larger than one JavaScript
 * string may hold is made without holding it.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';

export interface YearBackupShape {
  readonly rows: number;
  readonly media: readonly { readonly count: number; readonly bytes: number; readonly mime: string }[];
}

const DEVICE = '0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6';
const stamp = (n: number) => `${1_790_000_000_000 + n * 60_000}-000000-${DEVICE}`;
const stamped = (fields: Record<string, unknown>, n: number) => ({
  ...fields,
  _hlc: Object.fromEntries(Object.keys(fields).map((f) => [f, stamp(n)])),
});

export async function writeYearBackupFile(path: string, shape: YearBackupShape): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> =>
    out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
  const head = {
    format: 'waypoint-backup',
    formatVersion: 1,
    createdAt: '2027-06-20T15:00:00.000Z',
    deviceId: DEVICE,
    schemaVersion: 1,
  };
  const student = (i: number) => `0192f3a4-0000-7000-8000-${String(i).padStart(12, '0')}`;
  const students = Array.from({ length: 25 }, (_, i) =>
    stamped(
      { id: student(i), classId: 'year-class', displayName: `Child ${i + 1}`, picture: 'star', familyLanguage: 'en' },
      i,
    ),
  );
  await write(`${JSON.stringify(head).slice(0, -1)},"tables":{"students":${JSON.stringify(students)},"evidence":[`);
  // Evidence cites the attachments, so their ids come first; their bytes are made again below.
  const ids: string[] = [];
  let n = 0;
  for (const kind of shape.media) {
    for (let i = 0; i < kind.count; i++, n++) ids.push(sha256(seededBytes(n, kind.bytes)));
  }
  for (let i = 0; i < shape.rows; i++) {
    const row = stamped(
      {
        id: `0192f3a4-5b6c-7d8e-9fa0-${String(i).padStart(12, '0')}`,
        studentId: student(i % 25),
        targetIds: ['rf-k-1'],
        kind: 'observation',
        level: i % 4,
        note: `Observed at the reading table, day ${i % 180}`,
        observedAt: '2026-10-05T09:00:00.000Z',
        recordedAt: '2026-10-05T09:00:00.000Z',
        recordedBy: { kind: 'teacher', id: '0192f3a4-1111-7000-8000-000000000001' },
        ...(i < ids.length ? { blobIds: [ids[i]] } : {}),
      },
      i,
    );
    await write(`${i > 0 ? ',' : ''}${JSON.stringify(row)}`);
  }
  await write(']},"outbox":[],"drafts":[],"settings":[],"blobs":[');
  n = 0;
  for (const kind of shape.media) {
    for (let i = 0; i < kind.count; i++, n++) {
      const bytes = seededBytes(n, kind.bytes);
      const blob = {
        id: ids[n],
        mime: kind.mime,
        size: kind.bytes,
        createdAt: '2026-10-05T09:00:00.000Z',
        base64: bytes.toString('base64'),
      };
      await write(`${n > 0 ? ',' : ''}${JSON.stringify(blob)}`);
    }
  }
  await write(']}');
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Pseudo-random bytes, the same for the same `seed`: AES in counter mode over zeros. */
function seededBytes(seed: number, length: number): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(seed, 0);
  return createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), iv).update(Buffer.alloc(length));
}
