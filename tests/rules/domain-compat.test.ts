import { describe, it, expect } from 'vitest';
import { DEFAULT_SCALE, type Decision, type Evidence, type PathEntry, type Target } from '../../src/protocol/domain.ts';
import { evaluateStudent, type StudentRulesInput } from '#rules';

// Callers pass domain objects straight in: if the domain types drift from the rules input types, `tsc`
// fails on this file (the runtime check below only confirms the call works).
describe('domain objects fit the rules input types', () => {
  it('evaluates a student from domain Target, PathEntry, Evidence, Decision and MasteryScale', () => {
    const target: Target = {
      id: 't1',
      frameworkId: 'f',
      code: 'RF.K.1',
      sequence: 1,
      strand: 'Print',
      teacherStatement: 'Follows words left to right',
      kidStatement: 'I read left to right',
      icon: 'book',
      prerequisites: [],
      rule: { kind: 'score', method: { kind: 'mostRecent' } },
    };
    const path: PathEntry[] = [{ targetId: 't1', plannedDate: '2025-03-20' }];
    const teacher = { kind: 'teacher', id: 'tch' } as const;
    const evidence: Evidence[] = [
      {
        id: 'e1',
        studentId: 's',
        targetIds: ['t1'],
        kind: 'observation',
        observedAt: '2025-03-02T10:00:00Z',
        recordedAt: '2025-03-09T10:00:00Z',
        recordedBy: teacher,
        level: 4,
        voided: { reason: 'wrong child', at: '2025-03-03T10:00:00Z', by: teacher },
      },
    ];
    const decisions: Decision[] = [
      {
        id: 'd1',
        studentId: 's',
        targetId: 't1',
        kind: 'setCurrent',
        decidedAt: '2025-03-01T10:00:00Z',
        decidedBy: teacher,
      },
    ];
    const input: StudentRulesInput = {
      path,
      targets: [target],
      evidence,
      decisions,
      scale: DEFAULT_SCALE,
      now: '2025-03-10T12:00:00Z',
    };
    const progress = evaluateStudent(input);
    // The only evidence is voided, so nothing has started; the teacher's setCurrent names the current target.
    expect(progress.byTargetId['t1']!.status).toBe('notStarted');
    expect([progress.currentTargetId, progress.currentReason]).toEqual(['t1', 'teacherSet']);
  });
});
