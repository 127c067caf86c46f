import { describe, it, expect } from 'vitest';
import { evaluateStudent, type TargetInput } from '#rules';
import { formatList, formatMessage } from '../../src/i18n/format.ts';
import { rulesEn } from '../../src/i18n/messages/rules.en.ts';
import { rulesEs } from '../../src/i18n/messages/rules.es.ts';
import { at, check, day, decision, scoreTarget, scored, student } from './helpers.ts';

const letters: TargetInput = {
  id: 'l',
  code: 'RF.K.3a',
  prerequisites: [],
  rule: { kind: 'allItemsOnDistinctDays', days: 2 },
  items: ['b', 'd', 'p', 'm', 't'].map((x) => ({ id: x, label: x })),
  kidStatement: 'I know letter sounds',
};
const mostRecent = scoreTarget('s', { kind: 'score', method: { kind: 'mostRecent' } });
const rhyme = { ...scoreTarget('r', { kind: 'score', method: { kind: 'nTimes', n: 2 } }), kidStatement: 'I can rhyme' };

/** Renders a message the way the UI does: lists joined first. */
const render = (
  catalog: Record<string, string>,
  language: string,
  m: { key: string; params: Record<string, unknown> },
) => {
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params))
    flat[k] = Array.isArray(v) ? formatList(language, v as string[]) : (v as string | number);
  return formatMessage(catalog, language, m.key, flat);
};

describe('next step', () => {
  it('start: nothing yet on the current target', () => {
    const step = evaluateStudent(student({ targets: [letters] })).nextStep;
    expect(step.kind).toBe('start');
    expect(step.targetId).toBe('l');
    expect(render(rulesEn, 'en', step.child)).toBe("Let's start something new: I know letter sounds.");
  });

  it('practiseItems: names the items not yet known, tried ones first', () => {
    // b known (2 days); d tried, not yet; p, m, t never tried.
    const evidence = [
      check('c1', 'l', at(1), { b: 'correct', d: 'notYet' }),
      check('c2', 'l', at(2), { b: 'correct' }),
    ];
    const step = evaluateStudent(student({ targets: [letters], evidence, now: at(3) })).nextStep;
    expect(step.kind).toBe('practiseItems');
    // The child hears at most three.
    expect(step.child.params['items']).toEqual(['d', 'p', 'm']);
    expect(step.teacher.params).toMatchObject({ items: ['d', 'p', 'm', 't'], count: 4, target: 'RF.K.3a' });
    expect(render(rulesEn, 'en', step.child)).toBe("Let's practice d, p, and m.");
    expect(render(rulesEs, 'es', step.child)).toBe('Practiquemos d, p y m.');
    expect(render(rulesEn, 'en', step.teacher)).toBe(
      'RF.K.3a: 4 items not yet correct on 2 different days: d, p, m, and t.',
    );
  });

  it('practiseItems says what counts, so it agrees with the last check’s "correct" count', () => {
    // A check with b and d right today: both correct on one day, neither known yet (2 days needed).
    const evidence = [check('c1', 'l', at(1), { b: 'correct', d: 'correct', p: 'notYet' })];
    const step = evaluateStudent(student({ targets: [letters], evidence, now: at(1) })).nextStep;
    expect(step.teacher.params).toMatchObject({ count: 5, days: 2, started: 2 });
    expect(render(rulesEn, 'en', step.teacher)).toBe(
      'RF.K.3a: 5 items not yet correct on 2 different days (2 of them already correct on one day or more): b, d, p, m, and t.',
    );
    expect(render(rulesEs, 'es', step.teacher)).toBe(
      'RF.K.3a: 5 elementos aún no están correctos en 2 días distintos (2 de ellos ya lo estuvieron uno o más días): b, d, p, m y t.',
    );
  });

  it('showAgain: every item correct on one day, two needed', () => {
    const all = Object.fromEntries(letters.items!.map((i) => [i.id, 'correct' as const]));
    const step = evaluateStudent(
      student({ targets: [letters], evidence: [check('c1', 'l', at(1), all)], now: at(2) }),
    ).nextStep;
    expect(step.kind).toBe('showAgain');
    expect(render(rulesEn, 'en', step.child)).toBe('Almost there! Show it again on another day.');
  });

  it('showAgain: one more at the mastery level for nTimes', () => {
    const step = evaluateStudent(
      student({ targets: [rhyme], evidence: [scored('e1', 'r', 1, 3)], now: at(2) }),
    ).nextStep;
    expect(step.kind).toBe('showAgain');
  });

  it('names a statement written as a sentence without its full stop, so the message ends once', () => {
    const sentence = { ...rhyme, kidStatement: 'I can rhyme. ' };
    const p = evaluateStudent(student({ targets: [sentence] }));
    expect(render(rulesEn, 'en', p.nextStep.child)).toBe("Let's start something new: I can rhyme.");
    expect(render(rulesEn, 'en', p.nextStep.family)).toBe('Next up: “I can rhyme”.');
  });

  it('readyForNext after a teacher marks the previous target mastered', () => {
    const decisions = [decision('d1', 's', 'markMastered', at(3))];
    const p = evaluateStudent(student({ targets: [mostRecent, rhyme], decisions }));
    expect(p.nextStep.kind).toBe('readyForNext');
    expect(render(rulesEn, 'en', p.nextStep.family)).toBe('Your child mastered “S”! Next: “I can rhyme”.');
  });

  it('no readyForNext when the latest activity was on an unmastered target', () => {
    // s mastered on day 1, then a 1 on x on day 2: the latest activity is not a mastery.
    const evidence = [scored('e1', 's', 1, 4), scored('e2', 'x', 2, 1)];
    const other = scoreTarget('x', { kind: 'score', method: { kind: 'mostRecent' } });
    const p = evaluateStudent(student({ targets: [mostRecent, other, rhyme], evidence, now: at(3) }));
    expect(p.currentTargetId).toBe('x');
    expect(p.nextStep.kind).toBe('keepPractising');
  });

  it('keepPractising: a score below mastery, not a count rule', () => {
    const step = evaluateStudent(
      student({ targets: [mostRecent], evidence: [scored('e1', 's', 1, 1)], now: at(2) }),
    ).nextStep;
    expect(step.kind).toBe('keepPractising');
  });

  describe('talkToTeacher (stalled)', () => {
    const levels = (xs: number[]) => xs.map((level, i) => scored(`e${i}`, 's', i + 1, level));
    it.each([
      // The first score is progress; then attempts without a new high are counted.
      { levels: [1, 1, 1, 1], now: 5, kind: 'keepPractising' }, // 3 attempts since progress
      { levels: [1, 1, 1, 1, 1], now: 6, kind: 'talkToTeacher' }, // 4 attempts since progress
      { levels: [1, 1, 1, 2, 1], now: 6, kind: 'keepPractising' }, // the 2 was progress: 1 attempt since
      { levels: [1, 2, 1, 1, 1, 1], now: 7, kind: 'talkToTeacher' }, // 4 since the 2
    ])('$levels → $kind', ({ levels: xs, now, kind }) => {
      const p = evaluateStudent(student({ targets: [mostRecent], evidence: levels(xs), now: at(now) }));
      expect(p.nextStep.kind).toBe(kind);
    });

    it('by days: 14 days after the last progress, with evidence', () => {
      const evidence = [scored('e1', 's', 1, 1)];
      expect(evaluateStudent(student({ targets: [mostRecent], evidence, now: at(14) })).nextStep.kind).toBe(
        'keepPractising',
      ); // 13 days
      const stalled = evaluateStudent(student({ targets: [mostRecent], evidence, now: at(15) })).nextStep; // 14 days
      expect(stalled.kind).toBe('talkToTeacher');
      expect(stalled.teacher.params).toMatchObject({ since: day(1), count: 0, target: 'S' });
    });

    it('honours configured stall settings', () => {
      const evidence = levels([1, 1, 1]);
      const p = evaluateStudent(
        student({ targets: [mostRecent], evidence, now: at(4), stall: { attempts: 2, days: 30 } }),
      );
      expect(p.nextStep.kind).toBe('talkToTeacher');
    });

    it('item rules: a new known item is progress', () => {
      const evidence = [
        check('c1', 'l', at(1), { b: 'notYet' }),
        check('c2', 'l', at(2), { b: 'notYet' }),
        check('c3', 'l', at(3), { b: 'notYet' }),
        check('c4', 'l', at(4), { b: 'notYet' }),
        check('c5', 'l', at(5), { b: 'correct' }),
      ];
      expect(
        evaluateStudent(student({ targets: [letters], evidence: evidence.slice(0, 4), now: at(5) })).nextStep.kind,
      ).toBe('practiseItems');
      // Five checks, the first four without a correct item: the fifth's correct b is progress.
      expect(evaluateStudent(student({ targets: [letters], evidence, now: at(6) })).nextStep.kind).toBe(
        'practiseItems',
      );
      const more = [...evidence, ...[6, 7, 8, 9].map((n) => check(`c${n}`, 'l', at(n), { b: 'notYet' }))];
      expect(evaluateStudent(student({ targets: [letters], evidence: more, now: at(10) })).nextStep.kind).toBe(
        'talkToTeacher',
      );
    });
  });

  it('allDone when every needed target is mastered; noPath on an empty path', () => {
    const done = evaluateStudent(student({ targets: [mostRecent], evidence: [scored('e1', 's', 1, 3)] }));
    expect([done.currentTargetId, done.nextStep.kind]).toEqual([null, 'allDone']);
    expect(render(rulesEn, 'en', done.nextStep.teacher)).toBe('The only target on the path is mastered.');
    const empty = evaluateStudent(student({ targets: [mostRecent], path: [] }));
    expect(empty.nextStep.kind).toBe('noPath');
  });
});

describe('pacing', () => {
  const two = [mostRecent, rhyme];
  it.each([
    { name: 'no dates', path: [{ targetId: 's' }, { targetId: 'r' }], evidence: [], status: 'unplanned' },
    { name: 'past date, not mastered', path: [{ targetId: 's', plannedDate: day(5) }], evidence: [], status: 'behind' },
    {
      name: 'due today is not yet behind',
      path: [{ targetId: 's', plannedDate: day(10) }],
      evidence: [],
      status: 'onPace',
    },
    { name: 'future date', path: [{ targetId: 's', plannedDate: day(20) }], evidence: [], status: 'onPace' },
    {
      name: 'past date, mastered',
      path: [{ targetId: 's', plannedDate: day(5) }],
      evidence: [scored('e', 's', 4, 3)],
      status: 'onPace',
    },
    {
      name: 'future target mastered early',
      path: [{ targetId: 's', plannedDate: day(20) }],
      evidence: [scored('e', 's', 4, 3)],
      status: 'ahead',
    },
    {
      name: 'behind beats ahead',
      path: [
        { targetId: 's', plannedDate: day(20) },
        { targetId: 'r', plannedDate: day(5) },
      ],
      evidence: [scored('e', 's', 4, 3)],
      status: 'behind',
    },
    {
      name: 'skipped entries do not count',
      path: [{ targetId: 's', plannedDate: day(5), skippedReason: 'known' }],
      evidence: [],
      status: 'unplanned',
    },
  ])('$name → $status', ({ path, evidence, status }) => {
    const p = evaluateStudent(student({ targets: two, path, evidence, now: at(10) }));
    expect(p.pacing.status).toBe(status);
  });

  it('lists overdue targets and renders a plural message', () => {
    const path = [
      { targetId: 's', plannedDate: day(2) },
      { targetId: 'r', plannedDate: day(3) },
    ];
    const p = evaluateStudent(student({ targets: two, path, now: at(10) }));
    expect(p.pacing.overdueTargetIds).toEqual(['s', 'r']);
    expect(p.byTargetId['s']!.isOverdue).toBe(true);
    expect(render(rulesEn, 'en', p.pacing.message)).toBe('Behind: 2 targets past their planned dates');
  });

  it('an invalid planned date throws', () => {
    expect(() => evaluateStudent(student({ targets: two, path: [{ targetId: 's', plannedDate: 'May' }] }))).toThrow(
      /plannedDate/,
    );
  });
});
