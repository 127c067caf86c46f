import { describe, expect, it } from 'vitest';
import { previewOneRoster } from '#protocol/oneroster.ts';
import { findKnownChild } from '#protocol/person.ts';
import {
  addStudent,
  findKnownChildRecords,
  importRoster,
  linkKnownChild,
  listPersonRecords,
  listStudents,
  loadStudentProgressData,
  rollOverClass,
  rosterId,
  writeMany,
  type Store,
} from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';
import { carryOf, seedYearClass } from '#tests/helpers/year-class.ts';
import { testStore } from '#tests/helpers/test-store.ts';

const reasons = { mastered: 'Mastered before', current: 'Working on it before' };
const PICTURES = ['dog', 'cat', 'fox', 'frog'];

/** One year's OneRoster files: one class, its students, and their dates of birth. */
function rosterFiles(classSourcedId: string, title: string, users: readonly [string, string, string?][]) {
  return {
    'orgs.csv': 'sourcedId,status,dateLastModified,name,type\r\norg-1,,,Riverside,school\r\n',
    'classes.csv': `sourcedId,status,dateLastModified,title,schoolSourcedId\r\n${classSourcedId},,,${title},org-1\r\n`,
    'users.csv': `sourcedId,status,dateLastModified,givenName,familyName,role\r\n${users
      .map(([id, name]) => `${id},,,${name},Doe,student\r\n`)
      .join('')}`,
    'enrollments.csv': `sourcedId,status,dateLastModified,classSourcedId,userSourcedId,role\r\n${users
      .map(([id]) => `e-${classSourcedId}-${id},,,${classSourcedId},${id},student\r\n`)
      .join('')}`,
    'demographics.csv': `sourcedId,birthDate\r\n${users
      .filter((u) => u[2])
      .map(([id, , birth]) => `${id},${birth}\r\n`)
      .join('')}`,
  };
}

async function importYear(store: Store, files: Record<string, string>) {
  const preview = previewOneRoster(files);
  return importRoster(store, preview, {
    classSourcedIds: preview.classes.map((c) => c.sourcedId),
    pictures: PICTURES,
    familyLanguage: 'en',
    carry: async (earlier, classId) => {
      const group = await store.db.classes.get(classId);
      return { status: await carryOf(store, earlier.id, group?.templateTargetIds ?? []), reasons };
    },
  });
}

describe('A child who is already known', () => {
  it('is recognized by OneRoster user, or by name and date of birth, never by name alone', () => {
    const students = [
      { id: 'a', displayName: 'Maya  López', birthDate: '2021-03-04' },
      { id: 'b', displayName: 'Maya López', personId: 'a', birthDate: '2021-03-04' },
      { id: 'oneroster:u7', displayName: 'Leo' },
    ];
    expect(findKnownChild(students, { displayName: 'maya lopez', birthDate: '2021-03-04' }).map((s) => s.id)).toEqual([
      'a',
      'b',
    ]);
    expect(findKnownChild(students, { displayName: 'Maya López' })).toEqual([]);
    expect(findKnownChild(students, { displayName: 'Maya López', birthDate: '2021-03-05' })).toEqual([]);
    expect(findKnownChild(students, { displayName: 'Someone', sourcedId: 'u7' }).map((s) => s.id)).toEqual([
      'oneroster:u7',
    ]);
  });

  it('added by hand with the same name and date of birth, links to their history and carries their status', async () => {
    const store = testStore();
    const { studentIds } = await seedYearClass(store);
    const maya = studentIds[0]!;
    await writeMany(store.db, store.env, [
      {
        table: 'classes',
        recordId: 'class-other',
        fields: {
          id: 'class-other',
          schoolId: 'school-1',
          name: 'Room 9',
          teacherIds: [],
          templateTargetIds: [],
          language: 'en',
        },
      },
    ]);
    const known = await findKnownChildRecords(store, { displayName: 'maya lopez', birthDate: '2021-03-04' });
    expect(known.map((r) => [r.student.id, r.group?.name])).toEqual([[maya, 'K Blue']]);
    const before = await store.db.students.count();
    const id = await linkKnownChild(store, {
      classId: 'class-other',
      earlier: known[0]!.student,
      status: await carryOf(store, maya, []),
      reasons,
    });
    expect(await store.db.students.count()).toBe(before + 1);
    expect((await listStudents(store, 'class-other')).map((s) => [s.id, s.personId])).toEqual([[id, maya]]);
    expect((await listPersonRecords(store, id)).map((r) => r.student.id)).toEqual([maya, id]);
    const progress = evaluateProgress((await loadStudentProgressData(store, id))!, new Date(store.env.now()));
    expect(progress.currentTargetId).toBe('yt-2');
    const decisions = (await loadStudentProgressData(store, id))!.decisions.map((d) => [d.kind, d.targetId]);
    expect(decisions.sort()).toEqual([
      ['markMastered', 'yt-1'],
      ['setCurrent', 'yt-2'],
    ]);
  });

  it('added again to the class that archived them, comes back instead of a second record', async () => {
    const store = testStore();
    const { classId } = await seedYearClass(store);
    const ada = await addStudent(store, {
      classId,
      displayName: 'Ada',
      picture: 'cat',
      familyLanguage: 'en',
      birthDate: '2021-01-01',
    });
    await writeMany(store.db, store.env, [{ table: 'students', recordId: ada.id, fields: { archived: true } }]);
    const [known] = await findKnownChildRecords(store, { displayName: 'ADA', birthDate: '2021-01-01' });
    const before = await store.db.students.count();
    expect(await linkKnownChild(store, { classId, earlier: known!.student, status: null, reasons })).toBe(ada.id);
    expect(await store.db.students.count()).toBe(before);
    expect((await listStudents(store, classId)).map((s) => s.id)).toContain(ada.id);
  });

  it('in next year’s OneRoster files (same sourcedId), gets a new record linked to last year’s, which stays', async () => {
    const store = testStore();
    await importYear(
      store,
      rosterFiles('k-a', 'Kindergarten A', [
        ['u1', 'Ana', '2021-02-03'],
        ['u2', 'Ben'],
      ]),
    );
    const lastYear = rosterId('k-a');
    await writeMany(store.db, store.env, [
      { table: 'classes', recordId: lastYear, fields: { templateTargetIds: ['yt-1'] } },
    ]);
    await rollOverClass(store, {
      fromClassId: lastYear,
      name: 'unused',
      schoolYear: '2027–2028',
      children: [],
      reasons,
    });
    const result = await importYear(
      store,
      rosterFiles('1-a', 'First grade A', [
        ['u1', 'Ana'],
        ['u2', 'Ben'],
        ['u3', 'Cy'],
      ]),
    );
    expect(result).toMatchObject({ students: 3, linked: 2 });
    // Last year's records stay in last year's class, as they were.
    expect((await listStudents(store, lastYear)).map((s) => s.id).sort()).toEqual(['oneroster:u1', 'oneroster:u2']);
    const now = await listStudents(store, rosterId('1-a'));
    expect(now).toHaveLength(3);
    const ana = now.find((s) => s.displayName === 'Ana')!;
    expect(ana.id).not.toBe('oneroster:u1');
    expect(ana).toMatchObject({ sourcedId: 'u1', personId: 'oneroster:u1', birthDate: '2021-02-03' });
    expect((await listPersonRecords(store, ana.id)).map((r) => r.student.id)).toEqual(['oneroster:u1', ana.id]);
    const cy = now.find((s) => s.displayName === 'Cy')!;
    expect(cy.personId).toBeUndefined();
    // Importing the same files again changes no one's history and adds no one.
    const count = await store.db.students.count();
    await importYear(
      store,
      rosterFiles('1-a', 'First grade A', [
        ['u1', 'Ana'],
        ['u2', 'Ben'],
        ['u3', 'Cy'],
      ]),
    );
    expect(await store.db.students.count()).toBe(count);
  });

  it('in OneRoster files after being added by hand (same name and date of birth), links to that record', async () => {
    const store = testStore();
    const { classId, studentIds } = await seedYearClass(store);
    await rollOverClass(store, {
      fromClassId: classId,
      name: 'unused',
      schoolYear: '2027–2028',
      children: [],
      reasons,
    });
    const result = await importYear(store, rosterFiles('1-b', 'First grade B', [['u9', 'Maya López', '2021-03-04']]));
    expect(result.linked).toBe(1);
    const [maya] = await listStudents(store, rosterId('1-b'));
    expect(maya).toMatchObject({ personId: studentIds[0], sourcedId: 'u9' });
    const progress = evaluateProgress((await loadStudentProgressData(store, maya!.id))!, new Date(store.env.now()));
    expect(progress.byTargetId['yt-1']).toBeUndefined();
    expect((await loadStudentProgressData(store, maya!.id))!.decisions.map((d) => d.kind).sort()).toEqual([
      'markMastered',
      'setCurrent',
    ]);
  });
});
