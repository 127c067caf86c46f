/**
 * One child's own tablet (kind `student`): enrolled with a join code and a teacher's token, scoped to the
 * class and that child, reading only the child's records with the content, writing like a station with
 * that child always signed in, listed with the class's devices and revocable. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type Change,
  type DeviceListResponse,
  type ErrorBody,
  type PullResponse,
  type PushResponse,
  type SessionResponse,
} from '#protocol';
import { storageKinds } from './helpers/databases.ts';
import { change, childEvidence, hlc, newId, teacherEvidence } from './helpers/fixtures.ts';
import { enroll, setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);

describe.each(available)('a student device on %s', (kind) => {
  let server: TestServer;
  let school: SchoolSetup;
  let ana: string;
  let ben: string;
  let gone: string;
  let zed: string;
  let benEvidence: string;
  let tablet: SessionResponse;

  const push = (token: string, changes: Change[]) =>
    server.call<PushResponse>('POST', '/api/v1/sync/push', {
      token,
      body: { protocolVersion: PROTOCOL_VERSION, deviceId: 'tablet', changes },
    });
  const enrollStudent = (studentId: string | undefined, token?: string, joinCode = school.joinCode) =>
    server.call<SessionResponse & ErrorBody>('POST', '/api/v1/devices/enroll', {
      ...(token ? { token } : {}),
      body: { joinCode, kind: 'student', deviceId: newId('tablet'), ...(studentId ? { studentId } : {}) },
    });

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await setUpSchool(server);
    [ana, ben, gone, zed, benEvidence] = ['ana', 'ben', 'gone', 'zed', 'ev'].map(newId) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const at = hlc(server.clock.now() - 1000);
    const r = await push(school.teacher.token, [
      change(
        'students',
        ana,
        { classId: school.classId, displayName: 'Ana', picture: 'fox', familyLanguage: 'es' },
        at,
      ),
      change('students', ben, { classId: school.classId, displayName: 'Ben', picture: 'owl' }, at),
      change('students', gone, { classId: school.classId, displayName: 'Gone', picture: 'cat', archived: true }, at),
      change('students', zed, { classId: school.otherClassId, displayName: 'Zed', picture: 'bee' }, at),
      change('evidence', newId('ev'), teacherEvidence(ana, { kind: 'observation', level: 2 }), at),
      change('evidence', benEvidence, teacherEvidence(ben, { kind: 'observation', level: 3 }), at),
    ]);
    expect(r.body.rejected).toEqual([]);
  });
  afterAll(async () => server?.close());

  it('needs a teacher’s token and a current child of the class', async () => {
    expect((await enrollStudent(ana)).status).toBe(401);
    const station = await enroll(server, school.joinCode, 'station');
    expect((await enrollStudent(ana, station.token)).status).toBe(403);
    expect((await enrollStudent(undefined, school.teacher.token)).status).toBe(400);
    expect((await enrollStudent(zed, school.teacher.token)).status).toBe(404);
    expect((await enrollStudent(gone, school.teacher.token)).status).toBe(404);
    expect((await enrollStudent(newId('nobody'), school.teacher.token)).status).toBe(404);
    const r = await enrollStudent(ana, school.teacher.token);
    expect(r.status).toBe(201);
    tablet = r.body;
    expect(tablet).toMatchObject({
      kind: 'student',
      scope: { schoolId: school.teacher.scope.schoolId, classId: school.classId, studentId: ana },
    });
    const session = await server.call<SessionResponse>('GET', '/api/v1/session', { token: tablet.token });
    expect(session.body).toMatchObject({ kind: 'student', scope: { classId: school.classId, studentId: ana } });
  });

  it('pulls its child, the content and its class, and nothing of other children, not even the picture grid', async () => {
    const page = (await server.call<PullResponse>('GET', '/api/v1/sync/pull?since=0', { token: tablet.token })).body;
    const ids = new Set(page.changes.map((c) => c.recordId));
    expect(ids.has(ana) && ids.has(school.classId)).toBe(true);
    for (const other of [ben, gone, zed, benEvidence, school.otherClassId]) expect(ids.has(other)).toBe(false);
    expect(page.changes.find((c) => c.recordId === ana)?.fields).toMatchObject({ familyLanguage: 'es' });
    expect(page.changes.some((c) => c.table === 'evidence' && c.fields.studentId === ana)).toBe(true);
  });

  it('writes like a station with its child always signed in', async () => {
    const mine = change('evidence', newId('ev'), childEvidence(ana), hlc(server.clock.now()));
    const choice = change(
      'decisions',
      newId('dec'),
      {
        studentId: ana,
        targetId: 'tg',
        kind: 'chooseNext',
        decidedAt: '2026-03-01',
        decidedBy: { kind: 'student', id: ana },
      },
      hlc(server.clock.now()),
    );
    const classmate = change('evidence', newId('ev'), childEvidence(ben), hlc(server.clock.now()));
    const mastered = change(
      'decisions',
      newId('dec'),
      {
        studentId: ana,
        targetId: 'tg',
        kind: 'markMastered',
        decidedAt: '2026-03-01',
        decidedBy: { kind: 'student', id: ana },
      },
      hlc(server.clock.now()),
    );
    const r = await push(tablet.token, [mine, choice, classmate, mastered]);
    expect(r.body.accepted).toEqual([mine.changeId, choice.changeId]);
    expect(r.body.rejected.map((x) => [x.changeId, x.code])).toEqual([
      [classmate.changeId, 'scope'],
      [mastered.changeId, 'forbidden'],
    ]);
    const signIn = await server.call('POST', '/api/v1/station/sign-in', {
      token: tablet.token,
      body: { studentId: ben },
    });
    expect(signIn.status).toBe(403);
  });

  it('is listed with the class’s devices and can be revoked', async () => {
    const list = await server.call<DeviceListResponse>('GET', '/api/v1/devices', { token: school.teacher.token });
    expect(list.body.devices).toContainEqual(
      expect.objectContaining({ deviceTokenId: tablet.deviceTokenId, kind: 'student', signedInStudentId: ana }),
    );
    const revoke = await server.call('DELETE', `/api/v1/devices/${tablet.deviceTokenId}`, {
      token: school.teacher.token,
    });
    expect(revoke.status).toBe(204);
    expect((await server.call('GET', '/api/v1/sync/pull', { token: tablet.token })).status).toBe(401);
  });
});
