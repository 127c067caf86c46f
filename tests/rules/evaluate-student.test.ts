import { describe, it, expect } from 'vitest';
import { evaluateStudent, evaluateClass, RULES_VERSION, type TargetInput } from '#rules';
import { formatMessage } from '../../src/i18n/format.ts';
import { rulesEn } from '../../src/i18n/messages/rules.en.ts';
import { at, check, day, decision, scoreTarget, scored, student } from './helpers.ts';

// A: most recent score; B: letters b, d, p on 2 days (after A); C: 2 of the last 3 at mastery (after B).
const A = scoreTarget('a', { kind: 'score', method: { kind: 'mostRecent' } });
const B: TargetInput = {
  id: 'b',
  code: 'B',
  prerequisites: ['a'],
  rule: { kind: 'allItemsOnDistinctDays', days: 2 },
  items: [
    { id: 'ib', label: 'b' },
    { id: 'id', label: 'd' },
    { id: 'ip', label: 'p' },
  ],
  kidStatement: 'I know my letters',
};
const C = scoreTarget('c', { kind: 'score', method: { kind: 'mOfN', m: 2, n: 3 } }, ['b']);
const targets = [A, B, C];

describe('evaluateStudent: statuses', () => {
  it('with no evidence everything is notStarted and the first target is current', () => {
    const p = evaluateStudent(student({ targets }));
    expect(p.rulesVersion).toBe(RULES_VERSION);
    expect(p.targets.map((t) => t.status)).toEqual(['notStarted', 'notStarted', 'notStarted']);
    expect(p.targets.map((t) => t.isReady)).toEqual([true, false, false]);
    expect(p.byTargetId['b']!.missingPrerequisites).toEqual(['a']);
    expect(p.readyTargetIds).toEqual(['a']);
    expect(p.currentTargetId).toBe('a');
    expect(p.currentReason).toBe('firstReady');
    expect(p.nextStep.kind).toBe('start');
    expect(p.pacing.status).toBe('unplanned');
    expect([p.masteredCount, p.neededCount]).toEqual([0, 3]);
  });

  it('mastery by evidence moves the student on: ready for the next target', () => {
    const p = evaluateStudent(student({ targets, evidence: [scored('e1', 'a', 1, 1), scored('e2', 'a', 2, 3)] }));
    expect(p.byTargetId['a']).toMatchObject({ status: 'mastered', score: 3, evidenceIds: ['e1', 'e2'] });
    expect(p.currentTargetId).toBe('b');
    expect(p.readyTargetIds).toEqual(['b']);
    expect(p.nextStep.kind).toBe('readyForNext');
    expect(p.nextStep.child).toEqual({
      key: 'rules.next.readyForNext.child',
      params: { target: 'I know my letters', previous: 'A' },
    });
    expect(
      formatMessage(rulesEn, 'en', p.nextStep.teacher.key, p.nextStep.teacher.params as Record<string, string>),
    ).toBe('A mastered. Ready for B.');
  });

  it('late-synced evidence is placed by observedAt', () => {
    // e-late arrives last (synced late) but was observed on day 3, before the day-5 score of 1.
    const evidence = [scored('e-first', 'a', 5, 1), scored('e-late', 'a', 3, 4)];
    const p = evaluateStudent(student({ targets, evidence }));
    expect(p.byTargetId['a']).toMatchObject({ status: 'inProgress', score: 1, evidenceIds: ['e-late', 'e-first'] });
  });

  it('voided evidence is ignored everywhere', () => {
    const evidence = [scored('e1', 'a', 1, 4, { voided: { reason: 'wrong child' } })];
    const p = evaluateStudent(student({ targets, evidence }));
    expect(p.byTargetId['a']).toMatchObject({ status: 'notStarted', score: null, evidenceIds: [], activityIds: [] });
  });

  it('evidence awaiting review is activity, not mastery, until reviewed', () => {
    const pending = scored('s1', 'a', 1, 4, { needsReview: true });
    const p = evaluateStudent(student({ targets, evidence: [pending] }));
    expect(p.byTargetId['a']).toMatchObject({ status: 'inProgress', evidenceIds: [], activityIds: ['s1'] });
    const reviewed = evaluateStudent(student({ targets, evidence: [{ ...pending, reviewedAt: at(2) }] }));
    expect(reviewed.byTargetId['a']!.status).toBe('mastered');
  });

  it('one piece of evidence for several targets counts for each', () => {
    const both = { ...scored('e1', 'a', 1, 3), targetIds: ['a', 'c'] };
    const p = evaluateStudent(student({ targets, evidence: [both] }));
    expect(p.byTargetId['a']!.evidenceIds).toEqual(['e1']);
    expect(p.byTargetId['c']!.evidenceIds).toEqual(['e1']);
    expect(p.byTargetId['c']!.status).toBe('inProgress'); // 1 of 2 needed
  });

  it('an item target reports its items', () => {
    const evidence = [scored('e1', 'a', 1, 3), check('c1', 'b', at(2), { ib: 'correct', id: 'notYet' })];
    const p = evaluateStudent(student({ targets, evidence }));
    expect(p.byTargetId['b']!.items.map((i) => [i.label, i.state])).toEqual([
      ['b', 'notYet'],
      ['d', 'notYet'],
      ['p', 'neverTried'],
    ]);
  });

  it('skipped entries are not needed: they satisfy prerequisites and are never current', () => {
    const p = evaluateStudent(
      student({ targets, path: [{ targetId: 'a', skippedReason: 'known' }, { targetId: 'b' }, { targetId: 'c' }] }),
    );
    expect(p.byTargetId['a']).toMatchObject({ isSkipped: true, status: 'notStarted' });
    expect(p.byTargetId['b']!.isReady).toBe(true);
    expect(p.currentTargetId).toBe('b');
    expect(p.neededCount).toBe(2);
  });

  it('reports unknown path targets and ignores duplicates', () => {
    const p = evaluateStudent(student({ targets, path: [{ targetId: 'a' }, { targetId: 'zz' }, { targetId: 'a' }] }));
    expect(p.targets.map((t) => t.targetId)).toEqual(['a']);
    expect(p.unknownTargetIds).toEqual(['zz']);
  });

  it('prerequisites not on the path do not hold a target back', () => {
    const p = evaluateStudent(student({ targets, path: [{ targetId: 'c' }] }));
    expect(p.byTargetId['c']!.isReady).toBe(true);
  });

  it('an invalid rule throws naming the target', () => {
    const bad = scoreTarget('x', { kind: 'score', method: { kind: 'mOfN', m: 5, n: 3 } });
    expect(() => evaluateStudent(student({ targets: [bad] }))).toThrow(/Target X \(x\): mOfN m must not exceed n/);
  });

  it('invalid now or stall settings throw', () => {
    expect(() => evaluateStudent(student({ targets, now: 'soon' }))).toThrow(/now/);
    expect(() => evaluateStudent(student({ targets, stall: { attempts: 0, days: 14 } }))).toThrow(/stall.attempts/);
  });

  it('evaluateClass evaluates each student in order', () => {
    const one = student({ targets, evidence: [scored('e1', 'a', 1, 3)] });
    const two = student({ targets });
    expect(evaluateClass([one, two]).map((p) => p.currentTargetId)).toEqual(['b', 'a']);
  });
});

describe('evaluateStudent: decisions', () => {
  it('a teacher markMastered overrides the evidence', () => {
    const p = evaluateStudent(
      student({
        targets,
        evidence: [scored('e1', 'a', 1, 1)],
        decisions: [decision('d1', 'a', 'markMastered', at(2))],
      }),
    );
    expect(p.byTargetId['a']).toMatchObject({
      status: 'mastered',
      isMastered: true,
      score: 1,
      override: { kind: 'markMastered', decisionId: 'd1', decidedAt: at(2) },
    });
    expect(p.byTargetId['a']!.explanation.message).toEqual({
      key: 'rules.explain.override.markMastered',
      params: { date: day(2) },
    });
    expect(p.byTargetId['a']!.explanation.ruleMessage.key).toBe('rules.explain.mostRecent.notYet');
  });

  it('the latest of markMastered/reopen wins, by decidedAt not array order', () => {
    const decisions = [decision('d2', 'a', 'reopen', at(3)), decision('d1', 'a', 'markMastered', at(2))];
    const p = evaluateStudent(student({ targets, evidence: [scored('e1', 'a', 1, 4)], decisions }));
    expect(p.byTargetId['a']).toMatchObject({ status: 'inProgress', isMastered: false, evidenceIds: [] });
    expect(p.byTargetId['a']!.explanation.message.key).toBe('rules.explain.override.reopen');
  });

  it('after a reopen only evidence observed later counts, however late it synced', () => {
    const decisions = [decision('r', 'a', 'reopen', at(5))];
    const evidence = [scored('before', 'a', 4, 4), scored('after', 'a', 6, 3), scored('late-but-before', 'a', 5, 4)];
    const p = evaluateStudent(student({ targets, evidence, decisions }));
    // 'late-but-before' was observed at the reopen instant (not after it), so it does not count.
    expect(p.byTargetId['a']).toMatchObject({ status: 'mastered', evidenceIds: ['after'], score: 3 });
  });

  it('only a teacher can mark mastered or reopen', () => {
    const p = evaluateStudent(student({ targets, decisions: [decision('d1', 'a', 'markMastered', at(2), 'student')] }));
    expect(p.byTargetId['a']!.status).toBe('notStarted');
  });

  it('teacher setCurrent picks any open target, ready or not', () => {
    const p = evaluateStudent(student({ targets, decisions: [decision('d1', 'c', 'setCurrent', at(2))] }));
    expect([p.currentTargetId, p.currentReason]).toEqual(['c', 'teacherSet']);
  });

  it('a student choice is the next target: among ready targets only, and it waits behind the current one', () => {
    const t2 = scoreTarget('d', { kind: 'score', method: { kind: 'mostRecent' } });
    const all = [A, B, C, t2];
    const chose = evaluateStudent(
      student({ targets: all, decisions: [decision('d1', 'd', 'chooseNext', at(2), 'student')] }),
    );
    expect([chose.currentTargetId, chose.currentReason, chose.chosenNextTargetId]).toEqual(['a', 'firstReady', 'd']);
    const notReady = evaluateStudent(
      student({ targets: all, decisions: [decision('d1', 'c', 'chooseNext', at(2), 'student')] }),
    );
    expect([notReady.currentTargetId, notReady.chosenNextTargetId]).toEqual(['a', null]);
  });

  it('the choice keeps the target in progress current (Noah keeps his capitals), and Start check with it', () => {
    // a: capitals in progress (a 1 on day 1). Noah chooses d, a social-emotional target, on day 2.
    const sel = scoreTarget('d', { kind: 'score', method: { kind: 'mostRecent' } });
    const decisions = [decision('d1', 'd', 'chooseNext', at(2), 'student')];
    const p = evaluateStudent(student({ targets: [A, B, C, sel], evidence: [scored('e1', 'a', 1, 1)], decisions }));
    expect([p.currentTargetId, p.chosenNextTargetId]).toEqual(['a', 'd']);
    expect(p.nextStep.targetId).toBe('a');
  });

  it('the choice is taken up once the current target is mastered, before the path’s own next target', () => {
    const sel = scoreTarget('d', { kind: 'score', method: { kind: 'mostRecent' } });
    const decisions = [decision('d1', 'd', 'chooseNext', at(2), 'student')];
    const evidence = [scored('e1', 'a', 1, 1), scored('e2', 'a', 3, 4)];
    const p = evaluateStudent(student({ targets: [A, B, C, sel], evidence, decisions }));
    expect([p.currentTargetId, p.currentReason, p.chosenNextTargetId]).toEqual(['d', 'studentChose', null]);
    expect(p.nextStep.kind).toBe('readyForNext');
    // Mastered by the teacher's word works the same way; evidence observed before the choice does not.
    const marked = evaluateStudent(
      student({
        targets: [A, B, C, sel],
        evidence: [scored('e1', 'a', 1, 1)],
        decisions: [...decisions, decision('m', 'a', 'markMastered', at(4))],
      }),
    );
    expect(marked.currentTargetId).toBe('d');
  });

  it('the teacher takes the choice up at once by making it current; a later choice waits behind that', () => {
    const sel = scoreTarget('d', { kind: 'score', method: { kind: 'mostRecent' } });
    const e = scoreTarget('e', { kind: 'score', method: { kind: 'mostRecent' } });
    const decisions = [decision('d1', 'd', 'chooseNext', at(2), 'student'), decision('s', 'd', 'setCurrent', at(3))];
    const p = evaluateStudent(student({ targets: [A, B, C, sel, e], evidence: [scored('e1', 'a', 1, 1)], decisions }));
    expect([p.currentTargetId, p.currentReason, p.chosenNextTargetId]).toEqual(['d', 'teacherSet', null]);
    const later = evaluateStudent(
      student({
        targets: [A, B, C, sel, e],
        evidence: [scored('e1', 'a', 1, 1)],
        decisions: [...decisions, decision('d2', 'e', 'chooseNext', at(4), 'student')],
      }),
    );
    expect([later.currentTargetId, later.chosenNextTargetId]).toEqual(['d', 'e']);
  });

  it('a choice of a target since mastered falls back to the newest still-open choice', () => {
    const t2 = scoreTarget('d', { kind: 'score', method: { kind: 'mostRecent' } });
    const decisions = [decision('d1', 'c', 'setCurrent', at(1)), decision('d2', 'd', 'chooseNext', at(2), 'student')];
    const p = evaluateStudent(student({ targets: [A, B, C, t2], decisions, evidence: [scored('e1', 'd', 3, 4)] }));
    expect(p.currentTargetId).toBe('c');
  });

  it('a family decision is ignored', () => {
    const p = evaluateStudent(student({ targets, decisions: [decision('d1', 'c', 'setCurrent', at(2), 'family')] }));
    expect(p.currentTargetId).toBe('a');
  });
});

describe('evaluateStudent: target ids that are names of Object.prototype', () => {
  it('are keys like any other in byTargetId, and ids of no target are not there', () => {
    const proto = scoreTarget('__proto__', { kind: 'score', method: { kind: 'mostRecent' } });
    const ctor = scoreTarget('constructor', { kind: 'score', method: { kind: 'mostRecent' } }, ['__proto__']);
    const p = evaluateStudent(student({ targets: [proto, ctor], evidence: [scored('e1', '__proto__', 1, 3)] }));
    expect(Object.keys(p.byTargetId)).toEqual(['__proto__', 'constructor']);
    expect(p.byTargetId['__proto__']).toMatchObject({ status: 'mastered' });
    expect(p.byTargetId['toString']).toBeUndefined();
    expect(p.currentTargetId).toBe('constructor');
  });
});
