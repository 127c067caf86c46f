/** A hand-written OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
import { MAX_BLOB_BYTES, MAX_PUSH_CHANGES, PROTOCOL_HEADER, PROTOCOL_VERSION, SYNCED_TABLES } from '#protocol';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const errors = {
  '400': { description: 'Invalid input; nothing was written', ...json(ref('Error')) },
  '401': { description: 'Missing, unknown, expired or revoked token', ...json(ref('Error')) },
  '426': { description: 'Protocol mismatch: code updateApp or updateServer', ...json(ref('Error')) },
};
const op = (summary: string, responses: object, extra: object = {}) => ({
  summary,
  responses: { ...responses, ...errors },
  ...extra,
});
const body = (schema: object) => ({ requestBody: { required: true, ...json(schema) } });
const obj = (properties: Record<string, object>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
});
const str = { type: 'string' };
const nullable = (schema: { type: string }) => ({ ...schema, type: [schema.type, 'null'] });
const sha = { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Waypoint sync API',
    version: String(PROTOCOL_VERSION),
    description: `Every request except this document sends the header ${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}. See docs/sync-protocol.md.`,
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: obj({
        error: obj({ code: str, message: str, details: { type: 'array', items: str } }, ['code', 'message']),
      }),
      Change: obj({
        changeId: str,
        table: { enum: [...SYNCED_TABLES] },
        recordId: str,
        fields: { type: 'object', minProperties: 1 },
        hlc: { type: 'string', pattern: '^\\d{13}-\\d{6}-.+$' },
      }),
      PushRequest: obj({
        protocolVersion: { type: 'integer' },
        deviceId: str,
        changes: { type: 'array', maxItems: MAX_PUSH_CHANGES, items: ref('Change') },
      }),
      PushResponse: obj(
        {
          accepted: { type: 'array', items: str },
          rejected: { type: 'array', items: obj({ changeId: str, reason: str }) },
          cursor: str,
        },
        ['accepted', 'rejected'],
      ),
      PullResponse: obj(
        {
          changes: { type: 'array', items: { allOf: [ref('Change'), obj({ seq: { type: 'integer' } })] } },
          cursor: str,
          hasMore: { type: 'boolean' },
          reset: { const: true, description: 'The cursor came from another database: this page starts over' },
        },
        ['changes', 'cursor', 'hasMore'],
      ),
      Session: obj(
        {
          deviceTokenId: str,
          token: str,
          kind: { enum: ['teacher', 'station', 'student'] },
          scope: obj({ schoolId: str, classId: str, studentId: str }, ['schoolId']),
          teacherId: str,
          expiresAt: str,
        },
        ['deviceTokenId', 'token', 'kind', 'scope'],
      ),
      ClassSummary: obj({ classId: str, name: str, joinCode: str }),
      Device: obj({
        deviceTokenId: str,
        kind: { enum: ['teacher', 'station', 'student'] },
        classId: nullable(str),
        deviceId: str,
        deviceName: nullable(str),
        signedInStudentId: nullable(str),
        createdAt: str,
        expiresAt: nullable(str),
        revokedAt: nullable(str),
      }),
    },
  },
  paths: {
    '/auth/sign-up': {
      post: op(
        'Create a school and its first teacher',
        { '201': { description: 'Signed in', ...json(ref('Session')) }, '409': { description: 'Email taken' } },
        {
          security: [],
          ...body(obj({ email: str, password: { type: 'string', minLength: 10 }, displayName: str, schoolName: str })),
        },
      ),
    },
    '/auth/sign-in': {
      post: op(
        'Teacher sign-in (throttled per IP and email)',
        { '200': { description: 'Signed in', ...json(ref('Session')) }, '429': { description: 'Too many failures' } },
        { security: [], ...body(obj({ email: str, password: str, deviceId: str }, ['email', 'password'])) },
      ),
    },
    '/devices/enroll': {
      post: op(
        'Enroll a device in a class by join code; kind teacher also needs a teacher bearer token',
        { '201': { description: 'Enrolled', ...json(ref('Session')) }, '404': { description: 'Unknown join code' } },
        body(
          obj({ joinCode: str, kind: { enum: ['teacher', 'station'] }, deviceId: str, deviceName: str }, [
            'joinCode',
            'kind',
            'deviceId',
          ]),
        ),
      ),
    },
    '/devices': {
      get: op('Devices of the school (teacher account) or of the class (class device), for revoking', {
        '200': { description: 'Devices', ...json(obj({ devices: { type: 'array', items: ref('Device') } })) },
      }),
    },
    '/session': {
      get: op('The caller’s token kind and scope', { '200': { description: 'Session', ...json(ref('Session')) } }),
    },
    '/devices/{id}': {
      delete: op(
        'Revoke a device token (own token, or a teacher in scope)',
        { '204': { description: 'Revoked' }, '404': { description: 'Not in scope' } },
        { parameters: [{ name: 'id', in: 'path', required: true, schema: str }] },
      ),
    },
    '/classes': {
      get: op('Classes in scope, with join codes (teachers); names as last synced', {
        '200': { description: 'Classes', ...json(obj({ classes: { type: 'array', items: ref('ClassSummary') } })) },
      }),
      post: op(
        'Create a class (teacher account). A classes record first pushed by a teacher account also makes a class',
        { '201': { description: 'Created', ...json(obj({ classId: str, joinCode: str })) } },
        body(obj({ name: str })),
      ),
    },
    '/classes/{id}/join-code': {
      post: op(
        'Replace a class’s join code (teachers of the school or class); enrolled devices keep their tokens',
        {
          '200': { description: 'The new code', ...json(obj({ classId: str, joinCode: str })) },
          '403': { description: 'Not a teacher' },
          '404': { description: 'Not in scope' },
        },
        { parameters: [{ name: 'id', in: 'path', required: true, schema: str }] },
      ),
    },
    '/station/sign-in': {
      post: op(
        'Scope a station token to one child until sign-out',
        { '200': { description: 'Signed in; pull again from pullFrom' } },
        body(obj({ studentId: str })),
      ),
    },
    '/station/sign-out': { post: op('Drop the station’s signed-in child', { '204': { description: 'Signed out' } }) },
    '/sync/push': {
      post: op(
        'Apply a batch of changes in one transaction (idempotent by changeId)',
        {
          '200': { description: 'Accepted and rejected changes', ...json(ref('PushResponse')) },
          '413': { description: 'Body too large' },
        },
        body(ref('PushRequest')),
      ),
    },
    '/sync/pull': {
      get: op(
        'Changes after a cursor, visible to the caller',
        { '200': { description: 'A page', ...json(ref('PullResponse')) } },
        {
          parameters: [
            { name: 'since', in: 'query', schema: { type: 'string', pattern: '^([a-z0-9]{4,32}-)?\\d+$' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
        },
      ),
    },
    '/blobs/{sha256}': {
      put: op(
        `Upload bytes whose SHA-256 is the id (at most ${MAX_BLOB_BYTES} bytes; re-sending is harmless)`,
        {
          '200': { description: 'Already stored' },
          '201': { description: 'Stored' },
          '413': { description: 'Too large' },
          '422': { description: 'Bytes do not match the hash' },
        },
        { parameters: [sha], requestBody: { content: { '*/*': { schema: { type: 'string', format: 'binary' } } } } },
      ),
      get: op(
        'Download a blob cited by evidence in scope',
        { '200': { description: 'The bytes' }, '404': { description: 'Not in scope' } },
        { parameters: [sha] },
      ),
    },
    '/family-links': {
      post: op(
        'Make a read-only link for one child (teachers)',
        { '201': { description: 'Link', ...json(obj({ id: str, token: str, path: str })) } },
        body(obj({ studentId: str })),
      ),
    },
    '/family-links/{id}': {
      delete: op(
        'Turn a family link off',
        { '204': { description: 'Revoked' } },
        { parameters: [{ name: 'id', in: 'path', required: true, schema: str }] },
      ),
    },
    '/family/{token}': {
      get: op(
        'Read one child’s records and the school content (no bearer token). A 401’s code says why: unauthorized (not a valid link), familyLinkRevoked or familyLinkExpired',
        { '200': { description: 'Records' } },
        { security: [], parameters: [{ name: 'token', in: 'path', required: true, schema: str }] },
      ),
    },
    '/family/{token}/blobs/{sha256}': {
      get: op(
        'A blob cited by the child’s evidence',
        { '200': { description: 'The bytes' } },
        { security: [], parameters: [{ name: 'token', in: 'path', required: true, schema: str }, sha] },
      ),
    },
    '/openapi.json': {
      get: {
        summary: 'This document (no protocol header needed)',
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1' } },
      },
    },
    '/health': {
      get: {
        summary: 'Liveness (no protocol header needed)',
        security: [],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
} as const;
