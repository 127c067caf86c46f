import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, type ItemSet, type Target } from '#protocol';
import { evaluateStudent } from '#rules';
import { evaluateProgress, toRulesInput, type ProgressSource } from '#ui/progress-input.ts';

const letters: Target = {
  id: 't-letters',
  frameworkId: 'fw',
  code: 'RF.K.1d',
  sequence: 1,
  strand: 'Print',
  teacherStatement: 'Name letters',
  kidStatement: 'I can name letters',
  icon: 'abc',
  itemSetId: 'set',
  itemIds: ['a', 'b'],
  prerequisites: [],
  rule: { kind: 'allItemsOnDistinctDays', days: 2 },
};
/** Items a, b, c… labelled as given. */
const set = (labels: string[]): ItemSet => ({
  id: 'set',
  frameworkId: 'fw',
  title: 'Letters',
  items: labels.map((label, i) => ({ id: String.fromCharCode(97 + i), label })),
});

const source = (targets: readonly Target[], itemSets: readonly ItemSet[]): ProgressSource => ({
  path: undefined,
  targets,
  itemSets,
  evidence: [],
  decisions: [],
  scale: DEFAULT_SCALE,
});

describe('toRulesInput', () => {
  it('labels a target’s items from its set, keeping only the items it checks', () => {
    const input = toRulesInput(source([letters], [set(['A', 'B', 'C'])]), new Date('2026-09-01T09:00:00Z'));
    expect(input.targets[0]).toMatchObject({
      itemIds: ['a', 'b'],
      items: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    });
  });

  it('builds the rules’ targets once for the lists a class shares, and again when the item sets change', () => {
    const targets = [letters];
    const sets = [set(['A', 'B'])];
    const now = new Date('2026-09-01T09:00:00Z');
    const first = toRulesInput(source(targets, sets), now).targets;
    expect(toRulesInput(source(targets, sets), now).targets).toBe(first);
    const renamed = [set(['Ay', 'Bee'])];
    const again = toRulesInput(source(targets, renamed), now).targets;
    expect(again).not.toBe(first);
    expect(again[0]!.items!.map((i) => i.label)).toEqual(['Ay', 'Bee']);
  });
});

describe('evaluateProgress', () => {
  const withEvidence: ProgressSource = {
    ...source([letters], [set(['A', 'B'])]),
    path: { id: 's', studentId: 's', entries: [{ targetId: 't-letters' }] },
    evidence: [
      {
        id: 'e1',
        targetIds: ['t-letters'],
        observedAt: '2026-08-31T10:00:00Z',
        itemResults: [{ itemId: 'a', result: 'correct' }],
      },
    ],
  };

  it('answers the same source on the same day once, whatever the hour', () => {
    const morning = evaluateProgress(withEvidence, new Date('2026-09-01T08:00:00Z'));
    expect(evaluateProgress(withEvidence, new Date('2026-09-01T15:30:00Z'))).toBe(morning);
    expect(morning).toEqual(evaluateStudent(toRulesInput(withEvidence, new Date('2026-09-01T15:30:00Z'))));
  });

  it('runs the rules again on another day, and for another source', () => {
    const monday = evaluateProgress(withEvidence, new Date('2026-09-01T08:00:00Z'));
    const tuesday = evaluateProgress(withEvidence, new Date('2026-09-02T08:00:00Z'));
    expect(tuesday).not.toBe(monday);
    expect(tuesday).toEqual(evaluateStudent(toRulesInput(withEvidence, new Date('2026-09-02T08:00:00Z'))));
    const copy = { ...withEvidence };
    expect(evaluateProgress(copy, new Date('2026-09-02T08:00:00Z'))).not.toBe(tuesday);
  });
});
