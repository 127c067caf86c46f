/**
 * `POST /auth/password` on SQLite and PostgreSQL: a teacher's own sign-in changes the account's password;
 * the account's other sign-ins end and this one stays; the devices enrolled with the account (a class
 * tablet, a child's tablet) and stations keep working. A wrong current password, a weak new one, a bad body
 * and every other role are refused, and a refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type ChangePasswordResponse, type ErrorBody, type SessionResponse } from '#protocol';
import { storageKinds } from './helpers/databases.ts';
import { change, hlc, newId } from './helpers/fixtures.ts';
import { enroll, setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);
const NEW_PASSWORD = 'lantern orchard kettle';

describe.each(available)('changing a teacher’s password on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.close());

  const signIn = (email: string, password: string) =>
    server.call<SessionResponse & ErrorBody>('POST', '/api/v1/auth/sign-in', { body: { email, password } });
  const changePassword = (token: string | undefined, body: unknown) =>
    server.call<ChangePasswordResponse & ErrorBody>('POST', '/api/v1/auth/password', {
      ...(token ? { token } : {}),
      body,
    });
  const session = async (token: string) => (await server.call('GET', '/api/v1/session', { token })).status;

  /** A school with a child, and every kind of token a school holds besides the teacher's first sign-in. */
  async function schoolWithDevices(school: SchoolSetup) {
    const ana = newId('ana');
    const pushed = await server.call<{ rejected: unknown[] }>('POST', '/api/v1/sync/push', {
      token: school.teacher.token,
      body: {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: 'teacher-ipad',
        changes: [change('students', ana, { classId: school.classId, displayName: 'Ana' }, hlc(server.clock.now()))],
      },
    });
    expect(pushed.body.rejected).toEqual([]);
    const second = (await signIn(school.email, school.password)).body;
    const classTablet = await enroll(server, school.joinCode, 'teacher', school.teacher.token);
    const station = await enroll(server, school.joinCode, 'station');
    const childTablet = await server.call<SessionResponse>('POST', '/api/v1/devices/enroll', {
      token: school.teacher.token,
      body: { joinCode: school.joinCode, kind: 'student', deviceId: newId('tablet'), studentId: ana },
    });
    expect(childTablet.status).toBe(201);
    const link = await server.call<{ token: string }>('POST', '/api/v1/family-links', {
      token: school.teacher.token,
      body: { studentId: ana },
    });
    expect(link.status).toBe(201);
    return { second, classTablet, station, childTablet: childTablet.body, familyToken: link.body.token };
  }

  it('changes it, ends the account’s other sign-ins, keeps this one and every enrolled device', async () => {
    const school = await setUpSchool(server);
    const { second, classTablet, station, childTablet } = await schoolWithDevices(school);

    const changed = await changePassword(school.teacher.token, {
      currentPassword: school.password,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ changed: true, signedOut: 1 });

    expect(await session(school.teacher.token)).toBe(200); // the sign-in that changed it
    expect(await session(second.token)).toBe(401); // the other sign-in (a leaked password's)
    for (const device of [classTablet, station, childTablet]) expect(await session(device.token)).toBe(200);

    expect((await signIn(school.email, school.password)).status).toBe(401);
    const again = await signIn(school.email, NEW_PASSWORD);
    expect(again.status).toBe(200);
    expect(again.body.teacherId).toBe(school.teacher.teacherId);
  });

  it('refuses a wrong current password, a weak new one and a bad body, changing nothing', async () => {
    const school = await setUpSchool(server);
    const second = (await signIn(school.email, school.password)).body;
    const refusals: [unknown, number, string, string?][] = [
      [{ currentPassword: 'not the password', newPassword: NEW_PASSWORD }, 403, 'wrongPassword'],
      [{ currentPassword: school.password, newPassword: school.password }, 400, 'weakPassword', 'sameAsCurrent'],
      [{ currentPassword: school.password, newPassword: 'Password2024!' }, 400, 'weakPassword', 'common'],
      [{ currentPassword: school.password, newPassword: 'waypoint-demo' }, 400, 'weakPassword', 'published'],
      [{ currentPassword: school.password, newPassword: `${school.email} x` }, 400, 'weakPassword', 'containsEmail'],
      [{ currentPassword: school.password, newPassword: 'short' }, 400, 'validation'],
      [{ currentPassword: school.password }, 400, 'validation'],
      [{ currentPassword: school.password, newPassword: NEW_PASSWORD, email: school.email }, 400, 'validation'],
      ['not an object', 400, 'validation'],
    ];
    for (const [body, status, code, detail] of refusals) {
      const r = await changePassword(school.teacher.token, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.error.code, JSON.stringify(body)).toBe(code);
      if (detail) expect(r.body.error.details).toEqual([detail]);
      expect(JSON.stringify(r.body)).not.toContain(school.password); // never echoed back
    }
    expect(await session(second.token)).toBe(200);
    expect((await signIn(school.email, school.password)).status).toBe(200);
    expect((await signIn(school.email, NEW_PASSWORD)).status).toBe(401);
  });

  it('slows wrong current passwords down as sign-in does, per token', async () => {
    const school = await setUpSchool(server);
    for (let i = 0; i < 5; i += 1) {
      const wrong = await changePassword(school.teacher.token, {
        currentPassword: `wrong ${i}`,
        newPassword: NEW_PASSWORD,
      });
      expect(wrong.status).toBe(403);
    }
    const slowed = await changePassword(school.teacher.token, {
      currentPassword: school.password,
      newPassword: NEW_PASSWORD,
    });
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('1');
    server.clock.advance(1000);
    expect(
      (await changePassword(school.teacher.token, { currentPassword: school.password, newPassword: NEW_PASSWORD }))
        .status,
    ).toBe(200);
  });

  it('refuses every token that is not a teacher’s own sign-in, with 403 (no token: 401)', async () => {
    const school = await setUpSchool(server);
    const { classTablet, station, childTablet, familyToken } = await schoolWithDevices(school);
    const body = { currentPassword: school.password, newPassword: NEW_PASSWORD };
    for (const token of [station.token, childTablet.token, classTablet.token, familyToken]) {
      const r = await changePassword(token, body);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    expect((await changePassword(undefined, body)).status).toBe(401);
    expect((await changePassword('x'.repeat(43), body)).status).toBe(401);
    expect((await signIn(school.email, school.password)).status).toBe(200); // nothing changed
  });

  /**
   * A sign-in reads the account, then spends a while on scrypt. Here the password changes (or the account is
   * removed) exactly in between, every time: the sign-in checked the old password against the old hash, yet
   * must get no token, since the change that ends every sign-in has already committed.
   */
  describe('a sign-in with the old password in flight while the password changes', () => {
    async function signInWhile(school: SchoolSetup, meanwhile: () => Promise<void>) {
      const read = server.storage.findTeacherByEmail.bind(server.storage);
      const spy = vi.spyOn(server.storage, 'findTeacherByEmail').mockImplementationOnce(async (email) => {
        const teacher = await read(email);
        await meanwhile();
        return teacher;
      });
      try {
        return await signIn(school.email, school.password);
      } finally {
        spy.mockRestore();
      }
    }
    const signInsOf = async (school: SchoolSetup) =>
      (await server.storage.listDeviceTokens(school.teacher.scope.schoolId)).filter(
        (t) => t.kind === 'teacher' && t.classId === null && t.revokedAt === null,
      ).length;

    it('gets no token when the teacher changes it (POST /auth/password)', async () => {
      const school = await setUpSchool(server);
      const late = await signInWhile(school, async () => {
        const changed = await changePassword(school.teacher.token, {
          currentPassword: school.password,
          newPassword: NEW_PASSWORD,
        });
        expect(changed.body).toEqual({ changed: true, signedOut: 0 });
      });
      expect(late.status).toBe(401);
      expect(late.body.error.code).toBe('unauthorized');
      expect(await signInsOf(school)).toBe(1); // the tablet that changed it, nothing else
      expect((await signIn(school.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('gets no token when an administrator resets it or removes the account', async () => {
      const school = await setUpSchool(server);
      const teacherId = school.teacher.teacherId ?? '';
      const reset = await signInWhile(school, async () => {
        const [teacher] = [await server.storage.findTeacherById(teacherId)];
        const ended = await server.storage.setTeacherPassword({
          teacherId,
          passwordHash: 'scrypt$16384$8$1$AAAA$BBBB', // as npm run school:reset-password stores a new one
          at: new Date(server.clock.now()).toISOString(),
          keepTokenId: null,
          expectedHash: teacher?.passwordHash ?? '',
        });
        expect(ended).toBe(1);
      });
      expect(reset.status).toBe(401);
      expect(await signInsOf(school)).toBe(0);

      const other = await setUpSchool(server);
      const removed = await signInWhile(other, async () => {
        expect(await server.storage.removeTeacher(other.teacher.teacherId ?? '', new Date().toISOString())).toBe(1);
      });
      expect(removed.status).toBe(401);
      expect(await signInsOf(other)).toBe(0);
    });

    it('still signs in when nothing changed meanwhile', async () => {
      const school = await setUpSchool(server);
      const onTime = await signInWhile(school, async () => {});
      expect(onTime.status).toBe(200);
      expect(await session(onTime.body.token)).toBe(200);
    });
  });
});
