/** The composition root's other duties: the built app with SPA fallback, caching, the demo seed. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOB_MEDIA_TYPES,
  MAX_CHANGE_FIELDS,
  MAX_FIELD_NAME_LENGTH,
  MAX_PUSH_BYTES,
  MAX_PUSH_CHANGES,
  MAX_PUSH_FIELDS,
  REFUSAL_CODES,
  WIRE_HLC_PATTERN,
  type SessionResponse,
} from '#protocol';
import { createServer } from '#server/main.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemoSchool } from '#server/seed.ts';
import { startTestServer, type TestServer } from './helpers/http.ts';

let server: TestServer;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'waypoint-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Waypoint</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log("app");');
  server = await startTestServer('sqlite', dist);
});
afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.base}${path}`, { headers });

describe('serving the built app', () => {
  it('serves index.html and sw.js uncached, and hashed assets normally', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Waypoint</title>');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/sw.js')).headers.get('cache-control')).toBe('no-cache');
    const asset = await get('/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('falls back to index.html for app routes, but not for the API', async () => {
    const deep = await get('/family/some-token');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('Waypoint');
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    const api = await get('/api/v1/nope', { 'x-waypoint-protocol': '1' });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('notFound');
  });

  it('compresses large API answers', async () => {
    const r = await get('/api/v1/openapi.json', { 'accept-encoding': 'gzip' });
    expect(r.headers.get('content-encoding')).toBe('gzip');
  });
});

describe('demo seed', () => {
  it('creates the demo school once, and the demo teacher can sign in and see the class', async () => {
    const first = await seedDemoSchool({ storage: server.storage, clock: server.clock });
    const second = await seedDemoSchool({ storage: server.storage, clock: server.clock });
    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, joinCode: first.joinCode });
    const signIn = await server.call<SessionResponse>('POST', '/api/v1/auth/sign-in', {
      body: { email: DEMO_EMAIL, password: DEMO_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    const classes = await server.call<{ classes: { name: string; joinCode: string }[] }>('GET', '/api/v1/classes', {
      token: signIn.body.token,
    });
    expect(classes.body.classes).toEqual([
      expect.objectContaining({ name: 'Room 4 (demo)', joinCode: first.joinCode }),
    ]);
  });
});

describe('closed sign-up', () => {
  it('refuses new schools when allowSignUp is false', async () => {
    const app = await createServer({ storage: server.storage, clock: server.clock, allowSignUp: false });
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      headers: { 'x-waypoint-protocol': '1' },
      payload: { email: 'new@school.test', password: 'long enough pw', displayName: 'N', schoolName: 'New' },
    });
    expect(r.statusCode).toBe(403);
    expect(await server.storage.findTeacherByEmail('new@school.test')).toBeUndefined();
    await app.close();
  });
});

describe('request rate limit', () => {
  it('answers 429 with the usual error body past the per-IP limit', async () => {
    const app = await createServer({ storage: server.storage, clock: server.clock, requestsPerMinute: 3 });
    const hit = () => app.inject({ method: 'GET', url: '/api/v1/health' });
    for (let i = 0; i < 3; i++) expect((await hit()).statusCode).toBe(200);
    const refused = await hit();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      error: { code: 'tooManyRequests', message: expect.stringMatching(/try again/) },
    });
    await app.close();
  });
});

describe('OpenAPI document', () => {
  it('describes only routes that exist', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const url = `/api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`;
        if (!server.app.hasRoute({ method: method.toUpperCase() as 'GET', url })) missing.push(`${method} ${url}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(17);
  });

  it('states the contract’s fields, codes, kinds, media types and limits as the protocol module does', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as {
      components: { schemas: Record<string, Schema> };
      paths: Record<string, Record<string, Schema>>;
    };
    const schemas = doc.components.schemas;
    expect(schemas.RejectedChange?.properties?.code?.enum).toEqual([...REFUSAL_CODES]);
    expect(Object.keys(schemas.RejectedChange?.properties ?? {})).toEqual(['changeId', 'code', 'reason', 'current']);
    expect(schemas.PushResponse?.required).toContain('serverTime');
    expect(schemas.PullResponse?.required).toContain('serverTime');
    expect(schemas.Session?.properties?.kind?.enum).toEqual(['teacher', 'station', 'student']);
    const enroll = doc.paths['/devices/enroll']?.post?.requestBody?.content?.['application/json']?.schema;
    expect(enroll?.properties?.kind?.enum).toEqual(['teacher', 'station', 'student']);
    expect(Object.keys(enroll?.properties ?? {})).toContain('studentId');
    expect(Object.keys(doc.paths['/auth/sign-up']?.post?.responses ?? {})).toContain('202');
    const upload = doc.paths['/blobs/{sha256}']?.put?.requestBody?.content ?? {};
    expect(Object.keys(upload)).toEqual([...BLOB_MEDIA_TYPES, 'application/octet-stream']);
    expect(Object.keys(doc.paths['/blobs/{sha256}']?.put?.responses ?? {})).toContain('415');
    const change = schemas.Change?.properties ?? {};
    expect(change.fields?.maxProperties).toBe(MAX_CHANGE_FIELDS);
    expect(change.fields?.propertyNames?.maxLength).toBe(MAX_FIELD_NAME_LENGTH);
    expect(change.hlc?.pattern).toBe(WIRE_HLC_PATTERN.source);
    expect(schemas.PushRequest?.properties?.changes?.maxItems).toBe(MAX_PUSH_CHANGES);
    expect(schemas.PushRequest?.description).toContain(String(MAX_PUSH_FIELDS));
    expect(schemas.PushRequest?.description).toContain(String(MAX_PUSH_BYTES));
  });
});

/** Enough of a JSON Schema / OpenAPI node to walk it in a test. */
interface Schema {
  readonly properties?: Record<string, Schema>;
  readonly required?: string[];
  readonly enum?: string[];
  readonly maxProperties?: number;
  readonly maxItems?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly description?: string;
  readonly propertyNames?: Schema;
  readonly requestBody?: { content?: Record<string, { schema?: Schema }> };
  readonly responses?: Record<string, unknown>;
  readonly post?: Schema;
  readonly put?: Schema;
  readonly fields?: Schema;
}
