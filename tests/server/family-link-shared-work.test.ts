/**
 * A family link sees the child's work only where the teacher shared it: the shared photo and its bytes,
 * never an unshared photo of the same child (its blob answers 404 and its evidence comes without note or
 * blob ids), nor one the teacher stopped sharing, nor a shared piece that was voided.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type Change,
  type FamilyLinkResponse,
  type FamilyViewResponse,
  type PushResponse,
} from '#protocol';
import { change, hlc, mediaBytes, newId } from './helpers/fixtures.ts';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(['sqlite', 'postgres'] as const)('family link and shared work (%s)', (kind) => {
  let server: TestServer;
  let school: SchoolSetup;
  let token: string;
  const child = newId('child');
  const sharedPhoto = mediaBytes('png', 'shared');
  const privatePhoto = mediaBytes('png', 'private');
  const laterPhoto = mediaBytes('png', 'later');
  const shared = newId('ev');
  const unshared = newId('ev');
  const later = newId('ev');

  const push = async (changes: Change[]) => {
    const r = await server.call<PushResponse>('POST', '/api/v1/sync/push', {
      token: school.teacher.token,
      body: { protocolVersion: PROTOCOL_VERSION, deviceId: 'dev', changes },
    });
    expect(r.body.rejected).toEqual([]);
  };
  const photoEvidence = (id: string, photo: Buffer, extra: Record<string, unknown>, at: number) =>
    change(
      'evidence',
      id,
      {
        studentId: child,
        targetIds: ['tg-1'],
        kind: 'workSample',
        observedAt: '2026-03-01T09:00:00.000Z',
        recordedAt: '2026-03-01T09:00:00.000Z',
        recordedBy: { kind: 'teacher', id: 'tch' },
        note: `note ${id}`,
        blobIds: [sha256(photo)],
        ...extra,
      },
      hlc(at),
    );
  const blob = (sha: string) => server.call('GET', `/api/v1/family/${token}/blobs/${sha}`);
  const view = async () => (await server.call<FamilyViewResponse>('GET', `/api/v1/family/${token}`)).body;
  const evidenceOf = (v: FamilyViewResponse, id: string) => v.records.find((r) => r.recordId === id)?.fields;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await setUpSchool(server);
    await push([change('students', child, { classId: school.classId, displayName: 'Ana', picture: 'fox' }, hlc(1))]);
    for (const photo of [sharedPhoto, privatePhoto, laterPhoto]) {
      const put = await server.call('PUT', `/api/v1/blobs/${sha256(photo)}`, {
        token: school.teacher.token,
        raw: photo,
        headers: { 'content-type': 'image/png' },
      });
      expect(put.status).toBeLessThan(300);
    }
    await push([
      photoEvidence(shared, sharedPhoto, { sharedWithFamily: true }, 2),
      photoEvidence(unshared, privatePhoto, {}, 3),
      photoEvidence(later, laterPhoto, { sharedWithFamily: true }, 4),
    ]);
    const made = await server.call<FamilyLinkResponse>('POST', '/api/v1/family-links', {
      token: school.teacher.token,
      body: { studentId: child },
    });
    token = made.body.token;
  });
  afterAll(async () => server?.close());

  it('serves the shared photo and its note, and not an unshared photo of the same child', async () => {
    const got = await blob(sha256(sharedPhoto));
    expect(got.status).toBe(200);
    expect((await blob(sha256(privatePhoto))).status).toBe(404);

    const v = await view();
    expect(evidenceOf(v, shared)).toMatchObject({ note: `note ${shared}`, blobIds: [sha256(sharedPhoto)] });
    // The rules still count the unshared piece; the work itself stays at school.
    expect(evidenceOf(v, unshared)).toMatchObject({ kind: 'workSample', targetIds: ['tg-1'] });
    expect(evidenceOf(v, unshared)).not.toHaveProperty('note');
    expect(evidenceOf(v, unshared)).not.toHaveProperty('blobIds');
  });

  it('stops serving work the teacher stops sharing or voids', async () => {
    expect((await blob(sha256(laterPhoto))).status).toBe(200);
    await push([change('evidence', later, { sharedWithFamily: false }, hlc(5))]);
    expect((await blob(sha256(laterPhoto))).status).toBe(404);
    expect(evidenceOf(await view(), later)).not.toHaveProperty('blobIds');

    await push([
      change(
        'evidence',
        shared,
        { voided: { reason: 'wrong child', at: '2026-03-02T09:00:00.000Z', by: { kind: 'teacher', id: 't' } } },
        hlc(6),
      ),
    ]);
    expect((await blob(sha256(sharedPhoto))).status).toBe(404);
  });
});
