/**
 * Rows keep compact stamps on disk (src/db/stored-stamps.ts) while pushes and pulls carry a stamp per
 * change as before: two tablets over real HTTP end with the same fields and the same stamp per field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStudent, recordEvidence, updateStudent, voidEvidence } from '#db';
import { STORED_STAMPS_KEY } from '#db/stored-stamps.ts';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from '#tests/server/helpers/http.ts';
import { rawRows } from '#tests/db/stamp-helpers.ts';
import { snapshot, teacherDevice, type Device } from './devices.ts';

const teacher = { kind: 'teacher', id: 't' } as const;
const T0 = Date.parse('2026-10-05T08:00:00Z');

let server: TestServer;
let school: SchoolSetup;
let a: Device;
let b: Device;

beforeEach(async () => {
  server = await startTestServer('sqlite');
  server.clock.advance(T0 - server.clock.now());
  school = await setUpSchool(server);
  a = await teacherDevice('a', () => server.base, school, T0, server.clock);
  b = await teacherDevice('b', () => server.base, school, T0 + 90_000, server.clock);
});

afterEach(async () => {
  await server.close();
});

describe('compact stamps through sync', () => {
  it('push and pull give the other tablet the same stamp for every field', async () => {
    const ana = await addStudent(a.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    a.store.env.advance(60_000);
    await updateStudent(a.store, ana.id, { displayName: 'Ana María' });
    const seen = await recordEvidence(a.store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'observation',
      recordedBy: teacher,
    });
    await a.sync();
    await b.sync();
    await updateStudent(b.store, ana.id, { picture: 'owl' });
    await voidEvidence(b.store, seen.id, 'Wrong child', teacher);
    await b.sync();
    await a.sync();

    const onA = await snapshot(a.store, { withStamps: true });
    const student = onA[`students/${ana.id}`]!['_hlc'] as Record<string, string>;
    expect(new Set([student['classId'], student['displayName'], student['picture']]).size).toBe(3);
    expect(await snapshot(b.store, { withStamps: true })).toStrictEqual(onA);
    for (const device of [a, b]) {
      const [row] = (await rawRows(device.store.db, 'students')).filter((r) => r['id'] === ana.id);
      expect(row).not.toHaveProperty('_hlc');
      expect(row![STORED_STAMPS_KEY]).toEqual([
        student['classId'],
        { displayName: student['displayName'], picture: student['picture'] },
      ]);
    }
  });

  it('keeps both edits two offline tablets made to different fields of the same row', async () => {
    const ana = await addStudent(a.store, {
      classId: school.classId,
      displayName: 'Ana',
      picture: 'fox',
      familyLanguage: 'es',
    });
    await a.sync();
    await b.sync();
    // Both offline: the teacher renames, the aide changes the picture, neither sees the other's edit.
    a.store.env.advance(60_000);
    b.store.env.advance(60_000);
    await updateStudent(a.store, ana.id, { displayName: 'Ana María' });
    await updateStudent(b.store, ana.id, { picture: 'owl', familyLanguage: 'en' });
    await a.sync();
    await b.sync();
    await a.sync();

    const onA = await snapshot(a.store, { withStamps: true });
    expect(await snapshot(b.store, { withStamps: true })).toStrictEqual(onA);
    const row = onA[`students/${ana.id}`]!;
    expect(row).toMatchObject({ displayName: 'Ana María', picture: 'owl', familyLanguage: 'en' });
    const stamps = row['_hlc'] as Record<string, string>;
    expect(stamps['picture']).toBe(stamps['familyLanguage']);
    expect(new Set([stamps['classId'], stamps['displayName'], stamps['picture']]).size).toBe(3);
    for (const device of [a, b]) {
      const [raw] = (await rawRows(device.store.db, 'students')).filter((r) => r['id'] === ana.id);
      expect(raw![STORED_STAMPS_KEY]).toEqual([
        stamps['classId'],
        { displayName: stamps['displayName'], picture: stamps['picture'], familyLanguage: stamps['familyLanguage'] },
      ]);
    }
  });
});
