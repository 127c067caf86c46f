/** Bad input of every kind gets a 4xx with a clear message and writes nothing; never a 500. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_BLOB_BYTES,
  MAX_PUSH_BYTES,
  PROTOCOL_VERSION,
  type ErrorBody,
  type PullResponse,
  type SessionResponse,
} from '#protocol';
import { change, hlc, mediaBytes, newId, teacherEvidence } from './helpers/fixtures.ts';
import { storageKinds } from './helpers/databases.ts';
import { enroll, setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

// On both databases: PostgreSQL refuses some values SQLite takes (NUL in text), so both must say 4xx.
const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);

describe.each(available)('bad input on %s', (kind) => {
  let server: TestServer;
  let school: SchoolSetup;
  let device: SessionResponse;
  let student: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await setUpSchool(server);
    device = await enroll(server, school.joinCode, 'teacher', school.teacher.token);
    student = newId('stu');
    await server.call('POST', '/api/v1/sync/push', {
      token: device.token,
      body: {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: 'd',
        changes: [change('students', student, { classId: school.classId }, hlc(1))],
      },
    });
  });
  afterAll(async () => server?.close());

  /** The server's newest sequence number: unchanged means nothing was written to the log. */
  async function logHead(): Promise<string> {
    const r = await server.call<PullResponse>('GET', '/api/v1/sync/pull?since=0&limit=1', {
      token: school.teacher.token,
    });
    return (
      (
        await server.storage.pull(
          { schoolId: school.teacher.scope.schoolId, classId: null, sharedTables: null, studentIds: null },
          0,
          1,
        )
      ).cursor +
      '/' +
      r.body.cursor
    );
  }

  function expectClientError(r: { status: number; body: unknown }, status?: number): void {
    if (status !== undefined) expect(r.status).toBe(status);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const body = r.body as ErrorBody;
    expect(typeof body.error.code).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(5);
  }

  const pushRaw = (raw: string, headers: Record<string, string> = {}) =>
    server.call<ErrorBody>('POST', '/api/v1/sync/push', { token: device.token, raw, headers });
  const pushBody = (body: unknown) =>
    server.call<ErrorBody>('POST', '/api/v1/sync/push', { token: device.token, body });
  const ok = (changes: unknown[]) => ({ protocolVersion: PROTOCOL_VERSION, deviceId: 'd', changes });
  const good = () => change('evidence', newId('ev'), teacherEvidence(student, { kind: 'observation' }), hlc(5));

  describe('malformed pushes', () => {
    const cases: [string, () => Promise<{ status: number; body: unknown }>, RegExp][] = [
      ['truncated JSON', () => pushRaw('{"protocolVersion": 1, "changes": ['), /not valid JSON/],
      ['empty body', () => pushRaw(''), /empty/],
      ['prototype poisoning', () => pushRaw('{"__proto__": {"admin": true}}'), /"__proto__" or "constructor" key/],
      [
        'constructor poisoning',
        () => pushRaw('{"constructor": {"prototype": {"admin": true}}}'),
        /"__proto__" or "constructor" key/,
      ],
      ['JSON null', () => pushRaw('null'), /must be a JSON object/],
      ['an array', () => pushRaw('[]'), /must be a JSON object/],
      ['text/plain', () => pushRaw('hello', { 'content-type': 'text/plain' }), /application\/json/],
      ['changes not an array', () => pushBody({ ...ok([]), changes: {} }), /changes must be an array/],
      ['unknown property', () => pushBody({ ...ok([]), admin: true }), /unknown property "admin"/],
      ['unknown table', () => pushBody(ok([good(), { ...good(), table: 'grades' }])), /table must be one of/],
      ['bad clock stamp', () => pushBody(ok([{ ...good(), hlc: 'yesterday' }])), /hlc must be a clock stamp/],
      ['number recordId', () => pushBody(ok([{ ...good(), recordId: 7 }])), /recordId must be a non-empty string/],
      ['no fields', () => pushBody(ok([{ ...good(), fields: {} }])), /at least one field/],
      ['fields array', () => pushBody(ok([{ ...good(), fields: [1] }])), /fields must be an object/],
      [
        'repeated changeId',
        () => {
          const c = good();
          return pushBody(ok([c, c]));
        },
        /repeats/,
      ],
      [
        'a field nested 5000 deep (once a stack overflow, a 500)',
        () =>
          pushRaw(
            JSON.stringify(ok([{ ...good(), fields: { note: 'DEEP' } }])).replace(
              '"DEEP"',
              `${'['.repeat(5000)}${']'.repeat(5000)}`,
            ),
          ),
        /nests deeper/,
      ],
      ['NUL in a field name', () => pushBody(ok([{ ...good(), fields: { 'a\u0000b': 1 } }])), /invalid field name/],
      ['NUL in a clock stamp', () => pushBody(ok([{ ...good(), hlc: '1700000000000-000000-dev\u0000' }])), /hlc/],
      ['501 changes', () => pushBody(ok(Array.from({ length: 501 }, good))), /at most 500/],
      ['missing deviceId', () => pushBody({ protocolVersion: 1, changes: [] }), /deviceId/],
      [
        'a body over the push limit',
        () => pushBody(ok([{ ...good(), fields: { note: 'x'.repeat(MAX_PUSH_BYTES + 1) } }])),
        /larger/,
      ],
    ];
    it.each(cases)('%s → 4xx, a clear message, no writes', async (_name, send, message) => {
      const before = await logHead();
      const r = await send();
      expectClientError(r);
      expect((r.body as ErrorBody).error.message + JSON.stringify((r.body as ErrorBody).error.details ?? [])).toMatch(
        message,
      );
      expect(await logHead()).toBe(before);
    });

    it('stores a NUL inside a field value (escaped in JSON) and gives it back intact', async () => {
      const c = { ...good(), fields: teacherEvidence(student, { note: 'a\u0000b' }) };
      const r = await pushBody(ok([c]));
      expect(r.status).toBe(200);
      const pulled = await server.call<PullResponse>('GET', '/api/v1/sync/pull?since=0', { token: device.token });
      expect(pulled.body.changes.find((x) => x.changeId === c.changeId)?.fields.note).toBe('a\u0000b');
    });

    it('survives fuzzed bodies: random JSON never gets a 500 and never writes', async () => {
      const before = await logHead();
      const changeLike = fc.record({
        changeId: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        table: fc.oneof(fc.constantFrom('students', 'evidence', 'nope'), fc.string()),
        recordId: fc.oneof(fc.string(), fc.constant('')),
        fields: fc.oneof(fc.object(), fc.constant(null), fc.array(fc.integer())),
        hlc: fc.oneof(fc.string(), fc.constant('0000000000000-000000')),
      });
      const body = fc.oneof(
        fc.jsonValue(),
        fc.record({
          protocolVersion: fc.oneof(fc.integer(), fc.string()),
          deviceId: fc.string(),
          changes: fc.array(changeLike, { maxLength: 5 }),
        }),
      );
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const r = await pushBody(value);
          expectClientError(r);
        }),
        { seed: 20260301, numRuns: 150 },
      );
      expect(await logHead()).toBe(before);
    }, 60_000); // 150 pushes: seconds on a busy machine
  });

  describe('fuzzed bodies on every JSON route', () => {
    it.each([
      ['/api/v1/auth/sign-up'],
      ['/api/v1/auth/sign-in'],
      ['/api/v1/devices/enroll'],
      ['/api/v1/classes'],
      ['/api/v1/station/sign-in'],
      ['/api/v1/family-links'],
    ])('%s answers random JSON with a 4xx, never a 500', async (path) => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
          const r = await server.call('POST', path, { token: school.teacher.token, body: value });
          expectClientError(r);
        }),
        { seed: 7, numRuns: 40 },
      );
    });
  });

  describe('protocol version', () => {
    const pull = (protocol: string | null) =>
      server.call<ErrorBody>('GET', '/api/v1/sync/pull', { token: device.token, protocol });
    it('asks an old app to update and a new app to wait for the server', async () => {
      const old = await pull('0');
      expect(old.status).toBe(426);
      expect(old.body.error.code).toBe('updateApp');
      const newer = await pull(String(PROTOCOL_VERSION + 1));
      expect(newer.status).toBe(426);
      expect(newer.body.error.code).toBe('updateServer');
      expectClientError(await pull(null), 400);
      expectClientError(await pull('one'), 400);
    });
    it('checks the version inside a push body too', async () => {
      const r = await pushBody({ ...ok([good()]), protocolVersion: PROTOCOL_VERSION + 1 });
      expect(r.status).toBe(426);
      expect(r.body.error.code).toBe('updateServer');
    });
    it('serves the OpenAPI document without the header', async () => {
      const r = await server.call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/v1/openapi.json', {
        protocol: null,
      });
      expect(r.status).toBe(200);
      expect(r.body.openapi).toBe('3.1.0');
      expect(Object.keys(r.body.paths)).toEqual(
        expect.arrayContaining(['/sync/push', '/sync/pull', '/blobs/{sha256}', '/family/{token}']),
      );
    });
  });

  describe('other routes', () => {
    it.each([
      ['pull since=abc', 'GET', '/api/v1/sync/pull?since=abc', undefined, 400],
      ['pull limit=0', 'GET', '/api/v1/sync/pull?limit=0', undefined, 400],
      ['pull repeated since', 'GET', '/api/v1/sync/pull?since=1&since=2', undefined, 400],
      [
        'sign-up short password',
        'POST',
        '/api/v1/auth/sign-up',
        { email: 'a@b.co', password: 'short', displayName: 'A', schoolName: 'S' },
        400,
      ],
      [
        'sign-up with NUL in a name',
        'POST',
        '/api/v1/auth/sign-up',
        { email: 'n@b.co', password: 'long enough', displayName: 'A\u0000', schoolName: 'S' },
        400,
      ],
      ['sign-in with NUL in the email', 'POST', '/api/v1/auth/sign-in', { email: 'a\u0000@b.co', password: 'x' }, 400],
      ['sign-in not an email', 'POST', '/api/v1/auth/sign-in', { email: 'nope', password: 'x' }, 400],
      [
        'enroll bad kind',
        'POST',
        '/api/v1/devices/enroll',
        { joinCode: 'ABCDEFGH', kind: 'admin', deviceId: 'd' },
        400,
      ],
      [
        'enroll unknown code',
        'POST',
        '/api/v1/devices/enroll',
        { joinCode: 'ZZZZZZZZ', kind: 'station', deviceId: 'd' },
        404,
      ],
      ['station sign-in by a teacher device', 'POST', '/api/v1/station/sign-in', { studentId: 'x' }, 403],
      ['class with no name', 'POST', '/api/v1/classes', { name: '' }, 400],
      ['unknown route', 'GET', '/api/v1/nothing-here', undefined, 404],
    ])('%s', async (_name, method, path, body, status) => {
      const r = await server.call(method, path, {
        token: path.includes('classes') ? school.teacher.token : device.token,
        ...(body ? { body } : {}),
      });
      expectClientError(r, status);
    });

    it.each([
      ['no Authorization', undefined],
      ['a short token', 'Bearer abc'],
      ['Basic auth', 'Basic dXNlcjpwYXNz'],
      ['an unknown token', `Bearer ${'A'.repeat(43)}`],
    ])('refuses %s with 401', async (_name, header) => {
      const r = await server.call('GET', '/api/v1/sync/pull', { headers: header ? { authorization: header } : {} });
      expectClientError(r, 401);
    });

    it('answers a sign-up with a taken email exactly like a new one, and creates nothing', async () => {
      const taken = await server.call('POST', '/api/v1/auth/sign-up', {
        body: { email: school.email, password: 'long enough pw', displayName: 'X', schoolName: 'Y' },
      });
      const fresh = await server.call('POST', '/api/v1/auth/sign-up', {
        body: { email: `${newId('n')}@school.test`, password: 'long enough pw', displayName: 'X', schoolName: 'Y' },
      });
      expect(taken.status).toBe(202);
      expect(taken.body).toEqual(fresh.body);
      const wrong = await server.call('POST', '/api/v1/auth/sign-in', {
        body: { email: school.email, password: 'long enough pw' },
      });
      expectClientError(wrong, 401);
    });
  });

  describe('blob uploads', () => {
    const put = (sha: string, raw: Buffer<ArrayBuffer>) =>
      server.call<ErrorBody & { created: boolean }>('PUT', `/api/v1/blobs/${sha}`, {
        token: device.token,
        raw,
        headers: { 'content-type': 'application/octet-stream' },
      });
    const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const schoolId = () => school.teacher.scope.schoolId;

    it('refuses bytes that do not match their hash and stores nothing', async () => {
      const claimed = sha256(Buffer.from('the real photo'));
      const r = await put(claimed, Buffer.from('something else'));
      expectClientError(r, 422);
      expect(r.body.error.code).toBe('hashMismatch');
      expect(await server.storage.getBlobMeta(schoolId(), claimed)).toBeUndefined();
    });
    it('refuses a blob over the size limit', async () => {
      const big = Buffer.alloc(MAX_BLOB_BYTES + 1, 7);
      const r = await put(sha256(big), big);
      expectClientError(r, 413);
      expect(await server.storage.getBlobMeta(schoolId(), sha256(big))).toBeUndefined();
    });
    it('refuses a malformed hash', async () => {
      expectClientError(await put('ABC', Buffer.from('x')), 400);
    });
    it('stores the plain media type and serves it back', async () => {
      const bytes = mediaBytes('jpeg', 'jpeg bytes');
      const r = await server.call('PUT', `/api/v1/blobs/${sha256(bytes)}`, {
        token: device.token,
        raw: bytes,
        headers: { 'content-type': 'image/JPEG; charset=binary' },
      });
      expect(r.status).toBe(201);
      expect((await server.storage.getBlobMeta(schoolId(), sha256(bytes)))?.mime).toBe('image/jpeg');
    });
    it('accepts a re-send of the same bytes without storing twice', async () => {
      const bytes = mediaBytes('webm', 'audio bytes');
      expect((await put(sha256(bytes), bytes)).status).toBe(201);
      const again = await put(sha256(bytes), bytes);
      expect(again.status).toBe(200);
      expect(again.body.created).toBe(false);
    });
  });
});
