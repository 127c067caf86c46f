/** Small builders for schools, classes and changes used across the server tests. */
import { formatHlc, type Change, type SyncedTable } from '#protocol';
import type { Storage } from '#server/storage/storage.ts';
import type { Principal } from '#server/sync/principal.ts';

let counter = 0;
/** Unique ids that pass the validators (not UUIDs: readable in failures). */
export function newId(prefix = 'id'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function hlc(wallMs: number, device = 'dev-a', count = 0): string {
  return formatHlc({ wallMs, counter: count }, device);
}

export function change(table: SyncedTable, recordId: string, fields: Record<string, unknown>, stamp: string): Change {
  return { changeId: newId('chg'), table, recordId, fields, hlc: stamp };
}

export interface SchoolFixture {
  readonly schoolId: string;
  readonly classId: string;
  readonly otherClassId: string;
  readonly teacher: Principal;
  readonly classDevice: Principal;
}

export async function seedSchool(storage: Storage): Promise<SchoolFixture> {
  const schoolId = newId('school');
  const classId = newId('class');
  const otherClassId = newId('class');
  const at = new Date(0).toISOString();
  await storage.createSchool({ id: schoolId, name: 'Test school', createdAt: at });
  await storage.createClass({ id: classId, schoolId, name: 'A', joinCode: newId('JOIN'), createdAt: at });
  await storage.createClass({ id: otherClassId, schoolId, name: 'B', joinCode: newId('JOIN'), createdAt: at });
  const base = { tokenId: 'test', schoolId, studentId: null, teacherId: null } as const;
  return {
    schoolId,
    classId,
    otherClassId,
    teacher: { ...base, kind: 'teacher', classId: null },
    classDevice: { ...base, kind: 'teacher', classId },
  };
}

/** Bytes that start like a real file of the type (its magic number) and differ by `tag`, so hashes differ. */
export function mediaBytes(
  type: 'png' | 'jpeg' | 'webp' | 'webm' | 'mp4' | 'ogg' | 'wav',
  tag: string,
): Buffer<ArrayBuffer> {
  const heads: Record<typeof type, Buffer> = {
    png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
    webm: Buffer.concat([
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]),
      Buffer.from('webm'),
    ]),
    mp4: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypM4A ')]),
    ogg: Buffer.from('OggS'),
    wav: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WAVEfmt ')]),
  };
  return Buffer.from([...heads[type], ...Buffer.from(` ${tag}`)]);
}

/** Evidence as a station or a child's own tablet records it (src/features/station/ChildSession.tsx). */
export function childEvidence(studentId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    studentId,
    targetIds: ['tg-1'],
    kind: 'selfAssessment',
    feeling: 3,
    observedAt: '2026-03-01T09:00:00.000Z',
    recordedAt: '2026-03-01T09:00:00.000Z',
    recordedBy: { kind: 'student', id: studentId },
    needsReview: true,
    ...extra,
  };
  // `undefined` leaves a field out, as JSON would.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Evidence as a teacher's tablet records it (src/db/evidence-repository.ts), with every required field. */
export function teacherEvidence(studentId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    studentId,
    targetIds: ['tg-1'],
    kind: 'observation',
    observedAt: '2026-03-01T09:00:00.000Z',
    recordedAt: '2026-03-01T09:00:00.000Z',
    recordedBy: { kind: 'teacher', id: 'teacher-1' },
    ...extra,
  };
}

/** A teacher's voiding of evidence, as the app writes it. */
export function voiding(reason: string): Record<string, unknown> {
  return { reason, at: '2026-03-02T09:00:00.000Z', by: { kind: 'teacher', id: 'teacher-1' } };
}
