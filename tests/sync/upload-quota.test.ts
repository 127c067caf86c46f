/**
 * The server refuses an upload for its bound on bytes no record cites (429 uploadQuotaExceeded): the
 * tablet keeps the file queued (never marked refused, never moved off the tablet), finishes its round,
 * tries again in a later one without hammering the server, and tells the teacher once it lasts an hour.
 * And a file the server removed uncited before the evidence naming it arrived is sent again.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '#protocol';
import { addStudent, getBlob, listNotSaved, putBlob, readSyncStatus, recordEvidence } from '#db';
import { DEFAULT_UNCITED_BLOB_POLICY } from '#server/sync/uncited-blobs.ts';
import { syncOnce, SyncError, type SyncTransport } from '#sync';
import { enroll, setUpSchool, startTestServer, type TestServer } from '#tests/server/helpers/http.ts';
import { testStore } from '#tests/helpers/test-store.ts';
import { enrolledDevice, teacherDevice } from './devices.ts';

const T0 = Date.parse('2026-10-05T08:00:00Z');
const HOUR = 3600_000;
const teacher = { kind: 'teacher', id: 't' } as const;

/** A server that stores `cited` (its evidence arrived) and refuses the rest for its bound, until it has room. */
function quotaServer(cited: () => string) {
  const sent: string[] = [];
  let full = true;
  const transport: SyncTransport = {
    push: async (request): Promise<PushResponse> => ({
      accepted: request.changes.map((c) => c.changeId),
      rejected: [],
      serverTime: T0,
    }),
    pull: async (): Promise<PullResponse> => ({ changes: [], cursor: 'c1', hasMore: false, serverTime: T0 }),
    putBlob: async (id) => {
      sent.push(id);
      if (full && id !== cited()) throw new SyncError('This device already keeps 300 MB…', 'uploadQuotaExceeded', true);
    },
    getBlob: () => Promise.reject(new Error('no blobs')),
  };
  return { transport, sent, makeRoom: () => (full = false) };
}

describe('an upload refused for the server’s bound on uncited bytes', { timeout: 30_000 }, () => {
  it('keeps the files queued, finishes the round, sends one uncited file a round, and says so after an hour', async () => {
    const store = testStore();
    store.env.setNow(T0);
    const ana = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    const clips = [
      await putBlob(store, new Uint8Array([1]).buffer, 'audio/webm'),
      await putBlob(store, new Uint8Array([2]).buffer, 'audio/webm'),
    ];
    const photo = await putBlob(store, new Uint8Array([3]).buffer, 'image/webp');
    await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['lt-names-upper'],
      kind: 'workSample',
      blobIds: [photo],
      recordedBy: teacher,
    });
    const server = quotaServer(() => photo);

    const first = await syncOnce({ store, transport: server.transport });
    expect(first.uploaded).toBe(1);
    // The photo its evidence names first; then one uncited clip, refused, and no more this round.
    expect(server.sent).toHaveLength(2);
    expect(server.sent[0]).toBe(photo);
    expect((await getBlob(store, photo))?.uploadedAt).toBeDefined();
    for (const id of clips) {
      const blob = await getBlob(store, id);
      expect(blob?.refusedAt).toBeUndefined();
      expect(blob?.uploadedAt).toBeUndefined();
    }
    const status = await readSyncStatus(store);
    expect(status).toMatchObject({ pendingUploads: 2, lastError: null, notSaved: [], uploadsHeld: false });
    expect(status.lastSyncedAt).not.toBeNull();
    expect(await listNotSaved(store)).toEqual([]);

    store.env.advance(HOUR);
    await syncOnce({ store, transport: server.transport });
    expect(server.sent).toHaveLength(3);
    expect((await readSyncStatus(store)).uploadsHeld).toBe(true);

    server.makeRoom();
    const later = await syncOnce({ store, transport: server.transport });
    expect(later.uploaded).toBe(2);
    expect(await readSyncStatus(store)).toMatchObject({ pendingUploads: 0, uploadsHeld: false });
  });
});

describe('over HTTP: a clip no record cites, past a teacher’s bound', { timeout: 30_000 }, () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  it('is refused and stays queued, while the photo its evidence names is stored', async () => {
    server = await startTestServer('sqlite', undefined, {
      uncitedBlobs: { teacherTokenBytes: 10, childDeviceTokenBytes: 10, classBytes: 10, graceMs: 30 * 24 * HOUR },
    });
    server.clock.advance(T0 - server.clock.now());
    const school = await setUpSchool(server);
    const account = await teacherDevice('t', () => server!.base, school, T0, server.clock);
    const store = account.store;
    const ana = await addStudent(store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    const clip = await putBlob(store, new TextEncoder().encode('OggS a read-aloud clip').buffer, 'audio/ogg');
    const photo = await putBlob(store, new TextEncoder().encode('OggS a voice note for Ana').buffer, 'audio/ogg');
    await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['lt-names-upper'],
      kind: 'observation',
      blobIds: [photo],
      recordedBy: teacher,
    });
    const result = await account.sync();
    expect(result.uploaded).toBe(1);
    expect((await getBlob(store, photo))?.uploadedAt).toBeDefined();
    const kept = await getBlob(store, clip);
    expect(kept?.uploadedAt).toBeUndefined();
    expect(kept?.refusedAt).toBeUndefined();
    expect(await readSyncStatus(store)).toMatchObject({ pendingUploads: 1, lastError: null, notSaved: [] });
  });
});

describe('over HTTP: a photo the server removed uncited before its evidence arrived', { timeout: 30_000 }, () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  it('is sent again in the round that pushes the evidence naming it', async () => {
    server = await startTestServer('sqlite', undefined, {
      uncitedBlobs: { ...DEFAULT_UNCITED_BLOB_POLICY, graceMs: 30 * 24 * HOUR },
    });
    server.clock.advance(T0 - server.clock.now());
    const school = await setUpSchool(server);
    // A class tablet and a station: enrolled devices, whose tokens outlast the month below.
    const account = await enrolledDevice(
      'tablet',
      () => server!.base,
      { joinCode: school.joinCode, kind: 'teacher', teacherToken: school.teacher.token },
      T0,
      server.clock,
    );
    const station = await enroll(server, school.joinCode, 'station');
    const store = account.store;
    const bytes = new TextEncoder().encode('OggS a voice note recorded before its evidence');
    const note = await putBlob(store, bytes.buffer, 'audio/ogg');
    expect((await account.sync()).uploaded).toBe(1);
    // A month on, an upload (anyone's) sweeps what no record cites: the note is gone from the server.
    server.clock.advance(31 * 24 * HOUR);
    store.env.advance(31 * 24 * HOUR);
    const other = Buffer.from('OggS someone else');
    const sha = createHash('sha256').update(other).digest('hex');
    const put = await server.call('PUT', `/api/v1/blobs/${sha}`, {
      token: station.token,
      raw: other,
      headers: { 'content-type': 'audio/ogg' },
    });
    expect(put.status).toBe(201);
    expect(await server.storage.getBlobMeta(school.teacher.scope.schoolId, note)).toBeUndefined();

    const ana = await addStudent(store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['lt-names-upper'],
      kind: 'observation',
      blobIds: [note],
      recordedBy: teacher,
    });
    const round = await account.sync();
    expect(round.uploaded).toBe(1);
    expect(await server.storage.getBlobMeta(school.teacher.scope.schoolId, note)).toBeDefined();
    expect((await getBlob(store, note))?.uploadedAt).toBeDefined();
  });
});
