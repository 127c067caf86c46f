/** A family link that does not work says why, with a code the family's page can put in kind words. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ErrorBody, type FamilyLinkResponse, type PushResponse } from '#protocol';
import { hashToken, newToken } from '#server/http/credentials.ts';
import { change, hlc, newId } from './helpers/fixtures.ts';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

let server: TestServer;
let school: SchoolSetup;
let child: string;

beforeAll(async () => {
  server = await startTestServer();
  school = await setUpSchool(server);
  child = newId('child');
  const pushed = await server.call<PushResponse>('POST', '/api/v1/sync/push', {
    token: school.teacher.token,
    body: {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: 'dev',
      changes: [change('students', child, { classId: school.classId, displayName: 'Ana', picture: 'fox' }, hlc(1))],
    },
  });
  expect(pushed.body.rejected).toEqual([]);
});
afterAll(async () => server?.close());

const view = (token: string) => server.call<ErrorBody>('GET', `/api/v1/family/${token}`);

describe('family link answers', () => {
  it('a turned-off link answers familyLinkRevoked', async () => {
    const made = await server.call<FamilyLinkResponse>('POST', '/api/v1/family-links', {
      token: school.teacher.token,
      body: { studentId: child },
    });
    expect((await view(made.body.token)).status).toBe(200);
    await server.call('DELETE', `/api/v1/family-links/${made.body.id}`, { token: school.teacher.token });
    const after = await view(made.body.token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('familyLinkRevoked');
  });

  it('a deleted child’s link answers familyLinkRevoked, and no new link is made for them', async () => {
    const gone = newId('gone');
    const push = (fields: Record<string, unknown>, at: number) =>
      server.call<PushResponse>('POST', '/api/v1/sync/push', {
        token: school.teacher.token,
        body: {
          protocolVersion: PROTOCOL_VERSION,
          deviceId: 'dev',
          changes: [change('students', gone, fields, hlc(at))],
        },
      });
    expect((await push({ classId: school.classId, displayName: 'Leo', picture: 'owl' }, 1)).body.rejected).toEqual([]);
    const made = await server.call<FamilyLinkResponse>('POST', '/api/v1/family-links', {
      token: school.teacher.token,
      body: { studentId: gone },
    });
    expect((await view(made.body.token)).status).toBe(200);

    expect((await push({ deleted: true }, 2)).body.rejected).toEqual([]);
    const after = await view(made.body.token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('familyLinkRevoked');
    expect(JSON.stringify(after.body)).not.toContain('Leo');
    const sha = 'a'.repeat(64);
    expect((await server.call('GET', `/api/v1/family/${made.body.token}/blobs/${sha}`)).status).toBe(401);
    const again = await server.call<ErrorBody>('POST', '/api/v1/family-links', {
      token: school.teacher.token,
      body: { studentId: gone },
    });
    expect(again.status).toBe(404);

    // Undoing the delete brings the same link back.
    expect((await push({ deleted: false }, 3)).body.rejected).toEqual([]);
    expect((await view(made.body.token)).status).toBe(200);
  });

  it('an expired link answers familyLinkExpired', async () => {
    const token = newToken();
    const past = new Date(server.clock.now() - 1000).toISOString();
    await server.storage.createFamilyLink({
      id: newId('link'),
      tokenHash: hashToken(token),
      schoolId: school.teacher.scope.schoolId,
      classId: school.classId,
      studentId: child,
      createdBy: 'test',
      createdAt: past,
      expiresAt: past,
      revokedAt: null,
    });
    const answer = await view(token);
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('familyLinkExpired');
  });

  it('a link that never existed, or is cut short, answers unauthorized', async () => {
    for (const token of [newToken(), 'short']) {
      const answer = await view(token);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthorized');
    }
  });
});
