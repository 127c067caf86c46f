/**
 * Blobs no record cites: each uploader (and each class's devices together) may keep only so many bytes
 * waiting on the server, a citation frees them, and the server removes what stays uncited past the grace
 * period — never a cited blob, nor one whose citation commits while the sweep runs. SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Change, type ErrorBody, type PushResponse, type SessionResponse } from '#protocol';
import pg from 'pg';
import type { BlobMetaRow } from '#server/storage/storage.ts';
import {
  DEFAULT_UNCITED_BLOB_POLICY,
  uncitedBlobPolicyFromEnv,
  type UncitedBlobPolicy,
} from '#server/sync/uncited-blobs.ts';
import { createTestStorage, storageKinds, type TestStorage } from './helpers/databases.ts';
import { change, hlc, mediaBytes, newId, seedSchool, teacherEvidence, type SchoolFixture } from './helpers/fixtures.ts';
import { enroll, setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const DAY = 24 * 3600_000;

const POLICY: UncitedBlobPolicy = {
  teacherTokenBytes: 30_000,
  childDeviceTokenBytes: 20_000,
  classBytes: 35_000,
  graceMs: 10 * DAY,
};

/** A PNG-labelled blob of exactly `size` bytes, different every time. */
function blobOf(size: number): Buffer<ArrayBuffer> {
  const head = mediaBytes('png', newId('b'));
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x2e)]);
}

describe.each(available)('uncited blobs on %s', (kind) => {
  let server: TestServer;
  let school: SchoolSetup;
  let tablet: SessionResponse;
  let station: SessionResponse;
  let ana: string;

  const put = (token: string, bytes: Buffer<ArrayBuffer>) =>
    server.call<ErrorBody>('PUT', `/api/v1/blobs/${sha256(bytes)}`, {
      token,
      raw: bytes,
      headers: { 'content-type': 'image/png' },
    });
  const stored = async (bytes: Buffer) =>
    (await server.storage.getBlobMeta(school.teacher.scope.schoolId, sha256(bytes))) !== undefined;
  const push = async (token: string, changes: Change[]) => {
    const r = await server.call<PushResponse>('POST', '/api/v1/sync/push', {
      token,
      body: { protocolVersion: PROTOCOL_VERSION, deviceId: 'dev', changes },
    });
    expect(r.body.rejected).toEqual([]);
    return r.body;
  };
  const cite = (...blobs: Buffer[]) =>
    push(tablet.token, [
      change(
        'evidence',
        newId('ev'),
        teacherEvidence(ana, { blobIds: blobs.map(sha256) }),
        hlc(server.clock.now(), 'dev-t'),
      ),
    ]);

  beforeEach(async () => {
    server = await startTestServer(kind, undefined, { uncitedBlobs: POLICY });
    school = await setUpSchool(server);
    tablet = await enroll(server, school.joinCode, 'teacher', school.teacher.token);
    station = await enroll(server, school.joinCode, 'station');
    ana = newId('ana');
    await push(school.teacher.token, [
      change('students', ana, { classId: school.classId, displayName: 'Ana', picture: 'fox' }, hlc(server.clock.now())),
    ]);
  });
  afterEach(async () => server?.close());

  it('refuses a station’s upload past its bound with 429 uploadQuotaExceeded and stores nothing', async () => {
    const first = blobOf(15_000);
    expect((await put(station.token, first)).status).toBe(201);
    const second = blobOf(10_000);
    const refused = await put(station.token, second);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('uploadQuotaExceeded');
    expect(refused.body.error.message).toMatch(/no record uses yet.*Nothing was stored/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await stored(second)).toBe(false);
    // Re-sending what is already there is no new byte: still answered.
    expect((await put(station.token, first)).status).toBe(200);
    // Another device of the class has a bound of its own (a teacher tablet's is larger).
    expect((await put(tablet.token, blobOf(19_000))).status).toBe(201);
  });

  it('counts a tiny blob as 4 KB: a bound in bytes also bounds how many rows tiny uploads make', async () => {
    for (let i = 0; i < 4; i++) expect((await put(station.token, blobOf(100))).status).toBe(201);
    expect((await put(station.token, blobOf(100))).status).toBe(429);
  });

  it('a citation frees the bound, and a blob cited before it arrives never counts', async () => {
    const first = blobOf(15_000);
    expect((await put(station.token, first)).status).toBe(201);
    const second = blobOf(10_000);
    expect((await put(station.token, second)).status).toBe(429);
    await cite(first);
    expect((await put(station.token, second)).status).toBe(201);
    // The app's usual order: the record first, then its photo, stored however much else waits.
    const big = blobOf(19_000);
    await cite(big);
    expect((await put(station.token, big)).status).toBe(201);
  });

  it('bounds a class’s devices together: a join code mints stations, not more room', async () => {
    const stations = [station, ...(await Promise.all([1, 2].map(() => enroll(server, school.joinCode, 'station'))))];
    expect((await put(stations[0]!.token, blobOf(18_000))).status).toBe(201);
    expect((await put(stations[1]!.token, blobOf(15_000))).status).toBe(201);
    const refused = await put(stations[2]!.token, blobOf(5_000));
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^This class's devices already keep/);
    // A teacher's own sign-in belongs to no class: only its own bound applies.
    expect((await put(school.teacher.token, blobOf(29_000))).status).toBe(201);
  });

  it('sweeps uncited blobs past the grace period, keeps cited and recent ones; a late citation is still accepted', async () => {
    const old = blobOf(6_000);
    const oldCited = blobOf(6_000);
    expect((await put(station.token, old)).status).toBe(201);
    expect((await put(station.token, oldCited)).status).toBe(201);
    await cite(oldCited);
    server.clock.advance(POLICY.graceMs - DAY);
    const recent = blobOf(6_000);
    expect((await put(station.token, recent)).status).toBe(201);
    server.clock.advance(2 * DAY);
    // An upload an hour or more after the last sweep sweeps again.
    expect((await put(tablet.token, blobOf(1_000))).status).toBe(201);
    expect(await stored(old)).toBe(false);
    expect(await stored(oldCited)).toBe(true);
    expect(await stored(recent)).toBe(true);
    // The device's record citing the swept photo arrives late: accepted, and the answer names the photo as
    // missing (the device sends it again); sending it stores it.
    expect((await cite(old)).missingBlobIds).toEqual([sha256(old)]);
    expect((await cite(oldCited)).missingBlobIds).toBeUndefined();
    expect((await put(station.token, old)).status).toBe(201);
    expect((await server.call('GET', `/api/v1/blobs/${sha256(old)}`, { token: tablet.token })).status).toBe(200);
  });

  it('a re-send dates an uncited blob anew, so the sweep keeps what the device was just told is stored', async () => {
    const resent = blobOf(6_000);
    expect((await put(station.token, resent)).status).toBe(201);
    server.clock.advance(POLICY.graceMs - DAY);
    expect((await put(station.token, resent)).status).toBe(200);
    server.clock.advance(2 * DAY);
    expect((await put(tablet.token, blobOf(1_000))).status).toBe(201);
    expect(await stored(resent)).toBe(true);
  });
});

describe.each(available)('uncited blobs in storage on %s', (kind) => {
  let t: TestStorage;
  let s: SchoolFixture;
  beforeEach(async () => {
    t = await createTestStorage(kind);
    s = await seedSchool(t.storage);
  });
  afterEach(async () => t?.dispose());

  const AT = '2026-01-01T00:00:00.000Z';
  const LATER = '2026-03-01T00:00:00.000Z';
  const meta = (bytes: Buffer, tokenId: string): BlobMetaRow => ({
    schoolId: s.schoolId,
    sha256: sha256(bytes),
    size: bytes.length,
    mime: 'image/png',
    classId: s.classId,
    tokenId,
    createdAt: AT,
  });

  it('never sweeps a blob whose citation commits while the sweep waits for the school', async () => {
    const photo = blobOf(600);
    expect(await t.storage.storeBlob(meta(photo, 'tok'), photo, LIMITS)).toEqual({ kind: 'created' });
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    // A push holding the school's lock, its citation written but not committed yet.
    const pushing = t.storage.syncTransaction(s.schoolId, async (tx) => {
      await tx.addBlobRefs([
        { schoolId: s.schoolId, sha256: sha256(photo), classId: s.classId, studentId: 'stu', granted: true },
      ]);
      inside();
      await held;
    });
    await entered;
    // PostgreSQL: a second server process sweeps, and waits for the school behind the push. (SQLite has
    // one writer: the sweep queues behind the push on the same connection.)
    const sweeper = kind === 'postgres' ? t.openAnother() : t.storage;
    try {
      const sweeping = sweeper.sweepUncitedBlobs(LATER);
      if (kind === 'postgres') await untilSomeoneWaitsForALock(t.url ?? '');
      commit();
      await pushing;
      expect(await sweeping).toBe(0);
    } finally {
      commit();
      if (sweeper !== t.storage) await sweeper.close();
    }
    expect(await t.storage.getBlobMeta(s.schoolId, sha256(photo))).toBeDefined();
  });

  it('concurrent uploads from two server processes never pass the bound together', async () => {
    const processes = kind === 'postgres' ? [t.storage, t.openAnother()] : [t.storage];
    try {
      const blobs = Array.from({ length: 12 }, () => blobOf(5000));
      const outcomes = await Promise.all(
        blobs.map((b, i) =>
          processes[i % processes.length]!.storeBlob(meta(b, i % 3 === 0 ? 'tok-a' : 'tok-b'), b, {
            tokenBytes: 100_000,
            classBytes: 25_000,
          }),
        ),
      );
      expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(5);
      expect(outcomes.filter((o) => o.kind === 'overQuota')).toHaveLength(7);
    } finally {
      for (const p of processes) if (p !== t.storage) await p.close();
    }
  });
});

const LIMITS = { tokenBytes: 100_000, classBytes: 100_000 };

/** Polls PostgreSQL until some session waits for a lock (no timing: a sweep that never waited hangs the test). */
async function untilSomeoneWaitsForALock(url: string): Promise<void> {
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  try {
    for (;;) {
      const { rows } = await watcher.query<{ n: string }>('SELECT count(*) AS n FROM pg_locks WHERE NOT granted');
      if (Number(rows[0]?.n) >= 1) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await watcher.end();
  }
}

describe('the operator’s settings', () => {
  it('reads the grace period and the class bound from the environment, and refuses nonsense', () => {
    expect(uncitedBlobPolicyFromEnv({})).toEqual(DEFAULT_UNCITED_BLOB_POLICY);
    const set = uncitedBlobPolicyFromEnv({ UNCITED_BLOB_GRACE_DAYS: '7', UNCITED_BLOB_CLASS_MB: '200' });
    expect(set.graceMs).toBe(7 * DAY);
    expect(set.classBytes).toBe(200 * 1024 * 1024);
    expect(set.teacherTokenBytes).toBe(DEFAULT_UNCITED_BLOB_POLICY.teacherTokenBytes);
    expect(() => uncitedBlobPolicyFromEnv({ UNCITED_BLOB_GRACE_DAYS: '0' })).toThrow(/UNCITED_BLOB_GRACE_DAYS/);
    expect(() => uncitedBlobPolicyFromEnv({ UNCITED_BLOB_CLASS_MB: 'lots' })).toThrow(/UNCITED_BLOB_CLASS_MB/);
  });
});
