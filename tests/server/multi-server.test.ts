/**
 * Two server instances over one database, as behind a load balancer: pushes go to both at once while a
 * device pulls through either in turn; it must see every change exactly once. (Timing rarely exposes
 * the late-commit hazard here; storage-contract.test.ts pins that down deterministically.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PullResponse, type PushResponse } from '#protocol';
import { createServer } from '#server/main.ts';
import type { Storage } from '#server/storage/storage.ts';
import { storageKinds } from './helpers/databases.ts';
import { change, hlc, newId } from './helpers/fixtures.ts';
import { setUpSchool, startTestServer } from './helpers/http.ts';

const { kinds, problem } = await storageKinds();

function slowCommits(inner: Storage): Storage {
  let n = 0;
  return {
    ...inner,
    syncTransaction: (schoolId, fn) =>
      inner.syncTransaction(schoolId, async (tx) => {
        const result = await fn(tx);
        await new Promise((resolve) => setTimeout(resolve, (n += 7) % 40));
        return result;
      }),
  };
}
// PostgreSQL only: several server processes are a PostgreSQL deployment. (Two SQLite connections in one
// process would block each other's event loop in better-sqlite3's synchronous busy wait.)
const available = kinds.filter((k) => k === 'postgres' && problem === null);

describe.each(available)('two servers over one %s database', (kind) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('a puller polling during concurrent pushes sees every change exactly once', async () => {
    const first = await startTestServer(kind);
    cleanup.push(() => first.close());
    const school = await setUpSchool(first);
    // Two instances whose push transactions linger before commit, so a late commit with a smaller
    // sequence number would slip past a careless puller.
    const bases: string[] = [];
    for (let i = 0; i < 2; i++) {
      const storage = slowCommits(first.openAnother());
      cleanup.push(() => storage.close());
      const app = await createServer({ storage, clock: first.clock });
      await app.listen({ port: 0, host: '127.0.0.1' });
      cleanup.push(() => app.close());
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      bases.push(`http://127.0.0.1:${address.port}`);
    }
    const headers = {
      'content-type': 'application/json',
      'x-waypoint-protocol': String(PROTOCOL_VERSION),
      authorization: `Bearer ${school.teacher.token}`,
    };

    const pushed: string[] = [];
    const pushes = Array.from({ length: 12 }, async (_, p) => {
      const changes = Array.from({ length: 25 }, (_, i) =>
        change('targets', newId('tg'), { code: `${p}.${i}` }, hlc(1000 + i, `dev${p}`)),
      );
      const r = await fetch(`${bases[p % 2]}/api/v1/sync/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: `dev${p}`, changes }),
      });
      pushed.push(...((await r.json()) as PushResponse).accepted);
    });

    let done = false;
    const all = Promise.all(pushes).then(() => void (done = true));
    const seen: string[] = [];
    let cursor = '0';
    for (let round = 0; round < 10_000; round++) {
      const finished = done;
      const r = await fetch(`${bases[round % 2]}/api/v1/sync/pull?since=${cursor}&limit=7`, { headers });
      const body = (await r.json()) as PullResponse;
      // Starter targets are in every new school (written at sign-up); these are the pushed ones.
      seen.push(
        ...body.changes
          .filter((c) => c.table === 'targets' && !c.changeId.startsWith('starter:'))
          .map((c) => c.changeId),
      );
      cursor = body.cursor;
      if (finished && !body.hasMore) break;
    }
    await all;
    expect(pushed).toHaveLength(300);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...pushed].sort());
  }, 30_000);

  it('throttles are shared: failures counted by one server slow the next attempt at the other', async () => {
    const first = await startTestServer(kind);
    cleanup.push(() => first.close());
    const school = await setUpSchool(first);
    const storage = first.openAnother();
    cleanup.push(() => storage.close());
    const second = await createServer({ storage, clock: first.clock });
    cleanup.push(() => second.close());
    const signIn = async (app: 'first' | 'second', password: string) => {
      const request = {
        method: 'POST' as const,
        url: '/api/v1/auth/sign-in',
        headers: { 'x-waypoint-protocol': String(PROTOCOL_VERSION) },
        payload: { email: school.email, password },
      };
      return app === 'first' ? first.app.inject(request) : second.inject(request);
    };
    // Five failures in all, three at one server and two at the other: each alone would be below the limit.
    for (let i = 0; i < 5; i++) {
      expect((await signIn(i % 2 === 0 ? 'first' : 'second', `wrong-${i}`)).statusCode).toBe(401);
    }
    expect((await signIn('first', school.password)).statusCode).toBe(429);
    expect((await signIn('second', school.password)).statusCode).toBe(429);
    first.clock.advance(1000);
    expect((await signIn('second', school.password)).statusCode).toBe(200);
  });
});
