/** A hand-written OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
import {
  BLOB_MEDIA_TYPES,
  MAX_BLOB_BYTES,
  MAX_CHANGE_FIELDS,
  MAX_CHANGE_FIELDS_BYTES,
  MAX_CLOCK_AHEAD_MS,
  MAX_FIELD_NAME_LENGTH,
  MAX_PUSH_BYTES,
  MAX_PUSH_CHANGES,
  MAX_PUSH_FIELDS,
  MAX_RECORD_FIELDS,
  MAX_REPORTED_BYTES,
  MAX_REPORTED_COUNT,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  REFUSAL_CODES,
  SYNCED_TABLES,
  WIRE_HLC_PATTERN,
} from '#protocol';

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
const count = { type: 'integer', minimum: 0 };
const nullable = (schema: { type: string }) => ({ ...schema, type: [schema.type, 'null'] });
const sha = { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } };
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
};
const throttled = {
  '429': { description: 'Too many attempts or requests: wait the Retry-After seconds (a delay, never a lockout)' },
};
const DEVICE_KINDS = ['teacher', 'station', 'student'];

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
        changeId: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
        table: { enum: [...SYNCED_TABLES] },
        recordId: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
        fields: {
          type: 'object',
          minProperties: 1,
          maxProperties: MAX_CHANGE_FIELDS,
          propertyNames: { pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$', maxLength: MAX_FIELD_NAME_LENGTH },
          description: `At most ${MAX_CHANGE_FIELDS_BYTES} bytes of JSON, nested at most 32 deep; a record holds at most ${MAX_RECORD_FIELDS} fields`,
        },
        hlc: {
          type: 'string',
          pattern: WIRE_HLC_PATTERN.source,
          description: `Wall time (13 digits, ms), counter, device id. At most ${MAX_CLOCK_AHEAD_MS / 60_000} min ahead of the server's clock, else refused per change (clockAhead)`,
        },
      }),
      PushRequest: {
        ...obj({
          protocolVersion: { type: 'integer' },
          deviceId: str,
          changes: { type: 'array', maxItems: MAX_PUSH_CHANGES, items: ref('Change') },
        }),
        description: `At most ${MAX_PUSH_CHANGES} changes setting ${MAX_PUSH_FIELDS} fields in all, in a body of at most ${MAX_PUSH_BYTES} bytes (else 413)`,
      },
      RecordState: obj({
        fields: { type: 'object', description: 'The fields the caller may see, as the server holds them' },
        stamps: { type: 'object', additionalProperties: str, description: 'Each field’s clock stamp' },
      }),
      RejectedChange: obj(
        {
          changeId: str,
          code: { enum: [...REFUSAL_CODES] },
          reason: str,
          current: {
            oneOf: [ref('RecordState'), { type: 'null' }],
            description:
              'The record as the server holds it for the caller, to put the device’s copy back (null: none it may see); absent for clockAhead',
          },
        },
        ['changeId', 'code', 'reason'],
      ),
      PushResponse: obj(
        {
          accepted: { type: 'array', items: str },
          rejected: { type: 'array', items: ref('RejectedChange') },
          cursor: str,
          serverTime: { type: 'integer', description: 'The server’s clock (ms since the epoch) when it answered' },
          missingBlobIds: {
            type: 'array',
            items: str,
            description:
              'Blobs that evidence accepted now cites and the server does not hold (absent when none): a device that thought one uploaded sends it again',
          },
        },
        ['accepted', 'rejected', 'serverTime'],
      ),
      PullResponse: obj(
        {
          changes: { type: 'array', items: { allOf: [ref('Change'), obj({ seq: { type: 'integer' } })] } },
          cursor: str,
          hasMore: { type: 'boolean' },
          reset: { const: true, description: 'The cursor came from another database: this page starts over' },
          serverTime: { type: 'integer', description: 'The server’s clock (ms since the epoch) when it answered' },
        },
        ['changes', 'cursor', 'hasMore', 'serverTime'],
      ),
      SignUpAccepted: obj({ accepted: { const: true }, message: str }),
      Session: obj(
        {
          deviceTokenId: str,
          token: str,
          kind: { enum: DEVICE_KINDS },
          scope: obj({ schoolId: str, classId: str, studentId: str }, ['schoolId']),
          teacherId: str,
          expiresAt: str,
        },
        ['deviceTokenId', 'token', 'kind', 'scope'],
      ),
      ClassSummary: obj({ classId: str, name: str, joinCode: str }),
      Device: obj({
        deviceTokenId: str,
        kind: { enum: DEVICE_KINDS },
        classId: nullable(str),
        deviceId: str,
        deviceName: nullable(str),
        signedInStudentId: { ...nullable(str), description: 'A station’s signed-in child, or a student device’s own' },
        createdAt: str,
        expiresAt: nullable(str),
        revokedAt: nullable(str),
        status: {
          oneOf: [ref('DeviceStatus'), { type: 'null' }],
          description: 'The device’s last status report (POST /sync/status); null before its first',
        },
      }),
      DeviceStatus: obj({
        usedBytes: nullable(count),
        freeBytes: nullable(count),
        pendingChanges: nullable(count),
        pendingUploads: nullable(count),
        pendingUploadBytes: nullable(count),
        reportedAt: str,
      }),
      DeviceStatusReport: obj(
        {
          protocolVersion: { type: 'integer' },
          usedBytes: { ...count, maximum: MAX_REPORTED_BYTES },
          freeBytes: { ...count, maximum: MAX_REPORTED_BYTES },
          pendingChanges: { ...count, maximum: MAX_REPORTED_COUNT },
          pendingUploads: { ...count, maximum: MAX_REPORTED_COUNT },
          pendingUploadBytes: { ...count, maximum: MAX_REPORTED_BYTES },
        },
        ['protocolVersion'],
      ),
    },
  },
  paths: {
    '/auth/sign-up': {
      post: op(
        'Create a school and its first teacher; then sign in. The answer is the same whether or not the email already has an account (throttled per address)',
        { '202': { description: 'Accepted: sign in next', ...json(ref('SignUpAccepted')) }, ...throttled },
        {
          security: [],
          ...body(obj({ email: str, password: { type: 'string', minLength: 10 }, displayName: str, schoolName: str })),
        },
      ),
    },
    '/auth/sign-in': {
      post: op(
        'Teacher sign-in. Failures slow down the address and email (and, from unknown devices, the account) with growing delays; a device that sends a token it holds for the account (Authorization, even expired) is slowed only by its own failures',
        { '200': { description: 'Signed in', ...json(ref('Session')) }, ...throttled },
        {
          security: [{}, { bearer: [] }],
          ...body(obj({ email: str, password: str, deviceId: str }, ['email', 'password'])),
        },
      ),
    },
    '/auth/password': {
      post: op(
        'A teacher signed in with email and password changes the account’s password. The current password is checked as at sign-in (wrong ones slow this token down like a known device’s wrong sign-ins); the new one must be 10–200 characters, differ from the current one and not be easy to guess (else 400 with code weakPassword and details[0] one of length, sameAsCurrent, published, containsEmail, containsName, fewCharacters, noLetters, common). Every other sign-in of the account ends; this token and the devices enrolled with the account’s tokens keep working. Nothing changes on any error',
        {
          '200': {
            description: 'Changed; signedOut: how many other sign-ins ended',
            ...json(obj({ changed: { const: true }, signedOut: count })),
          },
          '403': {
            description:
              'The current password is wrong (code wrongPassword), or the token is not a teacher’s own sign-in: a class tablet, station, child’s tablet or family link (code forbidden)',
          },
          '409': { description: 'The password changed meanwhile from another device' },
          ...throttled,
        },
        body(obj({ currentPassword: str, newPassword: { type: 'string', minLength: 10, maxLength: 200 } })),
      ),
    },
    '/devices/enroll': {
      post: op(
        'Enroll a device in a class by join code: a station; a teacher device or one child’s own tablet (kind student, with studentId) also need a teacher’s bearer token. Unknown codes slow the address down; many enrollments slow the code down',
        {
          '201': { description: 'Enrolled', ...json(ref('Session')) },
          '403': { description: 'The token is not a teacher’s of that school' },
          '404': { description: 'Unknown join code, or no such current child in the class' },
          ...throttled,
        },
        body(
          obj({ joinCode: str, kind: { enum: DEVICE_KINDS }, deviceId: str, deviceName: str, studentId: str }, [
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
    '/sync/status': {
      post: op(
        'A device reports its storage and what waits on it, after a sync round; teachers see it in GET /devices. Unknown fields are ignored; body ≤ 4 KB',
        { '204': { description: 'Kept' } },
        body(ref('DeviceStatusReport')),
      ),
    },
    '/session': {
      get: op('The caller’s token kind and scope', { '200': { description: 'Session', ...json(ref('Session')) } }),
    },
    '/devices/{id}': {
      delete: op(
        'Revoke a device token (own token, or a teacher in scope)',
        { '204': { description: 'Revoked' }, '404': { description: 'Not in scope' } },
        { parameters: [idParam] },
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
        { parameters: [idParam] },
      ),
    },
    '/station/sign-in': {
      post: op(
        'Scope a station token to one child until sign-out (stations only; a student device is always its child’s)',
        { '200': { description: 'Signed in; pull again from pullFrom' } },
        body(obj({ studentId: str })),
      ),
    },
    '/station/sign-out': { post: op('Drop the station’s signed-in child', { '204': { description: 'Signed out' } }) },
    '/sync/push': {
      post: op(
        'Apply a batch of changes, in order (idempotent by changeId within the school); each refused change has a code, a reason and the record as the server holds it',
        {
          '200': { description: 'Accepted and rejected changes', ...json(ref('PushResponse')) },
          '413': { description: 'Over a push limit (bytes or fields): split the batch' },
          ...throttled,
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
        `Upload bytes whose SHA-256 is the id (at most ${MAX_BLOB_BYTES} bytes; re-sending is harmless). Only ${BLOB_MEDIA_TYPES.join(', ')}, and the bytes must be what the type says`,
        {
          '200': { description: 'Already stored' },
          '201': { description: 'Stored' },
          '413': { description: 'Too large' },
          '415': { description: 'Not a type the app records, or the bytes are not that type' },
          '422': { description: 'Bytes do not match the hash' },
          '429': {
            description:
              'uploadQuotaExceeded: the uploader (or its class) keeps as many bytes no record cites as it may; nothing stored, try again after its records (Retry-After)',
          },
        },
        {
          parameters: [sha],
          requestBody: {
            content: Object.fromEntries(
              [...BLOB_MEDIA_TYPES, 'application/octet-stream'].map((type) => [
                type,
                { schema: { type: 'string', format: 'binary' } },
              ]),
            ),
          },
        },
      ),
      get: op(
        'Download a blob: by the school’s teacher accounts, the uploading class’s teacher devices, and whoever may see evidence that cites it with the right to read it. Served with nosniff, a sandboxing CSP and Content-Disposition (inline only for the allowed types)',
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
      delete: op('Turn a family link off', { '204': { description: 'Revoked' } }, { parameters: [idParam] }),
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
        summary: 'Liveness: the process answers (no protocol header needed; also served at /health)',
        security: [],
        responses: { '200': { description: '{ ok: true }' } },
      },
    },
    '/ready': {
      get: {
        summary:
          'Readiness for a load balancer: the database answers and has every migration this server needs, and the ' +
          'server is not stopping (no protocol header needed; also served at /ready)',
        security: [],
        responses: {
          '200': { description: '{ ok: true }' },
          '503': {
            description: 'Not ready: the database does not answer, lacks a migration, or this server is draining',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
  },
} as const;
