/**
 * `sync.server.maxPushStallMs` (SQLite) and `.postgres`: the longest a one-row pull by another class waits
 * while the largest legal push is applied. A real server on 127.0.0.1; class A's teacher tablet sends the
 * most expensive push the limits allow (MAX_PUSH_CHANGES new evidence records setting MAX_PUSH_FIELDS fields
 * in all, the body just under MAX_PUSH_BYTES), three times, while class B's tablet pulls the one record
 * it has not seen yet, again and again. The figure is the slowest of those pulls; the detail gives an idle
 * pull's time for comparison. Target: < 500 ms on either database.
 */
import {
  formatHlc,
  MAX_PUSH_BYTES,
  MAX_PUSH_CHANGES,
  MAX_PUSH_FIELDS,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type Change,
  type PullResponse,
  type SessionResponse,
} from '../src/protocol/index.ts';
import { createServer } from '../server/http/app.ts';
import type { Metric } from './metric.ts';
import { openBenchStorage } from './sync-server-bench.ts';

const PUSHES = 3;
const IDLE_PULLS = 20;

export async function benchMaxPushStall(kind: 'sqlite' | 'postgres'): Promise<Metric> {
  const { storage, dispose } = await openBenchStorage(kind);
  await storage.migrate();
  // The token budget is not what is measured here: give both tablets room for every pull.
  const app = await createServer({ storage, clock: { now: () => Date.now() }, tokenRequestsPerMinute: 1_000_000 });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${address.port}/api/v1`;
    const headers = (token?: string): Record<string, string> => ({
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    });
    const post = async <T>(path: string, body: string, token?: string): Promise<T> => {
      const response = await fetch(`${base}${path}`, { method: 'POST', headers: headers(token), body });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
      return (await response.json()) as T;
    };
    const account = { email: 'stall@bench.test', password: 'bench password' };
    await post('/auth/sign-up', JSON.stringify({ ...account, displayName: 'B', schoolName: 'Bench' }));
    const teacher = await post<SessionResponse>('/auth/sign-in', JSON.stringify(account));
    const makeClass = (name: string) =>
      post<{ classId: string; joinCode: string }>('/classes', JSON.stringify({ name }), teacher.token);
    const [classA, classB] = [await makeClass('A'), await makeClass('B')];
    const enroll = (joinCode: string, deviceId: string) =>
      post<SessionResponse>('/devices/enroll', JSON.stringify({ joinCode, kind: 'teacher', deviceId }), teacher.token);
    const [tabletA, tabletB] = [await enroll(classA.joinCode, 'tablet-a'), await enroll(classB.joinCode, 'tablet-b')];

    let n = 0;
    const stamp = () => formatHlc({ wallMs: Date.now(), counter: n % 1000 }, 'bench');
    const change = (table: Change['table'], recordId: string, fields: Record<string, unknown>): Change => ({
      changeId: `c-${(n += 1)}`,
      table,
      recordId,
      fields,
      hlc: stamp(),
    });
    const push = (token: string, changes: Change[]) =>
      post<{ rejected: unknown[] }>(
        '/sync/push',
        JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: 'bench', changes }),
        token,
      );
    const studentsA = Array.from({ length: 30 }, (_, i) => `a-${i}`);
    await push(teacher.token, [
      ...studentsA.map((id) => change('students', id, { classId: classA.classId, displayName: id, picture: 'owl' })),
      change('students', 'b-0', { classId: classB.classId, displayName: 'B', picture: 'fox' }),
    ]);
    // Class B's tablet is up to date but for one record: the one-row pull it makes again and again.
    const pullB = (since: string) =>
      fetch(`${base}/sync/pull?since=${since}&limit=100`, { headers: headers(tabletB.token) }).then(
        async (r) => (await r.json()) as PullResponse,
      );
    let since = '0';
    for (let page = await pullB(since); ; page = await pullB(since)) {
      since = page.cursor;
      if (!page.hasMore) break;
    }
    // Evidence as the app writes it: the server refuses a new record without these (invalidField).
    const whole = (studentId: string) => ({
      studentId,
      targetIds: ['t-1'],
      kind: 'observation',
      observedAt: '2026-03-01T10:00:00.000Z',
      recordedAt: '2026-03-01T10:00:00.000Z',
      recordedBy: { kind: 'teacher', id: 't' },
    });
    await push(tabletB.token, [change('evidence', 'b-ev', { ...whole('b-0'), level: 2 })]);

    // The largest legal push: every limit reached at once, as new records (the costliest kind).
    const perChange = MAX_PUSH_FIELDS / MAX_PUSH_CHANGES;
    // The six fields every new evidence has take about 260 bytes of a change; the rest is filler fields.
    const valueLength = Math.floor(((MAX_PUSH_BYTES * 0.97) / MAX_PUSH_CHANGES - 260) / (perChange - 6)) - 12;
    const largestBody = () =>
      JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        deviceId: 'tablet-a',
        changes: Array.from({ length: MAX_PUSH_CHANGES }, (_, i) =>
          change('evidence', `ev-${n}-${i}`, {
            ...whole(studentsA[i % studentsA.length]!),
            ...Object.fromEntries(
              Array.from({ length: perChange - 6 }, (_, f) => [`f${f}`, `${i}.${f} `.padEnd(valueLength, 'x')]),
            ),
          }),
        ),
      });

    const timePull = async () => {
      const started = performance.now();
      const page = await pullB(since);
      if (page.changes.length !== 1) throw new Error(`the one-row pull got ${page.changes.length} rows`);
      return performance.now() - started;
    };
    const idle: number[] = [];
    for (let i = 0; i < IDLE_PULLS; i++) idle.push(await timePull());

    await post('/sync/push', largestBody(), tabletA.token); // warm-up
    let worst = 0;
    const pushTimes: number[] = [];
    let bytes = 0;
    for (let run = 0; run < PUSHES; run++) {
      const body = largestBody(); // serialized before the clock starts
      bytes = body.length;
      let done = false;
      const started = performance.now();
      const pushing = post<{ rejected: unknown[] }>('/sync/push', body, tabletA.token).then((answer) => {
        pushTimes.push(performance.now() - started);
        done = true;
        if (answer.rejected.length > 0)
          throw new Error(`the bench push was refused: ${JSON.stringify(answer.rejected[0])}`);
      });
      while (!done) worst = Math.max(worst, await timePull());
      await pushing;
    }
    idle.sort((a, b) => a - b);
    const idleP50 = idle[Math.floor(idle.length / 2)] ?? 0;
    return {
      value: Math.round(worst),
      unit: 'ms',
      detail:
        `${kind}: ${PUSHES} pushes of ${MAX_PUSH_CHANGES} new records × ${perChange} fields ` +
        `(${(bytes / 1048576).toFixed(1)} MB) by class A, each applied in ${pushTimes.map((t) => Math.round(t)).join(', ')} ms; ` +
        `class B's one-row pull took at most ${Math.round(worst)} ms meanwhile (idle p50 ${idleP50.toFixed(1)} ms)`,
    };
  } finally {
    await app.close();
    await dispose();
  }
}
