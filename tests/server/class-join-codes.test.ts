/**
 * Every class the school's records hold has a join code: classes pushed by a device get one in the push,
 * and a teacher in scope can replace a class's code. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type Change,
  type ClassListResponse,
  type ErrorBody,
  type JoinCodeResponse,
  type PullResponse,
  type PushResponse,
  type SessionResponse,
} from '#protocol';
import { createTestStorage, storageKinds, type TestStorage } from './helpers/databases.ts';
import { change, hlc, newId, seedSchool } from './helpers/fixtures.ts';
import { enroll, setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);
const CODE = /^[A-HJ-NP-Z2-9]{8}$/;
const AT = '2026-01-01T00:00:00.000Z';

describe.each(available)('class join codes over HTTP on %s', (kind) => {
  let server: TestServer;
  let school: SchoolSetup;
  let otherSchool: SchoolSetup;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await setUpSchool(server);
    otherSchool = await setUpSchool(server);
  });
  afterAll(async () => server?.close());

  const push = (token: string, changes: Change[]) =>
    server.call<PushResponse>('POST', '/api/v1/sync/push', {
      token,
      body: { protocolVersion: PROTOCOL_VERSION, deviceId: 'dev-a', changes },
    });
  const classes = async (token: string) =>
    (await server.call<ClassListResponse>('GET', '/api/v1/classes', { token })).body.classes;
  const newCode = (token: string | undefined, classId: string) =>
    server.call<JoinCodeResponse & ErrorBody>('POST', `/api/v1/classes/${encodeURIComponent(classId)}/join-code`, {
      ...(token ? { token } : {}),
    });
  /** A class as a OneRoster import makes it on a tablet, with one child, pushed by the teacher account. */
  async function pushRosterClass(name: string): Promise<{ classId: string; studentId: string }> {
    const classId = `oneroster:${newId('cls')}`;
    const studentId = `oneroster:${newId('stu')}`;
    const r = await push(school.teacher.token, [
      change(
        'classes',
        classId,
        { id: classId, name, schoolId: 'oneroster:org-1', teacherIds: [], templateTargetIds: [], language: 'es' },
        hlc(1000),
      ),
      change('students', studentId, { id: studentId, classId, displayName: 'Ana', picture: 'fox' }, hlc(1000)),
    ]);
    expect(r.body.rejected).toEqual([]);
    return { classId, studentId };
  }

  it('gives a class pushed by a teacher a join code, with which a station enrolls and sees its children', async () => {
    const { classId, studentId } = await pushRosterClass('Kindergarten A');
    const listed = (await classes(school.teacher.token)).find((c) => c.classId === classId);
    expect(listed).toEqual({ classId, name: 'Kindergarten A', joinCode: expect.stringMatching(CODE) });

    // Typed the way people type it: lower case, in two groups.
    const typed = `${listed!.joinCode.slice(0, 4).toLowerCase()}-${listed!.joinCode.slice(4)}`;
    const station = await enroll(server, typed, 'station');
    expect(station.scope).toEqual({ schoolId: school.teacher.scope.schoolId, classId });
    const grid = await server.call<PullResponse>('GET', '/api/v1/sync/pull?since=0', { token: station.token });
    expect(grid.body.changes.map((c) => c.recordId)).toContain(studentId);
  });

  it('lists a renamed class under its new name and keeps its code when the class is pushed again', async () => {
    const { classId } = await pushRosterClass('Kindergarten B');
    const before = (await classes(school.teacher.token)).find((c) => c.classId === classId);
    const r = await push(school.teacher.token, [change('classes', classId, { name: 'Sunflowers' }, hlc(2000))]);
    expect(r.body.rejected).toEqual([]);
    const after = (await classes(school.teacher.token)).find((c) => c.classId === classId);
    expect(after).toEqual({ classId, name: 'Sunflowers', joinCode: before!.joinCode });
  });

  it('adds classes for a teacher account only: a class device and a station are refused', async () => {
    const device = await enroll(server, school.joinCode, 'teacher', school.teacher.token);
    const station = await enroll(server, school.joinCode, 'station');
    const byDevice = newId('cls');
    const byStation = newId('cls');
    const refused = [
      await push(device.token, [change('classes', byDevice, { name: 'Sneaky' }, hlc(1))]),
      await push(station.token, [change('classes', byStation, { name: 'Sneaky' }, hlc(1))]),
    ];
    for (const r of refused) {
      expect(r.body.accepted).toEqual([]);
      expect(r.body.rejected).toEqual([
        {
          changeId: expect.any(String),
          code: 'forbidden',
          reason: expect.stringMatching(/teacher signed in with their account/),
          current: null,
        },
      ]);
    }
    const ids = (await classes(school.teacher.token)).map((c) => c.classId);
    expect(ids).not.toContain(byDevice);
    expect(ids).not.toContain(byStation);
  });

  it('refuses a class id another school uses, and that school keeps its class and code', async () => {
    const r = await push(otherSchool.teacher.token, [
      change('classes', school.classId, { name: 'Taken' }, hlc(1)),
      change('students', newId('stu'), { classId: school.classId, displayName: 'Zed' }, hlc(1)),
    ]);
    expect(r.body.accepted).toEqual([]);
    expect(r.body.rejected.map((x) => x.reason)).toEqual([
      expect.stringMatching(/another school on this server uses this class id/),
      expect.stringMatching(/must name a class of this school/),
    ]);
    expect((await classes(otherSchool.teacher.token)).map((c) => c.classId)).not.toContain(school.classId);
    const mine = (await classes(school.teacher.token)).find((c) => c.classId === school.classId);
    expect(mine).toMatchObject({ name: 'Room A', joinCode: school.joinCode });
  });

  it('a new code replaces the old one for enrollments, while devices already enrolled keep working', async () => {
    const { classId } = await pushRosterClass('Kindergarten C');
    const oldCode = (await classes(school.teacher.token)).find((c) => c.classId === classId)!.joinCode;
    const enrolled = await enroll(server, oldCode, 'station');

    const r = await newCode(school.teacher.token, classId);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ classId, joinCode: expect.stringMatching(CODE) });
    expect(r.body.joinCode).not.toBe(oldCode);
    expect((await classes(school.teacher.token)).find((c) => c.classId === classId)?.joinCode).toBe(r.body.joinCode);

    const withOld = await server.call<ErrorBody>('POST', '/api/v1/devices/enroll', {
      body: { joinCode: oldCode, kind: 'station', deviceId: newId('device') },
    });
    expect(withOld.status).toBe(404);
    expect((await enroll(server, r.body.joinCode, 'station')).scope.classId).toBe(classId);
    const session = await server.call<SessionResponse>('GET', '/api/v1/session', { token: enrolled.token });
    expect(session.status).toBe(200);
    expect(session.body.scope.classId).toBe(classId);
  });

  it('lets only teachers of that school and class issue a new code', async () => {
    const device = await enroll(server, school.joinCode, 'teacher', school.teacher.token);
    const otherClassDevice = await enroll(server, school.otherJoinCode, 'teacher', school.teacher.token);
    const station = await enroll(server, school.joinCode, 'station');
    const attempts = [
      [otherSchool.teacher.token, 404],
      [otherClassDevice.token, 404],
      [station.token, 403],
      [undefined, 401],
    ] as const;
    for (const [token, status] of attempts) {
      const r = await newCode(token, school.classId);
      expect({ status: r.status, code: r.body.error?.code }).toEqual({ status, code: expect.any(String) });
    }
    expect((await classes(school.teacher.token)).find((c) => c.classId === school.classId)?.joinCode).toBe(
      school.joinCode,
    );
    expect((await newCode(school.teacher.token, newId('no-such-class'))).status).toBe(404);

    const own = await newCode(device.token, school.classId);
    expect(own.status).toBe(200);
    school = { ...school, joinCode: own.body.joinCode };
  });

  it('shows a class device its own class only', async () => {
    const device = await enroll(server, school.otherJoinCode, 'teacher', school.teacher.token);
    expect(await classes(device.token)).toEqual([
      { classId: school.otherClassId, name: 'Room B', joinCode: school.otherJoinCode },
    ]);
    const station = await enroll(server, school.otherJoinCode, 'station');
    expect((await server.call('GET', '/api/v1/classes', { token: station.token })).status).toBe(403);
  });
});

describe.each(available)('class rows in the push transaction on %s', (kind) => {
  let t: TestStorage;
  beforeAll(async () => {
    t = await createTestStorage(kind);
  });
  afterAll(async () => t?.dispose());

  it('skips a taken join code or a taken id without spoiling the transaction', async () => {
    const storage = t.storage;
    const s = await seedSchool(storage);
    const other = await seedSchool(storage);
    const existing = (await storage.getClass(s.classId))!;
    const fresh = newId('class');
    const row = (id: string, schoolId: string, joinCode: string) => ({
      id,
      schoolId,
      name: 'N',
      joinCode,
      createdAt: AT,
    });

    await storage.syncTransaction(s.schoolId, async (tx) => {
      expect(await tx.insertClass(row(fresh, s.schoolId, existing.joinCode))).toBeUndefined();
      expect(await tx.insertClass(row(fresh, s.schoolId, 'FRESH234'))).toEqual(row(fresh, s.schoolId, 'FRESH234'));
      // The same id again, from another school: the stored row answers, still the first school's.
      expect(await tx.insertClass(row(s.classId, other.schoolId, 'OTHER234'))).toEqual(existing);
    });
    expect(await storage.getClass(fresh)).toEqual(row(fresh, s.schoolId, 'FRESH234'));
    expect(await storage.findClassByJoinCode('OTHER234')).toBeUndefined();
  });

  it('sets a new join code unless another class holds it', async () => {
    const storage = t.storage;
    const s = await seedSchool(storage);
    const a = (await storage.getClass(s.classId))!;
    const b = (await storage.getClass(s.otherClassId))!;
    expect(await storage.setJoinCode(a.id, b.joinCode)).toBe(false);
    expect((await storage.getClass(a.id))?.joinCode).toBe(a.joinCode);
    expect(await storage.setJoinCode(a.id, 'ROTATED2')).toBe(true);
    expect(await storage.findClassByJoinCode('ROTATED2')).toEqual({ ...a, joinCode: 'ROTATED2' });
    expect(await storage.findClassByJoinCode(a.joinCode)).toBeUndefined();
  });
});
