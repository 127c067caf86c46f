/**
 * The device's mirror of the server's role table (docs/sync-protocol.md), row by row: what each kind of
 * device may write, so it never saves or pushes a change the server would refuse for its role.
 */
import { describe, expect, it } from 'vitest';
import { writeRefusal, type DeviceWriter, type WriteRefusal, type WriteSubject } from '#protocol';

const account: DeviceWriter = { kind: 'teacher', classId: null, studentId: null };
const classTablet: DeviceWriter = { kind: 'teacher', classId: 'a', studentId: null };
const station: DeviceWriter = { kind: 'station', classId: 'a', studentId: null };
const stationWithAna: DeviceWriter = { kind: 'station', classId: 'a', studentId: 'ana' };
const anasTablet: DeviceWriter = { kind: 'student', classId: 'a', studentId: 'ana' };

const childEvidence = (studentId: string) => ({
  id: 'e1',
  studentId,
  targetIds: ['t'],
  kind: 'selfAssessment',
  feeling: 3,
  observedAt: '2026-10-05T08:00:00Z',
  recordedAt: '2026-10-05T08:00:00Z',
  recordedBy: { kind: 'student', id: studentId },
  needsReview: true,
});
const teacherEvidence = {
  ...childEvidence('ana'),
  kind: 'observation',
  level: 4,
  recordedBy: { kind: 'teacher', id: 't' },
};
const choice = (studentId: string, kind = 'chooseNext') => ({
  id: 'd1',
  studentId,
  targetId: 't',
  kind,
  decidedAt: '2026-10-05T08:00:00Z',
  decidedBy: { kind: 'student', id: studentId },
});

function subject(
  table: WriteSubject['table'],
  fields: Record<string, unknown>,
  over: Partial<WriteSubject> = {},
): WriteSubject {
  const studentId = typeof fields['studentId'] === 'string' ? fields['studentId'] : null;
  return { table, recordId: 'r', fields, isNew: true, classId: 'a', studentId, ...over };
}

const rows: [string, DeviceWriter, WriteSubject, WriteRefusal | null][] = [
  ['an account writes the school', account, subject('schools', { name: 'X' }, { classId: null }), null],
  ['an account creates a class', account, subject('classes', { name: 'B' }, { recordId: 'b', classId: 'b' }), null],
  ['a class tablet edits a target', classTablet, subject('targets', { code: 'X' }, { classId: null }), null],
  ['a class tablet renames the school', classTablet, subject('schools', { name: 'X' }, { classId: null }), 'school'],
  [
    'a class tablet edits a teacher',
    classTablet,
    subject('teachers', { displayName: 'X' }, { classId: null }),
    'school',
  ],
  ['a class tablet renames its class', classTablet, subject('classes', { name: 'A' }, { recordId: 'a' }), null],
  [
    'a class tablet creates a class',
    classTablet,
    subject('classes', { name: 'B' }, { recordId: 'b', classId: 'b' }),
    'otherClass',
  ],
  ['a class tablet adds a child of its class', classTablet, subject('students', { classId: 'a' }), null],
  [
    'a class tablet adds a child of another class',
    classTablet,
    subject('students', { classId: 'b' }, { classId: 'b' }),
    'otherClass',
  ],
  [
    'a class tablet records for a child it does not know',
    classTablet,
    subject('evidence', teacherEvidence, { classId: null }),
    null,
  ],
  ['a station adds a child’s own work', station, subject('evidence', childEvidence('bo')), null],
  [
    'a station adds work of a child of another class',
    station,
    subject('evidence', childEvidence('bo'), { classId: 'b' }),
    'otherClass',
  ],
  ['a station records a teacher’s observation', stationWithAna, subject('evidence', teacherEvidence), 'teacherWork'],
  [
    'a station records work not waiting for review',
    stationWithAna,
    subject('evidence', { ...childEvidence('ana'), needsReview: false }),
    'teacherWork',
  ],
  [
    'a station records item results',
    stationWithAna,
    subject('evidence', { ...childEvidence('ana'), itemResults: [] }),
    'teacherWork',
  ],
  [
    'a station records a feeling of 4',
    stationWithAna,
    subject('evidence', { ...childEvidence('ana'), feeling: 4 }),
    'teacherWork',
  ],
  [
    'a station voids evidence',
    stationWithAna,
    subject('evidence', { voided: { reason: 'x' } }, { isNew: false, studentId: 'ana' }),
    'teacherWork',
  ],
  ['a station records the signed-in child’s choice', stationWithAna, subject('decisions', choice('ana')), null],
  ['a station records another child’s choice', stationWithAna, subject('decisions', choice('bo')), 'otherChild'],
  ['a station records a choice with nobody signed in', station, subject('decisions', choice('bo')), 'otherChild'],
  [
    'a station marks a target mastered',
    stationWithAna,
    subject('decisions', { ...choice('ana'), kind: 'markMastered' }),
    'teacherWork',
  ],
  ['a station changes a path', stationWithAna, subject('paths', { studentId: 'ana', entries: [] }), 'content'],
  ['a station edits a target', station, subject('targets', { code: 'X' }, { classId: null }), 'content'],
  ['a station adds a child', station, subject('students', { classId: 'a' }), 'content'],
  ['a child’s tablet adds its own work', anasTablet, subject('evidence', childEvidence('ana')), null],
  ['a child’s tablet adds another child’s work', anasTablet, subject('evidence', childEvidence('bo')), 'otherChild'],
  ['a child’s tablet records its own choice', anasTablet, subject('decisions', choice('ana')), null],
];

describe('what each kind of device may write', () => {
  it.each(rows)('%s', (_name, writer, change, expected) => {
    expect(writeRefusal(writer, change)).toBe(expected);
  });
});
