import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, previewOneRoster } from '#protocol/oneroster.ts';
import {
  importRoster,
  listStudents,
  pickPicture,
  RosterImportError,
  rosterId,
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
    expect(preview.problems).toEqual([
      { file: 'users.csv', line: 6, message: 'has no given name' },
      { file: 'classes.csv', line: 4, message: 'has no title' },
      { file: 'enrollments.csv', line: 6, message: 'names user "usr-ghost", which is not in users.csv' },
      { file: 'enrollments.csv', line: 7, message: 'names user "usr-s4", which is not in users.csv' },
    ]);
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
    expect(preview.classes[0]!.students.map((s) => s.displayName)).toEqual(['Sofi', 'Liam']);
  });

  it('stops on a broken file or a missing one, with a clear reason', () => {
    expect(previewOneRoster(fixture('broken'))).toMatchObject({
      fatal: true,
      problems: [{ file: 'users.csv', line: 0, message: expect.stringMatching(/not valid CSV: a quoted field/) }],
    });
    const { ['enrollments.csv']: _gone, ...three } = fixture('v1p2');
    expect(previewOneRoster(three).problems).toEqual([
      { file: 'enrollments.csv', line: 0, message: 'enrollments.csv is missing' },
    ]);
    const noTitle = { ...fixture('v1p2'), 'classes.csv': 'sourcedId,name,schoolSourcedId\nC,X,ORG_1\n' };
    expect(previewOneRoster(noTitle).problems[0]?.message).toBe('classes.csv has no column title');
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
    expect(result).toEqual({ classes: 1, students: 2, classIds: [rosterId('cls-k-a')] });
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
