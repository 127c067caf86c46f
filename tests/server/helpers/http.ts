/** A real server on 127.0.0.1:0 over a temp storage, and a small fetch wrapper for the tests. */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type SessionResponse } from '#protocol';
import { createServer, type ServerOptions } from '#server/main.ts';
import type { Storage } from '#server/storage/storage.ts';
import { createTestStorage, type StorageKind, type TestStorage } from './databases.ts';
import { newId } from './fixtures.ts';

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

/**
 * The server's clock in tests. It starts after the clocks the device tests give their tablets (September
 * and October 2026, some a couple of hours off), so no tablet there is ahead of the server's clock bound
 * unless a test moves it there on purpose.
 */
export function testClock(start = Date.parse('2026-10-05T12:00:00Z')): TestClock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as-is (for malformed JSON); overrides body. */
  raw?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  protocol?: string | null;
}

export interface TestServer {
  readonly base: string;
  readonly app: FastifyInstance;
  readonly storage: Storage;
  readonly clock: TestClock;
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<Answer<T>>;
  /** Stops the server and starts a new one on the same database (new port, same `call`). */
  restart(): Promise<void>;
  /** Another connection to the same database, for a second server instance (caller closes it). */
  openAnother(): Storage;
  close(): Promise<void>;
}

export async function startTestServer(
  kind: StorageKind = 'sqlite',
  staticDir?: string,
  /** More of the app's options (a logger, say). */
  more: Omit<Partial<ServerOptions>, 'storage' | 'clock'> = {},
): Promise<TestServer> {
  const t: TestStorage = await createTestStorage(kind);
  const clock = testClock();
  const listen = async () => {
    const app = await createServer({ ...more, storage: t.storage, clock, ...(staticDir ? { staticDir } : {}) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return { app, base: `http://127.0.0.1:${address.port}` };
  };
  let live = await listen();
  return {
    get base() {
      return live.base;
    },
    get app() {
      return live.app;
    },
    get storage() {
      return t.storage;
    },
    clock,
    openAnother: () => t.openAnother(),
    async restart() {
      await live.app.close();
      await t.reopen();
      live = await listen();
    },
    async call<T>(method: string, path: string, o: CallOptions = {}): Promise<Answer<T>> {
      const headers: Record<string, string> = { ...o.headers };
      if (o.protocol !== null) headers[PROTOCOL_HEADER] = o.protocol ?? String(PROTOCOL_VERSION);
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: string | Uint8Array<ArrayBuffer> | undefined = o.raw;
      if (body === undefined && o.body !== undefined) body = JSON.stringify(o.body);
      if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${live.base}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: response.status, body: parsed as T, headers: response.headers };
    },
    async close() {
      await live.app.close();
      await t.dispose();
    },
  };
}

export interface SchoolSetup {
  readonly teacher: SessionResponse;
  readonly email: string;
  readonly password: string;
  readonly classId: string;
  readonly joinCode: string;
  readonly otherClassId: string;
  readonly otherJoinCode: string;
}

/** A school made over HTTP: a teacher account and two classes. */
export async function setUpSchool(server: TestServer): Promise<SchoolSetup> {
  const email = `${newId('t')}@school.test`;
  const password = 'correct horse battery';
  const accepted = await server.call('POST', '/api/v1/auth/sign-up', {
    body: { email, password, displayName: 'Ms T', schoolName: 'Test school' },
  });
  if (accepted.status !== 202) throw new Error(`sign-up failed: ${JSON.stringify(accepted.body)}`);
  const up = await server.call<SessionResponse>('POST', '/api/v1/auth/sign-in', { body: { email, password } });
  if (up.status !== 200) throw new Error(`sign-in after sign-up failed: ${JSON.stringify(up.body)}`);
  const make = async (name: string) => {
    const r = await server.call<{ classId: string; joinCode: string }>('POST', '/api/v1/classes', {
      token: up.body.token,
      body: { name },
    });
    if (r.status !== 201) throw new Error(`class failed: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const a = await make('Room A');
  const b = await make('Room B');
  return {
    teacher: up.body,
    email,
    password,
    classId: a.classId,
    joinCode: a.joinCode,
    otherClassId: b.classId,
    otherJoinCode: b.joinCode,
  };
}

export async function enroll(server: TestServer, joinCode: string, kind: 'teacher' | 'station', teacherToken?: string) {
  const r = await server.call<SessionResponse>('POST', '/api/v1/devices/enroll', {
    ...(teacherToken ? { token: teacherToken } : {}),
    body: { joinCode, kind, deviceId: newId('device') },
  });
  if (r.status !== 201) throw new Error(`enroll failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
