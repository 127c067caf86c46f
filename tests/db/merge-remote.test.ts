import { describe, expect, it } from 'vitest';
import { formatHlc, MAX_CLOCK_AHEAD_MS, parseHlc, type Change } from '#protocol';
import { addStudent, applyRemoteChanges, updateStudent } from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

const change = (recordId: string, fields: Record<string, unknown>, wallMs: number, id: string): Change => ({
  changeId: id,
  table: 'students',
  recordId,
  fields,
  hlc: formatHlc({ wallMs, counter: 0 }, 'other-device'),
});

describe('applying remote changes', () => {
  it('takes each field from whichever side wrote it last, and queues nothing to push', async () => {
    const store = testStore();
    const s = await addStudent(store, { classId: 'c', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    store.env.advance(10_000);
    await updateStudent(store, s.id, { picture: 'owl' });
    const outboxBefore = await store.db.outbox.count();
    const now = store.env.now();

    await applyRemoteChanges(store.db, store.env, [
      change(s.id, { displayName: 'Ana María' }, now - 5_000, 'r1'), // newer than the local name
      change(s.id, { picture: 'cat' }, now - 5_000, 'r2'), // older than the local picture
    ]);

    const row = await store.db.students.get(s.id);
    expect(row).toMatchObject({ displayName: 'Ana María', picture: 'owl' });
    expect(await store.db.outbox.count()).toBe(outboxBefore);
  });

  it('creates records it has not seen, and moves the local clock past what it saw', async () => {
    const store = testStore();
    const ahead = store.env.now() + 5 * 60_000; // the other tablet's clock is five minutes ahead
    await applyRemoteChanges(store.db, store.env, [
      change(
        's9',
        { classId: 'c', displayName: 'Ben', picture: 'owl', familyLanguage: 'en', archived: false },
        ahead,
        'r1',
      ),
    ]);
    expect((await store.db.students.get('s9'))?.displayName).toBe('Ben');

    await updateStudent(store, 's9', { displayName: 'Benjamin' });
    const local = (await store.db.outbox.toArray()).at(-1)!;
    expect(parseHlc(local.hlc).wallMs).toBeGreaterThanOrEqual(ahead);
  });

  it('keeps a stamp far ahead of the server’s clock on its record but never adopts it', async () => {
    const store = testStore();
    const now = store.env.now();
    await applyRemoteChanges(store.db, store.env, [
      change('s9', { classId: 'c', displayName: 'Ben', picture: 'owl' }, now + 3 * 3_600_000, 'r1'),
      change('s8', { classId: 'c', displayName: 'Cy', picture: 'cat' }, now + 60_000, 'r2'),
      { ...change('s7', { classId: 'c', displayName: 'Di' }, 0, 'r3'), hlc: '9999999999999-999999-x' },
    ]);
    expect((await store.db.students.get('s9'))?._hlc['displayName']).toMatch(/^\d{13}-/);
    expect((await store.db.students.get('s7'))?._hlc['displayName']).toBe('9999999999999-999999-x');

    await updateStudent(store, 's8', { displayName: 'Cyrus' });
    const local = parseHlc((await store.db.outbox.toArray()).at(-1)!.hlc);
    // Past the stamp within the bound (a minute ahead), nowhere near the ones beyond it.
    expect(local.wallMs).toBeGreaterThanOrEqual(now + 60_000);
    expect(local.wallMs).toBeLessThan(now + MAX_CLOCK_AHEAD_MS);
  });

  it('is idempotent: applying the same page twice changes nothing the second time', async () => {
    const store = testStore();
    const page = [
      change('s1', { classId: 'c', displayName: 'Cy' }, 1_000, 'r1'),
      change('s1', { displayName: 'Cyrus' }, 2_000, 'r2'),
    ];
    expect(await applyRemoteChanges(store.db, store.env, page)).toBe(1);
    const first = await store.db.students.get('s1');
    expect(await applyRemoteChanges(store.db, store.env, page)).toBe(0);
    expect(await store.db.students.get('s1')).toEqual(first);
    expect(first?.displayName).toBe('Cyrus');
  });

  it.each([
    ['new records among the ones it holds', 1],
    ['edits scattered over many held records', 10],
  ])('keeps newer local fields in a large page of %s', async (_label, spread) => {
    const store = testStore();
    const held: string[] = [];
    for (let i = 0; i < 100; i++) {
      const s = await addStudent(store, { classId: 'c', displayName: `S${i}`, picture: 'fox', familyLanguage: 'en' });
      held.push(s.id);
    }
    store.env.advance(10_000);
    // Ten held records next to each other in key order, or spread out with ninety others between them.
    const edited = held
      .sort()
      .filter((_, i) => i % spread === 0)
      .slice(0, 10);
    for (const id of edited) await updateStudent(store, id, { picture: 'owl' });
    const now = store.env.now();
    const page: Change[] = [];
    edited.forEach((id, i) => {
      // The pulled name is newer than the local one; the pulled picture is older than the local edit.
      page.push(change(id, { displayName: `Pulled ${i}`, picture: 'cat' }, now - 5_000, `r${i}`));
      // A record this device has never seen, with an id sorting right after a held one.
      page.push(change(`${id}-new`, { classId: 'c', displayName: `New ${i}` }, now - 5_000, `n${i}`));
    });

    expect(await applyRemoteChanges(store.db, store.env, page)).toBe(20);
    for (const [i, id] of edited.entries()) {
      expect(await store.db.students.get(id)).toMatchObject({ displayName: `Pulled ${i}`, picture: 'owl' });
      expect((await store.db.students.get(`${id}-new`))?.displayName).toBe(`New ${i}`);
    }
    expect(await store.db.students.count()).toBe(110);
  });
});
