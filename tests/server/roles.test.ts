/**
 * The role table of docs/sync-protocol.md, row by row, on SQLite and PostgreSQL: what each principal may
 * write (through the sync core's push) and read (through its pull). Every row runs in a fresh school, so
 * rows never depend on each other. The writes the real app makes in each role are rows here too (the
 * station's and My path's evidence and choices), so a rule that would drop a tablet's work fails a row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURSOR_START, type Change, type RefusalCode } from '#protocol';
import type { Storage } from '#server/storage/storage.ts';
import type { Role } from '#server/sync/access.ts';
import type { Principal } from '#server/sync/principal.ts';
import { pullChanges } from '#server/sync/pull.ts';
import { applyPush } from '#server/sync/push.ts';
import { createTestStorage, storageKinds, type TestStorage } from './helpers/databases.ts';
import { change, childEvidence, hlc, newId, seedSchool } from './helpers/fixtures.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);
const AT = '2026-03-01T09:00:00.000Z';
const NOW = Date.parse(AT);
const ROLES: readonly Role[] = ['teacherAccount', 'classDevice', 'station', 'stationWithChild', 'studentDevice'];

/** One school as a row sees it: two children in the class, one in another class, a recorded observation. */
interface World {
  readonly schoolId: string;
  readonly classId: string;
  readonly otherClassId: string;
  readonly ana: string;
  readonly ben: string;
  readonly zed: string;
  readonly anaEvidence: string;
  readonly anaEvidenceFields: Record<string, unknown>;
  readonly target: string;
  readonly teacherId: string;
  readonly principals: Record<Role, Principal>;
}

async function makeWorld(storage: Storage): Promise<World> {
  const s = await seedSchool(storage);
  const [ana, ben, zed, anaEvidence, target, teacherId] = ['ana', 'ben', 'zed', 'ev', 'tg', 't'].map(newId) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const anaEvidenceFields = {
    studentId: ana,
    targetIds: [target],
    kind: 'observation',
    level: 2,
    observedAt: AT,
    recordedAt: AT,
    recordedBy: { kind: 'teacher', id: teacherId },
  };
  const stamp = hlc(NOW - 60_000, 'teacher-tablet');
  const setUp = await applyPush(
    storage,
    s.teacher,
    'teacher-tablet',
    [
      change('schools', s.schoolId, { name: 'School' }, stamp),
      change('teachers', teacherId, { schoolId: s.schoolId, displayName: 'Ms T' }, stamp),
      change('classes', s.classId, { name: 'Room A' }, stamp),
      change('classes', s.otherClassId, { name: 'Room B' }, stamp),
      change(
        'students',
        ana,
        { classId: s.classId, displayName: 'Ana', picture: 'fox', familyLanguage: 'es', birthDate: '2020-03-04' },
        stamp,
      ),
      change(
        'students',
        ben,
        { classId: s.classId, displayName: 'Ben', picture: 'owl', familyLanguage: 'en', birthDate: '2020-05-06' },
        stamp,
      ),
      change('students', zed, { classId: s.otherClassId, displayName: 'Zed', picture: 'cat' }, stamp),
      change('targets', target, { code: 'RF.K.1', kidStatement: 'I can' }, stamp),
      change('paths', ana, { studentId: ana, entries: [{ targetId: target }] }, stamp),
      change('evidence', anaEvidence, anaEvidenceFields, stamp),
      change('evidence', newId('ev'), { ...anaEvidenceFields, studentId: ben }, stamp),
      change('evidence', newId('ev'), { ...anaEvidenceFields, studentId: zed }, stamp),
    ],
    AT,
  );
  expect(setUp.rejected).toEqual([]);
  const device = (kind: Principal['kind'], studentId: string | null): Principal => ({
    ...s.classDevice,
    kind,
    studentId,
    tokenId: newId('tok'),
  });
  return {
    schoolId: s.schoolId,
    classId: s.classId,
    otherClassId: s.otherClassId,
    ana,
    ben,
    zed,
    anaEvidence,
    anaEvidenceFields,
    target,
    teacherId,
    principals: {
      teacherAccount: s.teacher,
      classDevice: s.classDevice,
      station: device('station', null),
      stationWithChild: device('station', ana),
      studentDevice: device('student', ana),
    },
  };
}

type Outcome = 'ok' | RefusalCode;
/** Expected outcome per role, in ROLES order. */
type Row = [string, (w: World) => Omit<Change, 'changeId' | 'hlc'>, [Outcome, Outcome, Outcome, Outcome, Outcome]];

const decision = (w: World, studentId: string, kind: string, decidedBy: Record<string, unknown>) => {
  const recordId = newId('dec');
  return {
    table: 'decisions' as const,
    recordId,
    fields: { id: recordId, studentId, targetId: w.target, kind, decidedAt: AT, decidedBy },
  };
};
const childEv = (w: World, studentId: string, extra: Record<string, unknown> = {}) => ({
  table: 'evidence' as const,
  recordId: newId('ev'),
  fields: childEvidence(studentId, { targetIds: [w.target], ...extra }),
});

//                                                                         account  device  station  +child  student
const WRITES: Row[] = [
  [
    'schools: rename the school',
    (w) => ({ table: 'schools', recordId: w.schoolId, fields: { name: 'X' } }),
    ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'teachers: add a teacher',
    (w) => ({ table: 'teachers', recordId: newId('t'), fields: { schoolId: w.schoolId, displayName: 'T2' } }),
    ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'classes: rename its class',
    (w) => ({ table: 'classes', recordId: w.classId, fields: { name: 'Room 4' } }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'classes: a new class',
    () => ({ table: 'classes', recordId: newId('cls'), fields: { name: 'New' } }),
    ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'classes: another class',
    (w) => ({ table: 'classes', recordId: w.otherClassId, fields: { name: 'Mine now' } }),
    ['ok', 'scope', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'students: add a child to the class',
    (w) => ({
      table: 'students',
      recordId: newId('stu'),
      fields: { classId: w.classId, displayName: 'Cy', picture: 'bee' },
    }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'students: rename the child',
    (w) => ({ table: 'students', recordId: w.ana, fields: { displayName: 'Anita' } }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'students: rename a child of another class',
    (w) => ({ table: 'students', recordId: w.zed, fields: { displayName: 'Z' } }),
    ['ok', 'scope', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'targets: add content',
    () => ({ table: 'targets', recordId: newId('tg'), fields: { code: 'X.1' } }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'frameworks: add content',
    () => ({ table: 'frameworks', recordId: newId('fw'), fields: { title: 'F' } }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'itemSets: add content',
    () => ({ table: 'itemSets', recordId: newId('is'), fields: { title: 'Letters', items: [] } }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'paths: plan the child’s path',
    (w) => ({ table: 'paths', recordId: w.ana, fields: { entries: [] } }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'evidence: a teacher’s scored observation',
    (w) => ({
      table: 'evidence',
      recordId: newId('ev'),
      fields: { ...w.anaEvidenceFields, level: 4, needsReview: false },
    }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  ['evidence: the child’s faces (station, My path)', (w) => childEv(w, w.ana), ['ok', 'ok', 'ok', 'ok', 'ok']],
  [
    'evidence: the child’s voice, photo or drawing (station)',
    (w) => childEv(w, w.ana, { kind: 'workSample', feeling: undefined, durationMs: 3000, blobIds: ['a'.repeat(64)] }),
    ['ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'evidence: the child’s note (My path)',
    (w) => childEv(w, w.ana, { kind: 'workSample', feeling: undefined, note: 'I read a book' }),
    ['ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'evidence: another child of the class, recorded offline',
    (w) => childEv(w, w.ben),
    ['ok', 'ok', 'ok', 'ok', 'scope'],
  ],
  ['evidence: a child of another class', (w) => childEv(w, w.zed), ['ok', 'scope', 'scope', 'scope', 'scope']],
  [
    'evidence: the child’s, with a level',
    (w) => childEv(w, w.ana, { level: 4 }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'evidence: the child’s, with item results',
    (w) => childEv(w, w.ana, { itemResults: [{ itemId: 'a', result: 'correct' }] }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'evidence: the child’s, not waiting for review',
    (w) => childEv(w, w.ana, { needsReview: false }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'evidence: the child’s, recorded as a teacher',
    (w) => childEv(w, w.ana, { recordedBy: { kind: 'teacher', id: w.teacherId } }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'evidence: the child’s, recorded as another child',
    (w) => childEv(w, w.ana, { recordedBy: { kind: 'student', id: w.ben } }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'evidence: the child’s, of kind check',
    (w) => childEv(w, w.ana, { kind: 'check' }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'evidence: void the child’s evidence',
    (w) => ({
      table: 'evidence',
      recordId: w.anaEvidence,
      fields: { voided: { reason: 'x', at: AT, by: { kind: 'student', id: w.ana } } },
    }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'evidence: mark the child’s evidence reviewed',
    (w) => ({ table: 'evidence', recordId: w.anaEvidence, fields: { needsReview: false, reviewedAt: AT } }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'evidence: re-send the child’s evidence as the server holds it',
    (w) => ({ table: 'evidence', recordId: w.anaEvidence, fields: w.anaEvidenceFields }),
    ['ok', 'ok', 'forbidden', 'ok', 'ok'],
  ],
  [
    'decisions: mark a target mastered',
    (w) => decision(w, w.ana, 'markMastered', { kind: 'teacher', id: w.teacherId }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'decisions: reopen a target',
    (w) => decision(w, w.ana, 'reopen', { kind: 'teacher', id: w.teacherId }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'decisions: set the current target',
    (w) => decision(w, w.ana, 'setCurrent', { kind: 'student', id: w.ana }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'decisions: the child’s own choice (My path)',
    (w) => decision(w, w.ana, 'chooseNext', { kind: 'student', id: w.ana }),
    ['ok', 'ok', 'forbidden', 'ok', 'ok'],
  ],
  [
    'decisions: the choice of a child not signed in',
    (w) => decision(w, w.ben, 'chooseNext', { kind: 'student', id: w.ben }),
    ['ok', 'ok', 'forbidden', 'scope', 'scope'],
  ],
  [
    'decisions: a choice in the child’s name by a teacher',
    (w) => decision(w, w.ana, 'chooseNext', { kind: 'teacher', id: w.teacherId }),
    ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  ],
];

type Seen = 'all' | 'grid' | 'none';
/** What each role sees of each record, in ROLES order. */
type ReadRow = [string, (w: World) => string, [Seen, Seen, Seen, Seen, Seen]];

//                                                          account  device  station  +child  student
const READS: ReadRow[] = [
  ['the school', (w) => w.schoolId, ['all', 'all', 'all', 'all', 'all']],
  ['a teacher', (w) => w.teacherId, ['all', 'all', 'none', 'none', 'none']],
  ['its class', (w) => w.classId, ['all', 'all', 'all', 'all', 'all']],
  ['another class', (w) => w.otherClassId, ['all', 'none', 'none', 'none', 'none']],
  ['content (a target)', (w) => w.target, ['all', 'all', 'all', 'all', 'all']],
  ['the child', (w) => w.ana, ['all', 'all', 'grid', 'all', 'all']],
  ['a classmate', (w) => w.ben, ['all', 'all', 'grid', 'grid', 'none']],
  ['a child of another class', (w) => w.zed, ['all', 'none', 'none', 'none', 'none']],
  ['the child’s evidence', (w) => w.anaEvidence, ['all', 'all', 'none', 'all', 'all']],
];

describe.each(available)('role table on %s', (kind) => {
  let t: TestStorage;
  beforeAll(async () => {
    t = await createTestStorage(kind);
  });
  afterAll(async () => t?.dispose());

  describe.each(WRITES)('writes: %s', (_name, build, expected) => {
    it.each(ROLES.map((role, i) => [role, expected[i]!] as const))('%s → %s', async (role, outcome) => {
      const world = await makeWorld(t.storage);
      const c: Change = { ...build(world), changeId: newId('chg'), hlc: hlc(NOW, 'tablet') };
      const r = await applyPush(t.storage, world.principals[role], 'tablet', [c], AT);
      if (outcome === 'ok') expect(r).toMatchObject({ accepted: [c.changeId], rejected: [] });
      else expect(r.rejected).toEqual([expect.objectContaining({ changeId: c.changeId, code: outcome })]);
    });
  });

  it.each(READS)('reads: %s', async (_name, pick, expected) => {
    const world = await makeWorld(t.storage);
    const id = pick(world);
    const fieldsSeenBy = async (role: Role) => {
      const page = await pullChanges(t.storage, world.principals[role], null, 0, 1000);
      return new Set(page.changes.filter((c) => c.recordId === id).flatMap((c) => Object.keys(c.fields)));
    };
    const everything = await fieldsSeenBy('teacherAccount');
    const seen = await Promise.all(
      ROLES.map(async (role): Promise<Seen> => {
        const fields = await fieldsSeenBy(role);
        if (fields.size === 0) return 'none';
        return fields.size === everything.size ? 'all' : 'grid';
      }),
    );
    expect(seen).toEqual(expected);
  });

  it('a station and a student device pull nothing they may not see, cursor after cursor', async () => {
    const world = await makeWorld(t.storage);
    for (const role of ['station', 'studentDevice'] as const) {
      const p = world.principals[role];
      const page = await pullChanges(t.storage, p, null, Number(CURSOR_START), 1000);
      const tables = new Set(page.changes.map((c) => c.table));
      expect(tables.has('teachers')).toBe(false);
      expect(page.changes.some((c) => c.fields.studentId === world.zed || c.recordId === world.zed)).toBe(false);
    }
  });
});
