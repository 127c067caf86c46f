/**
 * Every route of the API (as the OpenAPI document lists them) gets hostile input in every place a client
 * controls: path values, query strings, the headers the server reads and bodies. On both databases the
 * answer is always a 4xx with the usual error body, never a 5xx (PostgreSQL once answered 500 to a NUL in
 * an id, and a deeply nested value once overflowed the validator's stack).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ErrorBody } from '#protocol';
import { openApiDocument } from '#server/http/openapi.ts';
import { storageKinds } from './helpers/databases.ts';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);

const ROUTES = Object.entries(openApiDocument.paths).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => [method.toUpperCase(), path] as const),
);

/** Already percent-encoded, as they travel in a URL. */
const PATH_VALUES = [
  '%00',
  'a%00b',
  '%FF',
  '%ED%A0%80', // a lone surrogate, encoded as UTF-8 would (invalid UTF-8)
  '%C0%80', // an over-long NUL
  '%E2%80%AE', // right-to-left override (valid, but no id)
  '%2e%2e%2f%2e%2e%2fetc',
  'x'.repeat(3000),
  '%F0%9F%98%80',
];
const QUERIES = ['?since=%00', '?since=0&limit=%FF', '?since[]=1&limit[x]=2', `?since=${'9'.repeat(400)}`];
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const BODIES: [string, Uint8Array<ArrayBuffer> | string][] = [
  ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  [
    'a NUL in every string',
    '{"email":"a\\u0000@b.co","password":"p\\u0000","studentId":"\\u0000","name":"\\u0000","joinCode":"\\u0000","kind":"station","deviceId":"\\u0000"}',
  ],
  [
    'lone surrogates',
    '{"email":"\\ud800@b.co","password":"\\udc00","studentId":"a\\ud800","name":"\\ud800","displayName":"\\ud800","schoolName":"x"}',
  ],
  ['nesting 20 000 deep', `{"changes":${deep(20_000)},"studentId":${deep(20_000)},"name":${deep(20_000)}}`],
  ['a number past float range', '{"protocolVersion":1e400,"limit":-1e400,"name":1e400}'],
  ['prototype keys', '{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}}}'],
  [
    'a push of odd changes',
    JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      deviceId: '\u0000',
      changes: [
        {
          changeId: 'c',
          table: 'students',
          recordId: 'r\u0000',
          fields: { ['a'.repeat(5000)]: 1 },
          hlc: `${'9'.repeat(30)}-000000-x`,
        },
      ],
    }),
  ],
  ['not JSON', '{"a":'],
];
const HEADERS: Record<string, string>[] = [
  { authorization: `Bearer ${'A'.repeat(5000)}` },
  {
    authorization:
      'Bearer \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9',
  },
  { 'x-waypoint-protocol': '99999999999999999999' },
  { 'content-type': 'application/json; charset=utf-16' },
  { 'content-type': 'image/png; \u00ff' },
  { 'x-forwarded-for': '\u00ff, 1.2.3.4' },
];

describe.each(available)('hostile input on every route on %s', (kind) => {
  let server: TestServer;
  let school: SchoolSetup;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await setUpSchool(server);
  });
  afterAll(async () => server?.close());

  async function expectNo5xx(
    method: string,
    url: string,
    init: { body?: Uint8Array<ArrayBuffer> | string; headers?: Record<string, string> },
  ) {
    const headers: Record<string, string> = {
      'x-waypoint-protocol': String(PROTOCOL_VERSION),
      authorization: `Bearer ${school.teacher.token}`,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    };
    const response = await fetch(`${server.base}/api/v1${url}`, {
      method,
      headers,
      ...(init.body !== undefined && method !== 'GET' ? { body: init.body } : {}),
    });
    const text = await response.text();
    expect(
      response.status,
      `${method} ${url} ${JSON.stringify(init.headers ?? {})} → ${response.status} ${text.slice(0, 200)}`,
    ).toBeLessThan(500);
    if (response.status >= 400)
      expect(
        (JSON.parse(text) as Partial<ErrorBody>).error?.message.length ?? 0,
        `${method} ${url}: ${text.slice(0, 300)}`,
      ).toBeGreaterThan(5);
  }

  const fill = (path: string, value: string) => path.replace(/\{\w+\}/g, value);

  it.each(ROUTES)('%s %s: hostile path values and queries', async (method, path) => {
    for (const value of path.includes('{') ? PATH_VALUES : ['']) {
      await expectNo5xx(method, fill(path, value), {});
    }
    for (const query of QUERIES) await expectNo5xx(method, `${fill(path, 'x')}${query}`, {});
  });

  it.each(ROUTES)('%s %s: hostile bodies and headers', async (method, path) => {
    const url = fill(path, 'a'.repeat(64));
    for (const [, body] of BODIES) await expectNo5xx(method, url, { body });
    for (const headers of HEADERS) await expectNo5xx(method, url, { headers, body: '{}' });
  });
});
