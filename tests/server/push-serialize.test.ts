/**
 * A push serializes each change once (push.ts serializeChange): the content hash must stay exactly what
 * earlier servers stored (SHA-256 of canonicalJson([table, recordId, hlc, fields])), or a re-send of a change
 * applied before an upgrade would be refused as a reused id; and the pieces must be canonical JSON.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Change } from '#protocol';
import { canonicalJson } from '#server/sync/canonical-json.ts';
import { contentHash, serializeChange } from '#server/sync/push.ts';

const change: Change = {
  changeId: 'c-1',
  table: 'evidence',
  recordId: 'ev-1',
  hlc: '1700000000000-000001-dev-1',
  fields: {
    studentId: 's-1',
    note: 'ünïcode “quotes” \\ and \u2028 line',
    recordedBy: { kind: 'teacher', id: 't' },
    targetIds: ['t-2', 't-1'],
    level: 3,
    extra: { z: [1, { b: null, a: true }], a: 'x' },
    $flag: null,
  },
};

const earlierHash = (c: Change): string =>
  createHash('sha256')
    .update(canonicalJson([c.table, c.recordId, c.hlc, c.fields]))
    .digest('hex');

describe('serializeChange', () => {
  it('hashes a change exactly as earlier servers did, whatever order its keys came in', () => {
    const reordered: Change = { ...change, fields: Object.fromEntries(Object.entries(change.fields).reverse()) };
    expect(serializeChange(change).hash).toBe(earlierHash(change));
    expect(serializeChange(reordered).hash).toBe(earlierHash(change));
    expect(contentHash(reordered)).toBe(earlierHash(change));
  });

  it('gives the fields as canonical JSON, entry by entry', () => {
    const serialized = serializeChange(change);
    expect(serialized.fieldsJson).toBe(canonicalJson(change.fields));
    expect(JSON.parse(serialized.fieldsJson)).toEqual(change.fields);
    expect(serialized.entries.map(([name]) => JSON.parse(name) as string)).toEqual(Object.keys(change.fields).sort());
  });
});
