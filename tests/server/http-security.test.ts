/** Every cross-scope attempt is refused; sign-in brute force is throttled. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type Change,
  type ErrorBody,
  type FamilyLinkResponse,
  type FamilyViewResponse,
  type PullResponse,
  type PushResponse,
  type SessionResponse,
} from '#protocol';
import { change, childEvidence, hlc, mediaBytes, newId, teacherEvidence } from './helpers/fixtures.ts';
import { enroll, setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

let server: TestServer;
let school: SchoolSetup;
let otherSchool: SchoolSetup;
let device: SessionResponse;
let station: SessionResponse;
let ana: string;
let ben: string;
let zed: string;
const anaEvidence = newId('ev');
const benEvidence = newId('ev');

const push = (token: string, changes: Change[]) =>
  server.call<PushResponse & ErrorBody>('POST', '/api/v1/sync/push', {
    token,
    body: { protocolVersion: PROTOCOL_VERSION, deviceId: 'dev', changes },
  });
const pull = (token: string) => server.call<PullResponse & ErrorBody>('GET', '/api/v1/sync/pull?since=0', { token });
const idsIn = (r: { body: PullResponse }) => new Set(r.body.changes.map((c) => c.recordId));

beforeAll(async () => {
  server = await startTestServer();
  school = await setUpSchool(server);
  otherSchool = await setUpSchool(server);
  device = await enroll(server, school.joinCode, 'teacher', school.teacher.token);
  station = await enroll(server, school.joinCode, 'station');
  [ana, ben, zed] = [newId('ana'), newId('ben'), newId('zed')];
  const r = await push(school.teacher.token, [
    change(
      'students',
      ana,
      { classId: school.classId, displayName: 'Ana', picture: 'fox', familyLanguage: 'es', birthDate: '2020-03-04' },
      hlc(1),
    ),
    change(
      'students',
      ben,
      { classId: school.classId, displayName: 'Ben', picture: 'owl', familyLanguage: 'en', birthDate: '2020-05-06' },
      hlc(1),
    ),
    change('students', zed, { classId: school.otherClassId, displayName: 'Zed', picture: 'cat' }, hlc(1)),
    change('evidence', anaEvidence, teacherEvidence(ana, { kind: 'observation', note: 'Ana note' }), hlc(2)),
    change('evidence', benEvidence, teacherEvidence(ben, { kind: 'observation', note: 'Ben note' }), hlc(2)),
    change('evidence', newId('ev'), teacherEvidence(zed, { kind: 'observation' }), hlc(2)),
  ]);
  expect(r.body.rejected).toEqual([]);
});
afterAll(async () => server?.close());

describe('scopes', () => {
  it('a class device cannot write to another class', async () => {
    const r = await push(device.token, [
      change('evidence', newId('ev'), teacherEvidence(zed, { kind: 'observation' }), hlc(3)),
      change('students', zed, { displayName: 'renamed' }, hlc(3)),
      change('students', newId('stu'), { classId: school.otherClassId }, hlc(3)),
    ]);
    expect(r.body.accepted).toEqual([]);
    expect(r.body.rejected.map((x) => x.reason)).toEqual([
      expect.stringMatching(/another class/),
      expect.stringMatching(/another class/),
      expect.stringMatching(/another class/),
    ]);
  });

  it('a class device cannot change the school or its teachers; a station changes nothing without a child', async () => {
    const schoolId = school.teacher.scope.schoolId;
    const r = await push(device.token, [
      change('schools', schoolId, { name: 'Renamed' }, hlc(3)),
      change('teachers', school.teacher.teacherId!, { displayName: 'x' }, hlc(3)),
    ]);
    expect(r.body.rejected.map((x) => x.reason)).toEqual([
      expect.stringMatching(/cannot change schools/),
      expect.stringMatching(/cannot change teachers/),
    ]);
    const fresh = await enroll(server, school.joinCode, 'station');
    const s = await push(fresh.token, [
      change(
        'evidence',
        anaEvidence,
        { voided: { reason: 'x', at: '2026-01-01T00:00:00.000Z', by: { kind: 'student', id: ana } } },
        hlc(3),
      ),
      change('paths', ana, { studentId: ana, entries: [] }, hlc(3)),
      change('evidence', newId('ev'), teacherEvidence(zed, { kind: 'observation' }), hlc(3)),
    ]);
    expect(s.body.rejected.map((x) => x.reason)).toEqual([
      expect.stringMatching(/sign a child in/),
      expect.stringMatching(/station cannot change paths/),
      expect.stringMatching(/another (class|school)/),
    ]);
    // Recorded offline, pushed after the child left: new evidence of a child of its class is kept.
    const later = await push(fresh.token, [
      change('evidence', newId('ev'), childEvidence(ana, { feeling: 2 }), hlc(3)),
    ]);
    expect(later.body.rejected).toEqual([]);
  });

  it('nothing of another school is visible or writable', async () => {
    const seen = idsIn(await pull(otherSchool.teacher.token));
    for (const id of [ana, ben, zed, anaEvidence, school.classId]) expect(seen.has(id)).toBe(false);
    // Naming this school's class from the other school is refused; the same record id stays separate.
    const r = await push(otherSchool.teacher.token, [
      change('students', newId('stu'), { classId: school.classId }, hlc(4)),
      change('evidence', newId('ev'), teacherEvidence(ana, { kind: 'observation' }), hlc(4)),
    ]);
    expect(r.body.accepted).toEqual([]);
    const enrollThere = await server.call('POST', '/api/v1/devices/enroll', {
      token: otherSchool.teacher.token,
      body: { joinCode: school.joinCode, kind: 'teacher', deviceId: 'x' },
    });
    expect(enrollThere.status).toBe(403);
  });

  it('a station sees the picture grid only until a child signs in, then that child alone', async () => {
    const grid = await pull(station.token);
    expect(idsIn(grid).has(anaEvidence)).toBe(false);
    expect(idsIn(grid).has(zed)).toBe(false);
    const fields = grid.body.changes.filter((c) => c.table === 'students').flatMap((c) => Object.keys(c.fields));
    // The grid's fields (the family language, for asking "Is it you?"), not the birth date, until they sign in.
    expect(new Set(fields)).toEqual(new Set(['classId', 'displayName', 'picture', 'familyLanguage']));

    const signIn = await server.call('POST', '/api/v1/station/sign-in', {
      token: station.token,
      body: { studentId: ana },
    });
    expect(signIn.status).toBe(200);
    const withAna = idsIn(await pull(station.token));
    expect(withAna.has(anaEvidence)).toBe(true);
    expect(withAna.has(benEvidence)).toBe(false);

    const own = await push(station.token, [change('evidence', newId('ev'), childEvidence(ana), hlc(5))]);
    expect(own.body.rejected).toEqual([]);
    const other = await push(station.token, [
      change(
        'evidence',
        benEvidence,
        { voided: { reason: 'x', at: '2026-01-01T00:00:00.000Z', by: { kind: 'student', id: ana } } },
        hlc(5),
      ),
      change('students', ana, { displayName: 'hacked' }, hlc(5)),
    ]);
    expect(other.body.accepted).toEqual([]);

    expect(
      (await server.call('POST', '/api/v1/station/sign-in', { token: station.token, body: { studentId: zed } })).status,
    ).toBe(404);
    expect((await server.call('POST', '/api/v1/station/sign-out', { token: station.token })).status).toBe(204);
    expect(idsIn(await pull(station.token)).has(anaEvidence)).toBe(false);
  });

  it('a station cannot mint family links, create classes, or enroll teacher devices', async () => {
    expect(
      (await server.call('POST', '/api/v1/family-links', { token: station.token, body: { studentId: ana } })).status,
    ).toBe(403);
    expect((await server.call('POST', '/api/v1/classes', { token: station.token, body: { name: 'x' } })).status).toBe(
      403,
    );
    expect(
      (
        await server.call('POST', '/api/v1/devices/enroll', {
          body: { joinCode: school.joinCode, kind: 'teacher', deviceId: 'x' },
        })
      ).status,
    ).toBe(401);
  });
});

describe('family links', () => {
  it('read one child only, never write, and stop working when revoked', async () => {
    const made = await server.call<FamilyLinkResponse>('POST', '/api/v1/family-links', {
      token: device.token,
      body: { studentId: ana },
    });
    expect(made.status).toBe(201);
    const view = await server.call<FamilyViewResponse>('GET', made.body.path);
    expect(view.status).toBe(200);
    const ids = new Set(view.body.records.map((r) => r.recordId));
    expect(ids.has(ana) && ids.has(anaEvidence)).toBe(true);
    expect(ids.has(ben) || ids.has(benEvidence) || ids.has(zed)).toBe(false);

    expect((await push(made.body.token, [change('evidence', newId('ev'), teacherEvidence(ana), hlc(6))])).status).toBe(
      401,
    );
    expect((await pull(made.body.token)).status).toBe(401);

    expect(
      (await server.call('DELETE', `/api/v1/family-links/${made.body.id}`, { token: school.teacher.token })).status,
    ).toBe(204);
    expect((await server.call('GET', made.body.path)).status).toBe(401);
  });

  it('read blobs of their child’s evidence shared with the family only', async () => {
    const photo = mediaBytes('jpeg', 'ana painting');
    const other = mediaBytes('jpeg', 'ben painting');
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    for (const b of [photo, other]) {
      await server.call('PUT', `/api/v1/blobs/${sha(b)}`, {
        token: device.token,
        raw: b,
        headers: { 'content-type': 'image/jpeg' },
      });
    }
    await push(device.token, [
      change(
        'evidence',
        newId('ev'),
        teacherEvidence(ana, { kind: 'workSample', blobIds: [sha(photo)], sharedWithFamily: true }),
        hlc(8),
      ),
      change(
        'evidence',
        newId('ev'),
        teacherEvidence(ben, { kind: 'workSample', blobIds: [sha(other)], sharedWithFamily: true }),
        hlc(8),
      ),
    ]);
    const link = await server.call<FamilyLinkResponse>('POST', '/api/v1/family-links', {
      token: device.token,
      body: { studentId: ana },
    });
    const mine = await server.call<string>('GET', `${link.body.path}/blobs/${sha(photo)}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toContain('ana painting');
    expect((await server.call('GET', `${link.body.path}/blobs/${sha(other)}`)).status).toBe(404);
  });

  it('a teacher cannot make a link for a child outside their scope', async () => {
    expect(
      (await server.call('POST', '/api/v1/family-links', { token: device.token, body: { studentId: zed } })).status,
    ).toBe(404);
    expect(
      (
        await server.call('POST', '/api/v1/family-links', {
          token: otherSchool.teacher.token,
          body: { studentId: ana },
        })
      ).status,
    ).toBe(404);
  });
});

describe('tokens', () => {
  it('a revoked device token is refused everywhere', async () => {
    const d = await enroll(server, school.joinCode, 'station');
    expect((await pull(d.token)).status).toBe(200);
    expect((await server.call('DELETE', `/api/v1/devices/${d.deviceTokenId}`, { token: device.token })).status).toBe(
      204,
    );
    const after = await pull(d.token);
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
    expect((await push(d.token, [])).status).toBe(401);
  });

  it('another school cannot revoke this school’s devices', async () => {
    const r = await server.call('DELETE', `/api/v1/devices/${station.deviceTokenId}`, {
      token: otherSchool.teacher.token,
    });
    expect(r.status).toBe(404);
    expect((await pull(station.token)).status).toBe(200);
  });

  it('lists devices in scope for revoking, and tells a device its own scope', async () => {
    const all = await server.call<{ devices: { deviceTokenId: string; classId: string | null }[] }>(
      'GET',
      '/api/v1/devices',
      {
        token: device.token,
      },
    );
    expect(all.status).toBe(200);
    const ids = all.body.devices.map((d) => d.deviceTokenId);
    expect(ids).toEqual(expect.arrayContaining([station.deviceTokenId, device.deviceTokenId]));
    expect(all.body.devices.every((d) => d.classId === school.classId)).toBe(true);
    expect(JSON.stringify(all.body)).not.toMatch(/token"|tokenHash/);
    expect((await server.call('GET', '/api/v1/devices', { token: station.token })).status).toBe(403);
    const session = await server.call<SessionResponse>('GET', '/api/v1/session', { token: station.token });
    expect(session.body).toMatchObject({
      kind: 'station',
      scope: { schoolId: school.teacher.scope.schoolId, classId: school.classId },
    });
  });

  it('a teacher session expires', async () => {
    const s = await setUpSchool(server);
    server.clock.advance(31 * 24 * 3600 * 1000);
    const r = await pull(s.teacher.token);
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/expired/);
  });

  it('sign-in brute force is throttled per IP and email, and the right password then waits too', async () => {
    const s = await setUpSchool(server);
    const attempt = (password: string) =>
      server.call('POST', '/api/v1/auth/sign-in', { body: { email: s.email, password } });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401);
    expect((await attempt('wrong-again')).status).toBe(429);
    expect((await attempt(s.password)).status).toBe(429);
    server.clock.advance(16 * 60 * 1000);
    expect((await attempt(s.password)).status).toBe(200);
  });

  it('a child’s tablet is not the teacher’s known device: its wrong sign-ins count as a stranger’s', async () => {
    const s = await setUpSchool(server);
    const kid = newId('kid');
    expect(
      (await push(s.teacher.token, [change('students', kid, { classId: s.classId }, hlc(1))])).body.rejected,
    ).toEqual([]);
    const tablet = await server.call<SessionResponse>('POST', '/api/v1/devices/enroll', {
      token: s.teacher.token,
      body: { joinCode: s.joinCode, kind: 'student', deviceId: newId('tablet'), studentId: kid },
    });
    expect(tablet.status).toBe(201);
    const attempt = (password: string, token?: string) =>
      server.call('POST', '/api/v1/auth/sign-in', { body: { email: s.email, password }, ...(token ? { token } : {}) });
    // Enrolled with the teacher's token, it names the teacher, yet guessing from it gets no lane of its own.
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`, tablet.body.token)).status).toBe(401);
    expect((await attempt(s.password)).status).toBe(429);
    expect((await attempt(s.password, tablet.body.token)).status).toBe(429);
    // The teacher's own sign-in still is a known device.
    expect((await attempt(s.password, s.teacher.token)).status).toBe(200);
  });
});

describe('blobs', () => {
  it('are readable only where evidence citing them is visible', async () => {
    const bytes = mediaBytes('png', 'a drawing of a cat');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const put = await server.call('PUT', `/api/v1/blobs/${sha}`, {
      token: device.token,
      raw: bytes,
      headers: { 'content-type': 'image/png' },
    });
    expect(put.status).toBe(201);
    await push(device.token, [
      change('evidence', newId('ev'), teacherEvidence(ben, { kind: 'workSample', blobIds: [sha] }), hlc(7)),
    ]);
    expect((await server.call('GET', `/api/v1/blobs/${sha}`, { token: device.token })).status).toBe(200);
    // A fresh school: earlier tests moved the clock past otherSchool's session.
    const stranger = await setUpSchool(server);
    expect((await server.call('GET', `/api/v1/blobs/${sha}`, { token: stranger.teacher.token })).status).toBe(404);
    await server.call('POST', '/api/v1/station/sign-in', { token: station.token, body: { studentId: ana } });
    expect((await server.call('GET', `/api/v1/blobs/${sha}`, { token: station.token })).status).toBe(404);
    await server.call('POST', '/api/v1/station/sign-in', { token: station.token, body: { studentId: ben } });
    const got = await server.call<string>('GET', `/api/v1/blobs/${sha}`, { token: station.token });
    expect(got.status).toBe(200);
    expect(got.body).toContain('a drawing of a cat');
    expect(got.headers.get('content-type')).toBe('image/png');
  });
});
