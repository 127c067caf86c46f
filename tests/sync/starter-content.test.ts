/**
 * Starter content is the same everywhere and never pushed (issue 17, item 6): every fresh tablet used to
 * push its 53 starter records, so the 30th tablet of a school pulled ~1,590 duplicate changes. Now each
 * device loads them under STARTER_HLC with no outbox entry, and the server writes the same records into
 * every new school (sign-up and the demo school), so family links and stations have them too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STARTER_HLC, type PulledChange, type PushRequest, type SessionResponse } from '#protocol';
import { readSyncStatus, seedFirstRun, writeFields } from '#db';
import { starterRecords } from '#content/index.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_SCHOOL_ID, seedDemoSchool } from '#server/seed.ts';
import type { SyncTransport } from '#sync';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from '#tests/server/helpers/http.ts';
import { testStore } from '#tests/helpers/test-store.ts';
import { teacherDevice, type Device } from './devices.ts';

// Each test runs a real server over HTTP: seconds on a busy 2-core machine (the describes' timeouts).
const CONTENT_TABLES = new Set(['frameworks', 'targets', 'itemSets']);

let server: TestServer;
let school: SchoolSetup;

beforeEach(async () => {
  server = await startTestServer('sqlite');
  school = await setUpSchool(server);
});

afterEach(async () => {
  await server.close();
});

/** Watches what a device pushes and pulls. */
function watched(device: Device) {
  const pushed: PushRequest[] = [];
  const pulled: PulledChange[] = [];
  const real = device.transport();
  const transport: SyncTransport = {
    ...real,
    push: (request) => {
      pushed.push(request);
      return real.push(request);
    },
    pull: async (since, limit) => {
      const page = await real.pull(since, limit);
      pulled.push(...page.changes);
      return page;
    },
  };
  return { transport, pushed, pulled };
}

async function freshTablet(name: string): Promise<Device> {
  const device = await teacherDevice(name, () => server.base, school, server.clock.now(), server.clock);
  await seedFirstRun(device.store);
  return device;
}

async function pullAll(token: string): Promise<PulledChange[]> {
  const all: PulledChange[] = [];
  let cursor = '0';
  for (;;) {
    const r = await server.call<{ changes: PulledChange[]; cursor: string; hasMore: boolean }>(
      'GET',
      `/api/v1/sync/pull?since=${cursor}&limit=1000`,
      { token },
    );
    all.push(...r.body.changes);
    cursor = r.body.cursor;
    if (!r.body.hasMore) return all;
  }
}

describe('starter content', { timeout: 30_000 }, () => {
  it('is in a new school from the start, exactly as a device loads it', async () => {
    const content = (await pullAll(school.teacher.token)).filter((c) => CONTENT_TABLES.has(c.table));
    const shipped = starterRecords();
    expect(content).toHaveLength(shipped.length);
    expect(content.every((c) => c.hlc === STARTER_HLC)).toBe(true);
    const frameworks = content.filter((c) => c.table === 'frameworks').map((c) => c.recordId);
    expect(frameworks.sort()).toEqual(['kindergarten-literacy', 'kindergarten-sel']);
    expect(content.filter((c) => c.table === 'targets')).toHaveLength(36);
    for (const record of shipped) {
      const { id: _id, ...fields } = record.fields;
      expect(content.find((c) => c.table === record.table && c.recordId === record.recordId)?.fields).toEqual(fields);
    }
  });

  it('is in the demo school too', async () => {
    await seedDemoSchool({ storage: server.storage, clock: server.clock });
    const session = await server.call<SessionResponse>('POST', '/api/v1/auth/sign-in', {
      body: { email: DEMO_EMAIL, password: DEMO_PASSWORD },
    });
    expect(session.body.scope.schoolId).toBe(DEMO_SCHOOL_ID);
    const content = (await pullAll(session.body.token)).filter((c) => CONTENT_TABLES.has(c.table));
    expect(content).toHaveLength(starterRecords().length);
    expect(content.every((c) => c.hlc === STARTER_HLC)).toBe(true);
  });

  it('is never pushed: a second and a third fresh tablet push nothing and pull each starter record once', async () => {
    const tablets = [await freshTablet('first'), await freshTablet('second'), await freshTablet('third')];
    for (const tablet of tablets) {
      // A new tablet does not count demo or starter records as waiting.
      expect((await readSyncStatus(tablet.store)).pendingChanges).toBe(0);
      const watch = watched(tablet);
      await tablet.sync(watch.transport);
      expect(watch.pushed.flatMap((p) => p.changes)).toEqual([]);
      expect(watch.pulled.filter((c) => CONTENT_TABLES.has(c.table))).toHaveLength(starterRecords().length);
    }
    const [first, second] = tablets;
    const rows = async (d: Device) => (await d.store.db.targets.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await rows(second!)).toEqual(await rows(first!));
  });

  it('a teacher’s edit of a starter target is pushed with a real stamp and reaches the other tablets', async () => {
    const [a, b] = [await freshTablet('a'), await freshTablet('b')];
    await a.sync();
    await b.sync();
    await writeFields(a.store.db, a.store.env, 'targets', 'lt-names-upper', { teacherStatement: 'Names capitals' });
    const watch = watched(a);
    await a.sync(watch.transport);
    expect(watch.pushed.flatMap((p) => p.changes).map((c) => c.recordId)).toEqual(['lt-names-upper']);
    await b.sync();
    const target = await b.store.db.targets.get('lt-names-upper');
    expect(target?.teacherStatement).toBe('Names capitals');
    expect(target?._hlc['teacherStatement']).not.toBe(STARTER_HLC);
  });

  it('a tablet an older version seeded through the outbox does not push its starter changes again', async () => {
    const store = testStore();
    await seedFirstRun(store);
    // As an older version left it: the starter frameworks and the demo queued for pushing.
    await store.db.settings.delete('starterQueueCleared');
    const { literacyFramework, selFramework } = await import('#content/index.ts');
    for (const content of [literacyFramework, selFramework]) {
      await writeFields(store.db, store.env, 'frameworks', content.framework.id, { ...content.framework });
      for (const t of content.targets) await writeFields(store.db, store.env, 'targets', t.id, { ...t });
      for (const s of content.itemSets) await writeFields(store.db, store.env, 'itemSets', s.id, { ...s });
    }
    expect(await store.db.outbox.count()).toBe(starterRecords().length);
    await seedFirstRun(store); // the app's next start
    expect(await store.db.outbox.count()).toBe(0);
  });
});
