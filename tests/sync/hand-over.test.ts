/**
 * Handing a connected tablet over, to one child or to the class as a station: it enrolls in that role
 * (`POST /devices/enroll`, kind `student` with the teacher's token, or `station`) after everything the
 * teacher left waiting is sent, and keeps no teacher token. Against a fake server that speaks the protocol's
 * contract (src/protocol/wire.ts).
 */
import { describe, expect, it } from 'vitest';
import { addStudent, countOutbox, getConnection, saveConnection, type Connection } from '#db';
import type { ClassListResponse, EnrollRequest, PushResponse, SessionResponse } from '#protocol';
import { createSyncController, SyncError, type SyncTransport } from '#sync';
import { testStore } from '#tests/helpers/test-store.ts';
import { fakeSchedulerEnv } from './fake-scheduler-env.ts';

const BASE = 'https://school.test';
const liam = { kind: 'student', studentId: 'liam', classId: 'room-4' } as const;
const teacher: Connection = {
  baseUrl: BASE,
  token: 'teacher-token',
  deviceTokenId: 'teacher-token-id',
  kind: 'teacher',
  scope: { schoolId: 'school-1' },
  teacherId: 'ms-rivera',
};

interface Call {
  readonly method: string;
  readonly path: string;
  readonly token: string | null;
  readonly body: unknown;
}

/** The server's answers to the calls a hand-over makes; every call is recorded. */
function fakeServer(options: { classes?: ClassListResponse['classes'] } = {}) {
  const calls: Call[] = [];
  const doFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const path = url.pathname.replace(/^\/api\/v1/, '');
    calls.push({ method, path, token: headers.get('authorization'), body });
    const json = (status: number, value: unknown) =>
      new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
    if (method === 'GET' && path === '/classes') {
      return json(200, {
        classes: options.classes ?? [{ classId: 'room-4', name: 'Room 4', joinCode: 'ROOM4CDE' }],
      } satisfies ClassListResponse);
    }
    if (method === 'POST' && path === '/devices/enroll') {
      const request = body as EnrollRequest;
      return json(201, {
        deviceTokenId: `${request.kind}-token-id`,
        token: `${request.kind}-token`,
        kind: request.kind,
        scope: {
          schoolId: 'school-1',
          classId: 'room-4',
          ...(request.studentId ? { studentId: request.studentId } : {}),
        },
      } satisfies SessionResponse);
    }
    if (method === 'DELETE' && path.startsWith('/devices/')) return new Response(null, { status: 204 });
    return json(404, { error: 'notFound', message: 'No such route' });
  }) as typeof fetch;
  return { calls, doFetch };
}

/** Push and pull, recorded by the token that made them; pushes fail while `offline`. */
function fakeTransport() {
  const used: { token: string; kind: 'push' | 'pull' }[] = [];
  let offline = false;
  const make = (connection: Connection): SyncTransport => ({
    async push(request) {
      used.push({ token: connection.token, kind: 'push' });
      if (offline) throw new SyncError('The server could not be reached.', 'network', true);
      return { accepted: request.changes.map((c) => c.changeId), rejected: [], serverTime: 0 } satisfies PushResponse;
    },
    async pull(since) {
      used.push({ token: connection.token, kind: 'pull' });
      return { changes: [], cursor: since, hasMore: false, serverTime: 0 };
    },
    putBlob: async () => undefined,
    getBlob: async () => ({ bytes: new ArrayBuffer(0), mime: 'image/png' }),
  });
  return { used, make, setOffline: (value: boolean) => void (offline = value) };
}

async function connectedTablet() {
  const store = testStore();
  await saveConnection(store, teacher);
  const server = fakeServer();
  const transport = fakeTransport();
  const sync = createSyncController({
    store,
    schedulerEnv: fakeSchedulerEnv().env,
    fetch: server.doFetch,
    makeTransport: transport.make,
  });
  await sync.resume();
  return { store, sync, server, transport };
}

describe('a teacher hands a connected tablet to one child', () => {
  it('sends what waits with the teacher’s token, enrolls as the child’s device and drops the teacher’s token', async () => {
    const { store, sync, server, transport } = await connectedTablet();
    // The teacher's own work, not sent yet: only the teacher's token may send it.
    await addStudent(store, { classId: 'room-4', displayName: 'Liam', picture: 'rocket', familyLanguage: 'en' });
    expect(await countOutbox(store)).toBe(1);

    expect(await sync.enrollAs(liam)).toBe(true);
    expect(await countOutbox(store)).toBe(0);
    const firstPushAfter = transport.used.findIndex((u) => u.kind === 'push');
    expect(transport.used[firstPushAfter]!.token).toBe('teacher-token');

    expect(server.calls.map((c) => `${c.method} ${c.path} ${c.token}`)).toEqual([
      'GET /classes Bearer teacher-token',
      'POST /devices/enroll Bearer teacher-token',
      'DELETE /devices/teacher-token-id Bearer teacher-token',
    ]);
    const enroll = server.calls[1]!.body as EnrollRequest;
    expect(enroll).toEqual({ joinCode: 'ROOM4CDE', kind: 'student', studentId: 'liam', deviceId: expect.any(String) });

    expect(await getConnection(store)).toMatchObject({
      kind: 'student',
      token: 'student-token',
      scope: { classId: 'room-4', studentId: 'liam' },
    });
    // From now on the tablet syncs as the child's device.
    expect(transport.used.at(-1)).toEqual({ token: 'student-token', kind: 'pull' });
    await sync.disconnect();
  });

  it('enrolls as a station of the class, with the join code alone, and drops the teacher’s token', async () => {
    const { store, sync, server } = await connectedTablet();
    expect(await sync.enrollAs({ kind: 'station', classId: 'room-4' })).toBe(true);
    expect(server.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /classes',
      'POST /devices/enroll',
      'DELETE /devices/teacher-token-id',
    ]);
    expect(server.calls[1]!.body).toEqual({ joinCode: 'ROOM4CDE', kind: 'station', deviceId: expect.any(String) });
    expect(await getConnection(store)).toMatchObject({ kind: 'station', token: 'station-token' });
    // Already a station of that class: nothing more to do.
    expect(await sync.enrollAs({ kind: 'station', classId: 'room-4' })).toBe(true);
    expect(server.calls).toHaveLength(3);
    await sync.disconnect();
  });

  it('refuses while the teacher’s changes cannot reach the server, and changes nothing', async () => {
    const { store, sync, server, transport } = await connectedTablet();
    transport.setOffline(true);
    await addStudent(store, { classId: 'room-4', displayName: 'Liam', picture: 'rocket', familyLanguage: 'en' });
    await expect(sync.enrollAs(liam)).rejects.toMatchObject({ code: 'pendingChanges' });
    expect(server.calls).toEqual([]);
    expect(await getConnection(store)).toEqual(teacher);
    expect(await countOutbox(store)).toBe(1);
    await sync.disconnect();
  });

  it('says when the server does not know the class, and keeps the teacher’s connection', async () => {
    const store = testStore();
    await saveConnection(store, teacher);
    const server = fakeServer({ classes: [] });
    const sync = createSyncController({
      store,
      schedulerEnv: fakeSchedulerEnv().env,
      fetch: server.doFetch,
      makeTransport: fakeTransport().make,
    });
    await expect(sync.enrollAs(liam)).rejects.toMatchObject({ code: 'unknownClass' });
    expect(await getConnection(store)).toEqual(teacher);
  });

  it('does nothing on a tablet that is not connected, and refuses from a station’s connection', async () => {
    const store = testStore();
    const server = fakeServer();
    const sync = createSyncController({ store, schedulerEnv: fakeSchedulerEnv().env, fetch: server.doFetch });
    expect(await sync.enrollAs(liam)).toBe(false);
    await saveConnection(store, { ...teacher, kind: 'station', scope: { schoolId: 'school-1', classId: 'room-4' } });
    await expect(sync.enrollAs(liam)).rejects.toMatchObject({ code: 'needsTeacher' });
    expect(server.calls).toEqual([]);
  });
});
