/** The pure validators shared with the client: typed value or every problem, in plain words. */
import { describe, expect, it } from 'vitest';
import {
  MAX_PUSH_CHANGES,
  validateChange,
  validateEnroll,
  validatePullQuery,
  validatePushRequest,
  validateSignUp,
  exceedsDepth,
} from '#protocol';

const change = {
  changeId: 'c-1',
  table: 'evidence',
  recordId: 'r-1',
  fields: { note: 'x' },
  hlc: '0001700000000-000000-dev',
};

describe('validateChange', () => {
  it('returns the typed change when it is well formed', () => {
    expect(validateChange(change)).toEqual({ ok: true, value: change });
  });
  it.each([
    [{ ...change, table: 'grades' }, /table must be one of/],
    [{ ...change, hlc: '17:00' }, /hlc/],
    [{ ...change, changeId: '' }, /changeId must be a non-empty string/],
    [{ ...change, recordId: 'has space' }, /recordId must be at most/],
    [{ ...change, fields: {} }, /at least one field/],
    [{ ...change, fields: { __proto__: null, constructor: 1 } }, /invalid field name/],
    [{ ...change, extra: 1 }, /unknown property "extra"/],
    [{ ...change, fields: { note: 'x'.repeat(70_000) } }, /larger than/],
    ['a string', /must be an object/],
  ])('reports %j', (value, message) => {
    const result = validateChange(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
  });
});

describe('validatePushRequest', () => {
  const push = (changes: unknown[]) => ({ protocolVersion: 1, deviceId: 'dev', changes });
  it('accepts up to the batch limit and refuses one more', () => {
    const many = Array.from({ length: MAX_PUSH_CHANGES + 1 }, (_, i) => ({ ...change, changeId: `c-${i}` }));
    expect(validatePushRequest(push(many.slice(0, MAX_PUSH_CHANGES))).ok).toBe(true);
    expect(validatePushRequest(push(many)).ok).toBe(false);
  });
  it('refuses a changeId repeated within the batch', () => {
    const result = validatePushRequest(push([change, change]));
    expect(result.ok ? [] : result.errors).toEqual(['changes[1].changeId repeats an earlier change']);
  });
  it('lists every problem, indexed', () => {
    const result = validatePushRequest(
      push([
        { ...change, table: 'x' },
        { ...change, changeId: 'c-2', hlc: 1 },
      ]),
    );
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(/^changes\[0\]\.table/),
      expect.stringMatching(/^changes\[1\]\.hlc/),
    ]);
  });
});

describe('the other validators', () => {
  it('parses pull queries and caps the limit', () => {
    expect(validatePullQuery({})).toEqual({ ok: true, value: { sinceEpoch: null, since: 0, limit: 500 } });
    expect(validatePullQuery({ since: 'ab12cd34-42', limit: '5000' })).toEqual({
      ok: true,
      value: { sinceEpoch: 'ab12cd34', since: 42, limit: 1000 },
    });
    expect(validatePullQuery({ since: 'AB-1' }).ok).toBe(false);
    expect(validatePullQuery({ since: '-1' }).ok).toBe(false);
    expect(validatePullQuery({ since: ['1', '2'] }).ok).toBe(false);
  });
  it('checks sign-up and enrollment bodies', () => {
    expect(validateSignUp({ email: 'a@b.co', password: 'long enough', displayName: 'A', schoolName: 'S' }).ok).toBe(
      true,
    );
    expect(validateSignUp({ email: 'a@b.co', password: 'short', displayName: 'A', schoolName: 'S' }).ok).toBe(false);
    expect(validateEnroll({ joinCode: 'ABCD2345', kind: 'station', deviceId: 'd' }).ok).toBe(true);
    expect(validateEnroll({ joinCode: 'ABCD2345', kind: 'family', deviceId: 'd' }).ok).toBe(false);
  });
  it('measures depth without recursion', () => {
    expect(exceedsDepth({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(exceedsDepth({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(exceedsDepth(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 32)).toBe(true);
  });
});
