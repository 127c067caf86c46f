import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, WaypointDb } from '#db';

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
    expect(await current.evidence.where('targetIds').equals('t1').count()).toBe(1);
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

describe('schema versions', () => {
  it('are numbered in increasing order and never removed', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers[0]).toBe(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
