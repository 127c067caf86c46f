import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { formatHlc, type Change } from '#protocol';
import { applyRemoteChanges, SCHEMA_VERSIONS, WaypointDb } from '#db';
import { STORED_STAMPS_KEY } from '#db/stored-stamps.ts';
import { testEnv } from '#tests/helpers/test-store.ts';
import { plainMerge, rawRows } from './stamp-helpers.ts';

/**
 * For every published schema version: write a database exactly as that version did, then open it with
 * the current code. Adding a version adds a case here automatically; give new upgrades their own
 * assertions below.
 */
describe.each(SCHEMA_VERSIONS.map((v) => v.version))('a database written by schema version %i', (version) => {
  it('opens with the current schema and keeps every row', async () => {
    const name = `migration-v${version}-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) old.version(v.version).stores(v.stores);
    await old.open();
    await old.table('students').add({ id: 's1', classId: 'c1', displayName: 'Ana', _hlc: {} });
    await old
      .table('evidence')
      .add({ id: 'e1', studentId: 's1', targetIds: ['t1'], observedAt: '2026-09-01T10:00:00Z', _hlc: {} });
    await old.table('outbox').add({ changeId: 'ch1', table: 'students', recordId: 's1', fields: {}, hlc: 'x' });
    old.close();

    const current = new WaypointDb(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect((await current.students.get('s1'))?.displayName).toBe('Ana');
    expect((await current.evidence.where('studentId').equals('s1').toArray()).map((e) => e.targetIds)).toEqual([
      ['t1'],
    ]);
    expect(await current.outbox.count()).toBe(1);
    current.close();
  });
});

describe('schema version 2', () => {
  it('adds the local drafts table to a version 1 database without touching synced rows', async () => {
    const name = `migration-drafts-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await old.open();
    await old.table('students').add({ id: 's1', classId: 'c1', displayName: 'Ana', _hlc: {} });
    old.close();

    const current = new WaypointDb(name);
    await current.open();
    await current.table('drafts').put({ key: 'check:s1:t1', value: { index: 3 }, updatedAt: 'x' });
    expect((await current.table('drafts').get('check:s1:t1'))?.value).toEqual({ index: 3 });
    expect(await current.students.count()).toBe(1);
    expect(await current.outbox.count()).toBe(0);
    current.close();
  });
});

describe('schema version 3', () => {
  it('indexes the attachments of evidence a version 2 database already holds', async () => {
    const name = `migration-blob-index-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 2)) old.version(v.version).stores(v.stores);
    await old.open();
    await old.table('evidence').bulkAdd([
      { id: 'e1', studentId: 's1', targetIds: ['t1'], observedAt: 'x', blobIds: ['b1', 'b2'], _hlc: {} },
      { id: 'e2', studentId: 's1', targetIds: ['t1'], observedAt: 'y', _hlc: {} },
    ]);
    old.close();

    const current = new WaypointDb(name);
    await current.open();
    expect(await current.evidence.orderBy('blobIds').uniqueKeys()).toEqual(['b1', 'b2']);
    expect(await current.evidence.count()).toBe(2);
    current.close();
  });
});

describe('schema version 5', () => {
  const TEACHER = '0190f3a4-5b6c-7d8e-9f01-23456789abcd';
  const AIDE = '0190f3a4-5b6c-7d8e-9f01-fedcba987654';
  const stamp = (minute: number, device: string) =>
    formatHlc({ wallMs: Date.UTC(2026, 8, 1, 9, minute), counter: 0 }, device);
  const change = (id: string, recordId: string, fields: Record<string, unknown>, hlc: string): Change => ({
    changeId: id,
    table: 'students',
    recordId,
    fields,
    hlc,
  });
  // A child made by the teacher, renamed by the aide, then archived and deleted; another made in one go.
  const history = [
    change(
      'h1',
      's1',
      { id: 's1', classId: 'c1', displayName: 'Ana', picture: 'fox', archived: false },
      stamp(0, TEACHER),
    ),
    change('h2', 's1', { displayName: 'Ana María' }, stamp(5, AIDE)),
    change('h3', 's2', { id: 's2', classId: 'c1', displayName: 'Ben', picture: 'owl' }, stamp(1, TEACHER)),
    change('h4', 's2', { archived: true, deleted: true }, stamp(9, AIDE)),
  ];
  // Changes pulled after the upgrade: some older than what the rows hold, some newer.
  const later = [
    change('l1', 's1', { displayName: 'Ana M.', picture: 'cat' }, stamp(3, AIDE)),
    change('l2', 's1', { archived: true }, stamp(20, TEACHER)),
    change('l3', 's2', { deleted: false, picture: 'bee' }, stamp(30, TEACHER)),
    change('l4', 's3', { id: 's3', classId: 'c1', displayName: 'Cy' }, stamp(31, AIDE)),
  ];

  it('rewrites rows stored with a stamp per field to one stamp per row, and they read back the same', async () => {
    const name = `migration-stamps-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 4)) old.version(v.version).stores(v.stores);
    await old.open();
    const before = plainMerge(history);
    await old.table('students').bulkAdd(Object.values(before));
    await old.table('evidence').add({ id: 'e1', studentId: 's1', targetIds: ['t1'], observedAt: 'x', _hlc: {} });
    old.close();

    const current = new WaypointDb(name);
    await current.open();
    const raw = await rawRows(current, 'students');
    for (const row of raw) expect(row).not.toHaveProperty('_hlc');
    expect(raw.find((r) => r['id'] === 's1')![STORED_STAMPS_KEY]).toEqual([
      stamp(0, TEACHER),
      { displayName: stamp(5, AIDE) },
    ]);
    expect(JSON.stringify(raw).length).toBeLessThan(JSON.stringify(Object.values(before)).length * 0.75);
    expect(Object.fromEntries((await current.students.toArray()).map((r) => [r.id, r]))).toStrictEqual(before);
    expect(await current.evidence.get('e1')).toStrictEqual({
      id: 'e1',
      studentId: 's1',
      targetIds: ['t1'],
      observedAt: 'x',
      _hlc: {},
    });

    // The same merge results as rows that never left the per-field form.
    await applyRemoteChanges(current, testEnv(), later);
    expect(Object.fromEntries((await current.students.toArray()).map((r) => [r.id, r]))).toStrictEqual(
      plainMerge([...history, ...later]),
    );
    current.close();
  });

  it('drops the evidence indexes no read uses and keeps the ones screens read by', async () => {
    const name = `migration-indexes-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 4)) old.version(v.version).stores(v.stores);
    await old.open();
    await old.table('evidence').bulkAdd([
      { id: 'e1', studentId: 's1', targetIds: ['t1'], observedAt: '2026-09-01T10:00:00Z', blobIds: ['b1'], _hlc: {} },
      { id: 'e2', studentId: 's1', targetIds: ['t2'], observedAt: '2026-09-02T10:00:00Z', _hlc: {} },
      { id: 'e3', studentId: 's2', targetIds: ['t1'], observedAt: '2026-09-01T11:00:00Z', _hlc: {} },
    ]);
    old.close();

    const current = new WaypointDb(name);
    await current.open();
    const store = current.backendDB().transaction('evidence', 'readonly').objectStore('evidence');
    expect([...store.indexNames].sort()).toEqual(['[studentId+observedAt]', 'blobIds']);
    expect(
      await current.evidence
        .where('[studentId+observedAt]')
        .between(['s1', ''], ['s1', '\uffff'])
        .reverse()
        .primaryKeys(),
    ).toEqual(['e2', 'e1']);
    expect(await current.evidence.where('studentId').equals('s2').primaryKeys()).toEqual(['e3']);
    expect(await current.evidence.orderBy('blobIds').uniqueKeys()).toEqual(['b1']);
    current.close();
  });
});

describe('schema versions', () => {
  it('are numbered in increasing order and never removed', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers[0]).toBe(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
