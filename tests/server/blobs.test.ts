/**
 * Photos, drawings and voice: the media types the app records are stored (checked against their bytes)
 * and served so they can only be shown or played; a blob is read in its own class's scope and by the
 * school's teachers, whichever order the evidence and the bytes arrive in, and knowing a hash grants
 * nothing. SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type BlobPutResponse,
  type Change,
  type FamilyLinkResponse,
  type PushResponse,
  type SessionResponse,
} from '#protocol';
import { storageKinds } from './helpers/databases.ts';
import { change, childEvidence, hlc, mediaBytes, newId, teacherEvidence } from './helpers/fixtures.ts';
import { enroll, setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(available)('blobs on %s', (kind) => {
  let server: TestServer;
  let school: SchoolSetup;
  let device: SessionResponse;
  let otherDevice: SessionResponse;
  let station: SessionResponse;
  let ana: string;
  let zed: string;

  const push = async (token: string, changes: Change[]) => {
    const r = await server.call<PushResponse>('POST', '/api/v1/sync/push', {
      token,
      body: { protocolVersion: PROTOCOL_VERSION, deviceId: 'dev', changes },
    });
    expect(r.body.rejected).toEqual([]);
  };
  const put = (token: string, bytes: Buffer<ArrayBuffer>, type: string) =>
    server.call<BlobPutResponse>('PUT', `/api/v1/blobs/${sha256(bytes)}`, {
      token,
      raw: bytes,
      headers: { 'content-type': type },
    });
  const read = async (token: string, bytes: Buffer) =>
    (await server.call('GET', `/api/v1/blobs/${sha256(bytes)}`, { token })).status;
  const signIn = (studentId: string) =>
    server.call('POST', '/api/v1/station/sign-in', { token: station.token, body: { studentId } });
  const now = () => hlc(server.clock.now());

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await setUpSchool(server);
    device = await enroll(server, school.joinCode, 'teacher', school.teacher.token);
    otherDevice = await enroll(server, school.otherJoinCode, 'teacher', school.teacher.token);
    station = await enroll(server, school.joinCode, 'station');
    [ana, zed] = [newId('ana'), newId('zed')];
    await push(school.teacher.token, [
      change('students', ana, { classId: school.classId, displayName: 'Ana', picture: 'fox' }, now()),
      change('students', zed, { classId: school.otherClassId, displayName: 'Zed', picture: 'cat' }, now()),
    ]);
  });
  afterAll(async () => server?.close());

  it.each([
    ['png', 'image/png', 'image/png'],
    ['jpeg', 'image/jpeg', 'image/jpeg'],
    ['jpeg', 'image/jpg', 'image/jpeg'],
    ['webp', 'image/webp', 'image/webp'],
    ['webm', 'audio/webm;codecs=opus', 'audio/webm'],
    ['webm', 'video/webm', 'audio/webm'],
    ['mp4', 'audio/mp4', 'audio/mp4'],
    ['mp4', 'audio/x-m4a', 'audio/mp4'],
    ['ogg', 'audio/ogg; codecs=opus', 'audio/ogg'],
    ['wav', 'audio/wav', 'audio/wav'],
    ['wav', 'audio/x-wav', 'audio/wav'],
    ['jpeg', 'application/octet-stream', 'image/jpeg'],
  ] as const)('stores %s sent as %s and serves it as %s, inline and inert', async (type, sent, served) => {
    const bytes = mediaBytes(type, newId(type));
    const r = await put(device.token, bytes, sent);
    expect(r.status).toBe(201);
    const got = await server.call('GET', `/api/v1/blobs/${sha256(bytes)}`, { token: device.token });
    expect(got.headers.get('content-type')).toBe(served);
    expect(got.headers.get('content-disposition')).toMatch(/^inline; filename="[0-9a-f]{64}\.\w+"$/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it.each([
    ['a GIF', Buffer.from('GIF89a....'), 'image/gif'],
    ['a PDF', Buffer.from('%PDF-1.7'), 'application/pdf'],
    ['JPEG bytes called PNG', mediaBytes('jpeg', 'x'), 'image/png'],
    ['unknown bytes with no type', Buffer.from('hello'), 'application/octet-stream'],
  ])('refuses %s with 415 and stores nothing', async (_name, bytes, type) => {
    const r = await put(device.token, Buffer.from(bytes), type);
    expect(r.status).toBe(415);
    expect(await server.storage.getBlobMeta(school.teacher.scope.schoolId, sha256(bytes))).toBeUndefined();
  });

  it('evidence pushed before its photo: the class’s teachers, the child at the station and the family read it', async () => {
    const photo = mediaBytes('webp', newId('station photo'));
    await signIn(ana);
    const work = newId('ev');
    await push(station.token, [
      change('evidence', work, childEvidence(ana, { kind: 'workSample', blobIds: [sha256(photo)] }), now()),
    ]);
    expect((await put(station.token, photo, 'image/webp')).status).toBe(201);
    expect(await read(device.token, photo)).toBe(200);
    expect(await read(school.teacher.token, photo)).toBe(200);
    expect(await read(station.token, photo)).toBe(200);
    expect(await read(otherDevice.token, photo)).toBe(404);
    const link = await server.call<FamilyLinkResponse>('POST', '/api/v1/family-links', {
      token: device.token,
      body: { studentId: ana },
    });
    // A family sees work only once the teacher shares it.
    expect((await server.call('GET', `${link.body.path}/blobs/${sha256(photo)}`)).status).toBe(404);
    await push(device.token, [change('evidence', work, { sharedWithFamily: true }, now())]);
    const family = await server.call('GET', `${link.body.path}/blobs/${sha256(photo)}`);
    expect(family.status).toBe(200);
    expect(family.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(family.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('its photo uploaded before the evidence: the uploading device may cite it too', async () => {
    const drawing = mediaBytes('png', newId('drawing'));
    await signIn(ana);
    expect((await put(station.token, drawing, 'image/png')).status).toBe(201);
    await push(station.token, [
      change('evidence', newId('ev'), childEvidence(ana, { kind: 'workSample', blobIds: [sha256(drawing)] }), now()),
    ]);
    expect(await read(station.token, drawing)).toBe(200);
    expect(await read(device.token, drawing)).toBe(200);
  });

  it('a teacher account’s photo is read by the class it was cited in', async () => {
    const photo = mediaBytes('jpeg', newId('account photo'));
    expect((await put(school.teacher.token, photo, 'image/jpeg')).status).toBe(201);
    await push(school.teacher.token, [
      change('evidence', newId('ev'), teacherEvidence(ana, { kind: 'workSample', blobIds: [sha256(photo)] }), now()),
    ]);
    expect(await read(device.token, photo)).toBe(200);
    expect(await read(otherDevice.token, photo)).toBe(404);
  });

  it('knowing a hash grants nothing: cited before or after the upload, by another class or a station', async () => {
    const early = mediaBytes('jpeg', newId('cited before upload'));
    // Another class cites the hash before class A's device uploads the bytes.
    await push(otherDevice.token, [
      change('evidence', newId('ev'), teacherEvidence(zed, { kind: 'workSample', blobIds: [sha256(early)] }), now()),
    ]);
    expect((await put(device.token, early, 'image/jpeg')).status).toBe(201);
    expect(await read(otherDevice.token, early)).toBe(404);
    // A station of the same class cites a photo the teacher's device took, which it cannot read.
    const teachers = mediaBytes('jpeg', newId('teacher photo'));
    expect((await put(device.token, teachers, 'image/jpeg')).status).toBe(201);
    await signIn(ana);
    await push(station.token, [
      change('evidence', newId('ev'), childEvidence(ana, { kind: 'workSample', blobIds: [sha256(teachers)] }), now()),
    ]);
    expect(await read(station.token, teachers)).toBe(404);
  });
});
