/**
 * Blobs no record cites yet: how much each uploader may keep waiting on the server, and how long one waits
 * before the server removes it. A blob uploaded after the evidence that cites it (the app's usual order: a
 * device pushes, then uploads) is cited on arrival and never counts; these bounds only meet bytes sent ahead
 * of their records, or bytes no record will ever cite (a join code on the classroom wall filling the disk).
 *
 * The numbers come from what the app uploads (docs/sync-protocol.md, "Blobs"): a photo is compressed to at
 * most 300 KB (src/ui/capture/compress-image.ts), a voice clip lasts at most 2 minutes (about 1 MB of Opus,
 * up to ~4 MB as a polyfill's 16 kHz WAV), a drawing is a PNG of a small canvas.
 */
import type { UncitedBlobLimits } from '#server/storage/storage.ts';
import { roleOf } from './access.ts';
import type { Principal } from './principal.ts';

const MB = 1024 * 1024;

export interface UncitedBlobPolicy {
  /** What one teacher token (a teacher's sign-in or a class's teacher tablet) may keep uncited. */
  readonly teacherTokenBytes: number;
  /** What one station or child's tablet may keep uncited. */
  readonly childDeviceTokenBytes: number;
  /** What all the devices enrolled in one class (with its join code) may keep uncited together. */
  readonly classBytes: number;
  /** How long an uncited blob waits for a record to cite it before the server removes it. */
  readonly graceMs: number;
}

export const DEFAULT_UNCITED_BLOB_POLICY: UncitedBlobPolicy = {
  // A thousand photos sent ahead of their records: a tablet back from weeks offline, with room to spare.
  teacherTokenBytes: 300 * MB,
  // A class's week on one station (30 children × 5 days × a photo and a clip) before its records.
  childDeviceTokenBytes: 100 * MB,
  // A teacher tablet and a few stations of one class at once; what a join code can ever hold on the server.
  classBytes: 500 * MB,
  // Longer than a school holiday, so a tablet put away between an upload and its next push loses nothing.
  graceMs: 30 * 24 * 3600_000,
};

/** What the uploader may keep uncited: its own bound, and its class's (none for a teacher's sign-in). */
export function uncitedLimitsFor(p: Principal, policy: UncitedBlobPolicy): UncitedBlobLimits {
  const role = roleOf(p);
  const teacher = role === 'teacherAccount' || role === 'classDevice';
  return {
    tokenBytes: teacher ? policy.teacherTokenBytes : policy.childDeviceTokenBytes,
    classBytes: p.classId === null ? null : policy.classBytes,
  };
}

/** The policy with an operator's settings (UNCITED_BLOB_GRACE_DAYS, UNCITED_BLOB_CLASS_MB) applied. */
export function uncitedBlobPolicyFromEnv(env: NodeJS.ProcessEnv): UncitedBlobPolicy {
  const days = positive(env.UNCITED_BLOB_GRACE_DAYS, 'UNCITED_BLOB_GRACE_DAYS');
  const classMb = positive(env.UNCITED_BLOB_CLASS_MB, 'UNCITED_BLOB_CLASS_MB');
  return {
    ...DEFAULT_UNCITED_BLOB_POLICY,
    ...(days !== undefined ? { graceMs: days * 24 * 3600_000 } : {}),
    ...(classMb !== undefined ? { classBytes: classMb * MB } : {}),
  };
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${value}"`);
  return n;
}
