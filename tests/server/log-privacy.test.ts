/**
 * The server's JSON logs hold no child's data. A whole day's traffic at the most talkative level (trace):
 * a teacher pushes a child with a note and a photo, a station signs the child in, pulls, a family link is
 * made and opened, the app's page for the child is loaded, a bad push quotes the child's name back, and a
 * database failure whose message names the child becomes a 500. Every log line is JSON; none holds the
 * child's name, the note, the child's or the evidence's id, the family link's secret, a bearer token, a
 * password (a teacher changes theirs) or a query string; requests are logged by their route's pattern.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { FamilyLinkResponse, PushResponse, SessionResponse } from '#protocol';
import { serverLogger } from '#server/http/log-fields.ts';
import { change, hlc, mediaBytes, newId } from './helpers/fixtures.ts';
import { enroll, setUpSchool, startTestServer, type TestServer } from './helpers/http.ts';

const CHILD_NAME = 'Zephyrine Quackenbush';
const NOTE = 'Lost a wobbly tooth during phonics and cried about her grandmother';

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((l) => l.trim() !== ''),
    );
    done();
  },
});

let server: TestServer;
let dist: string;
afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('logs', () => {
  it('never hold a child’s name, note or ids, a family link secret, a token or a query string', async () => {
    dist = mkdtempSync(join(tmpdir(), 'waypoint-logs-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Waypoint</title>');
    server = await startTestServer('sqlite', dist, { logger: serverLogger('trace', sink) });
    const school = await setUpSchool(server);
    const token = school.teacher.token;
    const child = newId('stu');
    const evidence = newId('ev');
    const photo = mediaBytes('png', 'tooth');
    const sha = createHash('sha256').update(photo).digest('hex');
    const now = () => hlc(server.clock.now() - 1000, 'teacher-tablet');

    const pushed = await server.call<PushResponse>('POST', '/api/v1/sync/push', {
      token,
      body: {
        protocolVersion: 1,
        deviceId: 'teacher-tablet',
        changes: [
          change(
            'students',
            child,
            { classId: school.classId, displayName: CHILD_NAME, picture: 'fox', familyLanguage: 'es' },
            now(),
          ),
          change(
            'evidence',
            evidence,
            {
              studentId: child,
              targetIds: ['tg-1'],
              kind: 'observation',
              level: 2,
              note: NOTE,
              blobIds: [sha],
              // Shared with the family, so the family link reads its photo too.
              sharedWithFamily: true,
              observedAt: '2026-10-05T09:00:00.000Z',
              recordedAt: '2026-10-05T09:00:00.000Z',
              recordedBy: { kind: 'teacher', id: 't' },
            },
            now(),
          ),
        ],
      },
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected).toEqual([]);
    const put = await server.call('PUT', `/api/v1/blobs/${sha}`, {
      token,
      raw: new Uint8Array(photo),
      headers: { 'content-type': 'image/png' },
    });
    expect(put.status).toBe(201);
    const pulled = await server.call('GET', `/api/v1/sync/pull?since=0&limit=100&student=${child}`, { token });
    expect(pulled.status).toBe(200);

    const station: SessionResponse = await enroll(server, school.joinCode, 'station');
    const signIn = await server.call('POST', '/api/v1/station/sign-in', {
      token: station.token,
      body: { studentId: child },
    });
    expect(signIn.status).toBe(200);

    const link = await server.call<FamilyLinkResponse>('POST', '/api/v1/family-links', {
      token,
      body: { studentId: child },
    });
    expect(link.status).toBe(201);
    expect((await server.call('GET', `/api/v1/family/${link.body.token}`)).status).toBe(200);
    expect((await server.call('GET', `/api/v1/family/${link.body.token}/blobs/${sha}`)).status).toBe(200);
    expect(
      (await fetch(`${server.base}/student/${child}?tab=path&name=${encodeURIComponent(CHILD_NAME)}`)).status,
    ).toBe(200);
    expect((await fetch(`${server.base}/family/${link.body.token}`)).status).toBe(200);

    // Passwords: a wrong current one, a weak new one, then a change; none of them in the logs.
    const NEW_PASSWORD = 'Quackenbush orchard kettle';
    const password = (currentPassword: string, newPassword: string) =>
      server.call('POST', '/api/v1/auth/password', { token, body: { currentPassword, newPassword } });
    expect((await password('a wrong current password', NEW_PASSWORD)).status).toBe(403);
    expect((await password(school.password, 'Password2024!')).status).toBe(400);
    expect((await password(school.password, NEW_PASSWORD)).status).toBe(200);

    // A refused push quotes a preview of what was sent in its answer: never in the logs.
    const bad = await server.call('POST', '/api/v1/sync/push', {
      token,
      body: { protocolVersion: 1, deviceId: 'teacher-tablet', changes: [{ changeId: CHILD_NAME, table: NOTE }] },
    });
    expect(bad.status).toBe(400);

    // A database failure whose message names the child: a 500, logged without the message.
    const listClasses = server.storage.listClasses;
    server.storage.listClasses = async () => {
      throw new Error(`invalid input for ${CHILD_NAME}: ${NOTE}`);
    };
    try {
      expect((await server.call('GET', '/api/v1/classes', { token })).status).toBe(500);
    } finally {
      server.storage.listClasses = listClasses;
    }

    expect(lines.length).toBeGreaterThan(20);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const all = lines.join('\n');
    for (const secret of [
      CHILD_NAME,
      'Zephyrine',
      'wobbly tooth',
      child,
      evidence,
      link.body.token,
      token,
      station.token,
      school.email,
      school.password,
      'a wrong current password',
      'Password2024!',
      NEW_PASSWORD,
      'tab=path',
      'since=0',
    ]) {
      expect(all, secret).not.toContain(secret);
    }
    const urls = new Set(records.map((r) => (r.req as { url?: string } | undefined)?.url).filter(Boolean));
    expect(urls).toContain('/api/v1/sync/push');
    expect(urls).toContain('/api/v1/sync/pull');
    expect(urls).toContain('/api/v1/family/:token');
    expect(urls).toContain('/api/v1/auth/password');
    expect(urls).toContain('/api/v1/blobs/:sha256');
    expect(urls).toContain('/student/…');
    const failure = records.find((r) => r.msg === 'unhandled error');
    expect(failure?.err).toMatchObject({ type: 'Error', message: expect.stringContaining('withheld') });
    expect(JSON.stringify(failure)).toContain('at '); // the stack frames are kept for the developers
  });
});
