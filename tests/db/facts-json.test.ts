import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { factsJson, type FactsJson } from '#db/facts-json.ts';

const factArb = fc.record(
  { id: fc.string(), observedAt: fc.string(), level: fc.option(fc.integer(), { nil: undefined }), note: fc.string() },
  { requiredKeys: ['id', 'observedAt'], noNullPrototype: true },
);

/** One write: some of the facts before kept in order (others removed), new ones put in anywhere. */
const stepArb = fc.record({
  keep: fc.array(fc.boolean(), { maxLength: 40 }),
  added: fc.array(fc.tuple(fc.nat(), factArb), { maxLength: 10 }),
});

describe('a student’s facts as JSON, written again from the last write (facts-json.ts)', () => {
  it('is exactly JSON.stringify of the facts, with each fact’s text where it says, after any writes', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 30 }), fc.array(stepArb, { maxLength: 6 }), (first, steps) => {
        let written: FactsJson = factsJson(first);
        check(written);
        for (const { keep, added } of steps) {
          const facts: unknown[] = written.facts.filter((_, i) => keep[i] ?? true);
          for (const [at, fact] of added) facts.splice(at % (facts.length + 1), 0, fact);
          written = factsJson(facts, written);
          check(written);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('starts over from the facts when the last JSON was parsed, not written (no known ends)', () => {
    const facts = [{ id: 'a' }, { id: 'b' }];
    const parsed: FactsJson = { json: JSON.stringify(facts), facts, ends: null };
    check(factsJson([...facts, { id: 'c' }], parsed));
  });
});

function check({ json, facts, ends }: FactsJson) {
  expect(json).toBe(JSON.stringify(facts));
  expect(ends).toHaveLength(facts.length);
  facts.forEach((fact, i) => {
    const from = i === 0 ? 1 : ends![i - 1]! + 1;
    expect(json.slice(from, ends![i])).toBe(JSON.stringify(fact));
  });
}
