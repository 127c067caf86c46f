import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, previewOneRoster } from '#protocol/oneroster.ts';
import {
  importRoster,
  linkedClassNames,
  listStudents,
  pickPicture,
  RosterImportError,
  rosterId,
  rosterUserOf,
  saveConnection,
  updateStudent,
} from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

const PICTURES = ['dog', 'cat', 'fox', 'frog'];

function fixture(version: string): Record<string, string> {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'oneroster', version);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('OneRoster CSV preview', () => {
  it('reads 1.1 files and lists each bad row with its file, line and reason', () => {
    const preview = previewOneRoster(fixture('v1p1'));
    expect(preview).toMatchObject({ version: '1.1', fatal: false });
    expect(preview.schools).toEqual([{ sourcedId: 'org-school-1', name: 'Riverside Elementary' }]);
    expect(preview.classes.map((c) => [c.title, c.students.map((s) => s.displayName), c.teachers.length])).toEqual([
      ['Kindergarten A', ['Ana', 'Ben'], 1],
      ['Kindergarten B, Room 4', ['Chloé "Coco"'], 0],
    ]);
    expect(preview.problems).toEqual([{ file: 'classes.csv', line: 4, issue: { code: 'noTitle' } }]);
    expect(preview.rows.map((r) => [r.file, r.line, r.outcome])).toEqual([
      ['users.csv', 2, { kind: 'staff', classSourcedIds: ['cls-k-a'] }],
      ['users.csv', 3, { kind: 'student', classSourcedIds: ['cls-k-a'] }],
      ['users.csv', 4, { kind: 'student', classSourcedIds: ['cls-k-a'] }],
      ['users.csv', 5, { kind: 'student', classSourcedIds: ['cls-k-b'] }],
      ['users.csv', 6, { kind: 'skipped', issue: { code: 'noGivenName' } }],
      ['enrollments.csv', 2, { kind: 'teacher' }],
      ['enrollments.csv', 3, { kind: 'joins' }],
      ['enrollments.csv', 4, { kind: 'joins' }],
      ['enrollments.csv', 5, { kind: 'joins' }],
      ['enrollments.csv', 6, { kind: 'skipped', issue: { code: 'unknownUser', value: 'usr-ghost' } }],
      ['enrollments.csv', 7, { kind: 'skipped', issue: { code: 'userSkipped', value: 'usr-s4', line: 6 } }],
    ]);
  });

  it('keeps every enrollment of a student in two classes, and says what happens to each row', () => {
    const preview = previewOneRoster(fixture('v1p1-two-classes'));
    expect(preview.classes.map((c) => [c.title, c.students.map((s) => s.displayName)])).toEqual([
      ['Introduction to Physics', ['Maria', 'Kevin']],
      ['History - 2', ['Maria', 'Kevin']],
    ]);
    const outcomes = Object.fromEntries(preview.rows.map((r) => [`${r.file}:${r.line}`, r.outcome]));
    expect(outcomes['users.csv:3']).toEqual({ kind: 'student', classSourcedIds: ['class-physics', 'class-history'] });
    expect(outcomes['users.csv:5']).toEqual({ kind: 'noClass' });
    expect(outcomes['enrollments.csv:7']).toEqual({ kind: 'duplicate', line: 6 });
    expect(outcomes['enrollments.csv:8']).toEqual({ kind: 'inactive', status: 'tobedeleted' });
    expect(outcomes['enrollments.csv:9']).toEqual({ kind: 'otherRole', role: 'aide' });
  });

  it('takes the org a class names as its school whatever its type (real exports name departments)', () => {
    const files = fixture('v1p1');
    files['orgs.csv'] = files['orgs.csv']!.replace('Riverside Elementary,school', 'Riverside Elementary,department');
    const preview = previewOneRoster(files);
    expect(preview.schools).toEqual([{ sourcedId: 'org-school-1', name: 'Riverside Elementary' }]);
    expect(preview.classes.map((c) => c.title)).toEqual(['Kindergarten A', 'Kindergarten B, Room 4']);
  });

  it('reads 1.2 files: preferred names, and rows marked tobedeleted left out', () => {
    const preview = previewOneRoster(fixture('v1p2'));
    expect(preview.version).toBe('1.2');
    expect(preview.problems).toEqual([]);
    expect(preview.rows.find((r) => r.sourcedId === 'USER_3')?.outcome).toEqual({
      kind: 'inactive',
      status: 'tobedeleted',
    });
    expect(preview.classes[0]!.students.map((s) => s.displayName)).toEqual(['Sofi', 'Liam']);
  });

  it('stops on a broken file or a missing one, with a clear reason', () => {
    expect(previewOneRoster(fixture('broken'))).toMatchObject({
      fatal: true,
      problems: [{ file: 'users.csv', line: 0, issue: { code: 'unterminatedQuote', line: expect.any(Number) } }],
    });
    const { ['enrollments.csv']: _gone, ...three } = fixture('v1p2');
    expect(previewOneRoster(three).problems).toEqual([
      { file: 'enrollments.csv', line: 0, issue: { code: 'fileMissing' } },
    ]);
    const noTitle = { ...fixture('v1p2'), 'classes.csv': 'sourcedId,name,schoolSourcedId\nC,X,ORG_1\n' };
    expect(previewOneRoster(noTitle).problems[0]?.issue).toEqual({ code: 'columnMissing', columns: ['title'] });
  });

  it('parses quoted fields with commas, quotes and line breaks, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });
});

describe('importing a roster', () => {
  it('writes the chosen classes with their students, each with a picture no classmate has', async () => {
    const store = testStore();
    const preview = previewOneRoster(fixture('v1p1'));
    const result = await importRoster(store, preview, {
      classSourcedIds: ['cls-k-a'],
      pictures: PICTURES,
      familyLanguage: 'es',
    });
    expect(result).toEqual({
      classes: 1,
      students: 2,
      inSeveralClasses: 0,
      classIds: [rosterId('cls-k-a')],
      linked: 0,
    });
    const students = await listStudents(store, rosterId('cls-k-a'));
    expect(students.map((s) => [s.displayName, s.picture, s.familyLanguage])).toEqual([
      ['Ana', 'dog', 'es'],
      ['Ben', 'cat', 'es'],
    ]);
    expect(await store.db.classes.count()).toBe(1);
    expect(await store.db.outbox.count()).toBe(4);
  });

  it('puts the classes in the school server’s school when the device is connected, writing no school of its own', async () => {
    const store = testStore();
    await saveConnection(store, {
      baseUrl: 'https://school.example',
      token: 't',
      deviceTokenId: 'd',
      kind: 'teacher',
      scope: { schoolId: 'school-on-server' },
    });
    await importRoster(store, previewOneRoster(fixture('v1p1')), {
      classSourcedIds: ['cls-k-a'],
      pictures: PICTURES,
      familyLanguage: 'en',
    });
    expect(await store.db.schools.count()).toBe(0);
    expect((await store.db.classes.get(rosterId('cls-k-a')))?.schoolId).toBe('school-on-server');
  });

  it('updates on a second import and keeps a picture the teacher changed', async () => {
    const store = testStore();
    const preview = previewOneRoster(fixture('v1p1'));
    const options = { classSourcedIds: ['cls-k-a'], pictures: PICTURES, familyLanguage: 'en' };
    await importRoster(store, preview, options);
    await updateStudent(store, rosterId('usr-s1'), { picture: 'frog' });
    await importRoster(store, preview, options);
    expect((await store.db.students.get(rosterId('usr-s1')))?.picture).toBe('frog');
    expect(await store.db.students.count()).toBe(2);
  });

  it('puts a student enrolled in two classes in both, each class with its own record of them', async () => {
    const store = testStore();
    const preview = previewOneRoster(fixture('v1p1-two-classes'));
    const options = { classSourcedIds: ['class-physics', 'class-history'], pictures: PICTURES, familyLanguage: 'en' };
    const result = await importRoster(store, preview, options);
    expect(result).toMatchObject({ classes: 2, students: 2, inSeveralClasses: 2 });
    const physics = await listStudents(store, rosterId('class-physics'));
    const history = await listStudents(store, rosterId('class-history'));
    expect(physics.map((s) => s.displayName)).toEqual(['Kevin', 'Maria']);
    expect(history.map((s) => s.displayName)).toEqual(['Kevin', 'Maria']);
    // The same child: linked by their OneRoster user, with the same picture in each class.
    const maria = [...physics, ...history].filter((s) => s.displayName === 'Maria');
    expect(maria.map((s) => rosterUserOf(s.id))).toEqual(['user-s1', 'user-s1']);
    expect(new Set(maria.map((s) => s.picture)).size).toBe(1);
    expect(await linkedClassNames(store, physics)).toEqual(new Map(physics.map((s) => [s.id, ['History - 2']])));

    // Importing the same files again changes nothing; next term's files without History move nobody out of Physics.
    await importRoster(store, preview, options);
    expect(await store.db.students.count()).toBe(4);
    const nextTerm = fixture('v1p1-two-classes');
    nextTerm['enrollments.csv'] = nextTerm['enrollments.csv']!.split('\n')
      .filter((l) => !l.includes('class-history'))
      .join('\n');
    await importRoster(store, previewOneRoster(nextTerm), { ...options, classSourcedIds: ['class-physics'] });
    expect((await listStudents(store, rosterId('class-physics'))).map((s) => s.id).sort()).toEqual(
      physics.map((s) => s.id).sort(),
    );
  });

  it('moves a child whose files name a new class, with their record (and so their evidence)', async () => {
    const store = testStore();
    const options = { classSourcedIds: ['cls-k-a', 'cls-k-b'], pictures: PICTURES, familyLanguage: 'en' };
    await importRoster(store, previewOneRoster(fixture('v1p1')), options);
    const moved = fixture('v1p1');
    moved['enrollments.csv'] = moved['enrollments.csv']!.replace('enr-2,,,cls-k-a', 'enr-2,,,cls-k-b');
    await importRoster(store, previewOneRoster(moved), options);
    expect((await store.db.students.get(rosterId('usr-s1')))?.classId).toBe(rosterId('cls-k-b'));
    expect(await store.db.students.count()).toBe(3);
  });

  it('writes nothing from files with a fatal problem', async () => {
    const store = testStore();
    await expect(
      importRoster(store, previewOneRoster(fixture('broken')), {
        classSourcedIds: ['CLASS_1'],
        pictures: PICTURES,
        familyLanguage: 'en',
      }),
    ).rejects.toBeInstanceOf(RosterImportError);
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('hands out the least used picture once every picture is taken', () => {
    expect(pickPicture(['dog', 'cat', 'fox', 'frog', 'dog'], PICTURES)).toBe('cat');
  });
});
