import { Blob as NodeBlob } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_CLASS_KEY,
  addStudent,
  changeStationPin,
  enterStationMode,
  getSetting,
  getStationSettings,
  getStationStudent,
  InvalidPinError,
  leaveStationMode,
  listStationStudents,
  listStudents,
  PIN_ATTEMPTS_BEFORE_LOCK,
  PIN_LOCK_MS,
  putBlob,
  seedFirstRun,
  setTargetClipId,
} from '#db';
import { loadChildHome } from '#features/station/load-child-home.ts';
import { testStore } from '#tests/helpers/test-store.ts';

async function stationStore() {
  const store = testStore();
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  return { store, classId, students: await listStudents(store, classId) };
}

describe('station repository', () => {
  it('refuses a PIN shorter than 4 digits the first time, then checks it on entry and exit', async () => {
    const { store, classId } = await stationStore();
    await expect(enterStationMode(store, { classId, pin: '123', showNames: true })).rejects.toThrow(InvalidPinError);
    expect(await enterStationMode(store, { classId, pin: '1234', showNames: true })).toBe('ok');
    expect(await leaveStationMode(store, '4321')).toBe('wrong');
    expect(await leaveStationMode(store, '1234')).toBe('ok');
    expect(await enterStationMode(store, { classId, pin: '9999', showNames: true })).toBe('wrong');
  });

  it('changes the PIN only with the current one, and never to a too-short one', async () => {
    const { store, classId } = await stationStore();
    await enterStationMode(store, { classId, pin: '1234', showNames: true });
    const before = (await getStationSettings(store)).pin;
    await expect(changeStationPin(store, '1234', '12')).rejects.toThrow(InvalidPinError);
    expect(await changeStationPin(store, '9999', '5678')).toBe('wrong');
    expect((await getStationSettings(store)).pin).toEqual(before);
    expect(await changeStationPin(store, '1234', '5678')).toBe('ok');
    expect(await leaveStationMode(store, '1234')).toBe('wrong');
    expect(await leaveStationMode(store, '5678')).toBe('ok');
  });

  it('stops checking PINs for a minute after five wrong tries in a row', async () => {
    const { store, classId } = await stationStore();
    await enterStationMode(store, { classId, pin: '1234', showNames: true });
    for (let i = 0; i < PIN_ATTEMPTS_BEFORE_LOCK; i++) expect(await leaveStationMode(store, `000${i}`)).toBe('wrong');
    // Even the right PIN is not checked while locked, so guessing cannot go on at full speed.
    expect(await leaveStationMode(store, '1234')).toBe('locked');
    store.env.advance(PIN_LOCK_MS + 1);
    expect(await leaveStationMode(store, '1234')).toBe('ok');
    expect((await getStationSettings(store)).failedPinAttempts).toBe(0);
  });

  it('never opens a child from another class, or any child when the station is off', async () => {
    const { store, classId, students } = await stationStore();
    const stranger = await addStudent(store, {
      classId: 'another-class',
      displayName: 'Kim',
      picture: 'cat',
      familyLanguage: 'en',
    });
    expect(await getStationStudent(store, students[0]!.id)).toBeUndefined();
    await enterStationMode(store, { classId, pin: '1234', showNames: true });
    expect((await listStationStudents(store)).map((s) => s.id)).toEqual(students.map((s) => s.id));
    expect(await getStationStudent(store, students[0]!.id)).toBeDefined();
    expect(await getStationStudent(store, stranger.id)).toBeUndefined();
    expect(await loadChildHome(store, stranger.id, new Date())).toBeNull();
  });

  it("hands the child's home the teacher's clip for the current target in the language it is voiced in", async () => {
    const { store, classId, students } = await stationStore();
    await enterStationMode(store, { classId, pin: '1234', showNames: true });
    const child = students.find((s) => s.familyLanguage === 'es')!;
    const before = await loadChildHome(store, child.id, new Date());
    expect(before?.target?.language).toBe('es');
    expect(before?.target?.clip).toBeUndefined();
    expect(before?.uiLanguage).toBe('es');
    // The next-step sentence carries the Spanish statement, not the English one.
    expect(before?.nextStep.text).not.toMatch(/I can/);

    // Node's own ArrayBuffer: Node's crypto.subtle (putBlob's hash) refuses jsdom's.
    const bytes = await new NodeBlob([new Uint8Array([9, 8, 7])]).arrayBuffer();
    await setTargetClipId(store, before!.target!.id, 'es', await putBlob(store, bytes, 'audio/webm'));
    const after = await loadChildHome(store, child.id, new Date());
    expect(after?.target?.clip?.mime).toBe('audio/webm');
    expect(new Uint8Array(after!.target!.clip!.bytes)).toEqual(new Uint8Array([9, 8, 7]));
  });
});
