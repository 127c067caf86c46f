import { describe, expect, it } from 'vitest';
import type { Change, PushRequest } from '#protocol';
import { addStudent, recordEvidence, seedFirstRun, saveCursor } from '#db';
import { syncOnce, type SyncTransport } from '#sync';
import { testStore } from '#tests/helpers/test-store.ts';

/** A server that has lost everything: it accepts whatever is pushed and answers pulls with reset. */
function emptiedServer() {
  const received: Change[] = [];
  const transport: SyncTransport = {
    push: async (request: PushRequest) => {
      received.push(...request.changes);
      return { accepted: request.changes.map((c) => c.changeId), rejected: [], serverTime: Date.now() };
    },
    pull: async (since) => ({
      changes: [],
      cursor: '1',
      hasMore: false,
      serverTime: Date.now(),
      ...(since !== '0' ? { reset: true as const } : {}),
    }),
    putBlob: async () => undefined,
    getBlob: async () => {
      throw new Error('unused');
    },
  };
  return { transport, received };
}

describe('a server whose database was re-created', () => {
  it('gets every record this device holds again, with the stamps they carry, but no demo or starter data', async () => {
    const store = testStore();
    await seedFirstRun(store);
    const ana = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    const evidence = await recordEvidence(store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'observation',
      level: 3,
      recordedBy: { kind: 'teacher', id: 't' },
    });
    await store.db.outbox.clear(); // as if all of it had been pushed to the old database
    await saveCursor(store, '5000');
    const stamps = (await store.db.evidence.get(evidence.id))!._hlc;

    const server = emptiedServer();
    await syncOnce({ store, transport: server.transport });

    const ids = new Set(server.received.map((c) => `${c.table}/${c.recordId}`));
    expect(ids.has(`students/${ana.id}`)).toBe(true);
    expect(ids.has(`evidence/${evidence.id}`)).toBe(true);
    // Starter content is in every school already, under the same stamp: never pushed.
    expect(ids.has('targets/lt-names-upper')).toBe(false);
    expect([...ids].some((id) => id.includes('/demo-'))).toBe(false);
    const evidenceChange = server.received.find((c) => c.recordId === evidence.id)!;
    expect(evidenceChange.hlc).toBe(stamps['level']);
    expect(evidenceChange.fields).toMatchObject({ level: 3, studentId: ana.id });
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('pushes nothing extra when the server is the one the device knows', async () => {
    const store = testStore();
    await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    const server = emptiedServer();
    await syncOnce({ store, transport: server.transport }); // cursor '0': no reset
    expect(server.received).toHaveLength(1);
  });
});
