import { describe, expect, it } from 'vitest';
import {
  APP_ERRORS_KEPT,
  clearAppErrors,
  enterStationMode,
  getDeviceRole,
  getStationSettings,
  InvalidPinError,
  leaveStationMode,
  listAppErrors,
  lockDevice,
  lockToStation,
  recordAppError,
  saveConnection,
  unlockDevice,
  type Connection,
} from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

const PIN = '4812';

const connection = (kind: Connection['kind'], scope: Connection['scope']): Connection => ({
  baseUrl: 'https://school.test',
  token: 't'.repeat(43),
  deviceTokenId: 'token-1',
  kind,
  scope,
});

describe('the tablet’s role', () => {
  it('is a teacher’s tablet until a teacher locks it, and only the teacher PIN unlocks it', async () => {
    const store = testStore();
    expect(await getDeviceRole(store)).toEqual({ kind: 'teacher' });

    // The first lock makes the PIN (too short: refused, nothing changes).
    await expect(lockDevice(store, { kind: 'student', studentId: 'liam' }, '12')).rejects.toThrow(InvalidPinError);
    expect(await getDeviceRole(store)).toEqual({ kind: 'teacher' });
    expect(await lockDevice(store, { kind: 'student', studentId: 'liam' }, PIN)).toBe('ok');
    expect(await getDeviceRole(store)).toEqual({ kind: 'student', studentId: 'liam' });
    expect(JSON.stringify(await getStationSettings(store))).not.toContain(PIN);

    expect(await unlockDevice(store, '0000')).toBe('wrong');
    expect(await getDeviceRole(store)).toEqual({ kind: 'student', studentId: 'liam' });
    expect(await unlockDevice(store, PIN)).toBe('ok');
    expect(await getDeviceRole(store)).toEqual({ kind: 'teacher' });

    // Later locks need the same PIN.
    expect(await lockDevice(store, { kind: 'station', classId: 'room-4' }, '9999')).toBe('wrong');
    expect(await getDeviceRole(store)).toEqual({ kind: 'teacher' });
    expect(await lockDevice(store, { kind: 'station', classId: 'room-4' }, PIN)).toBe('ok');
    expect(await getDeviceRole(store)).toEqual({ kind: 'station', classId: 'room-4' });
    expect((await getStationSettings(store)).classId).toBe('room-4');
  });

  it('stops checking PINs after five wrong ones in a row, as the station does', async () => {
    const store = testStore();
    await lockDevice(store, { kind: 'student', studentId: 'liam' }, PIN);
    for (let i = 0; i < 5; i++) expect(await unlockDevice(store, '0000')).toBe('wrong');
    expect(await unlockDevice(store, PIN)).toBe('locked');
    store.env.advance(61_000);
    expect(await unlockDevice(store, PIN)).toBe('ok');
  });

  it('locks a tablet joined as a station (or a student device) to that, until a teacher unlocks it', async () => {
    const store = testStore();
    await saveConnection(store, connection('station', { schoolId: 's', classId: 'room-4' }));
    expect(await getDeviceRole(store)).toEqual({ kind: 'station', classId: 'room-4' });

    // Joined before any PIN: the teacher's first PIN unlocks and becomes the tablet's PIN.
    await lockToStation(store, 'room-4');
    expect(await getDeviceRole(store)).toEqual({ kind: 'station', classId: 'room-4' });
    expect(await unlockDevice(store, PIN)).toBe('ok');
    expect(await getDeviceRole(store)).toEqual({ kind: 'teacher' });
    expect(await lockDevice(store, { kind: 'student', studentId: 'ava' }, '1111')).toBe('wrong');

    const student = testStore();
    await saveConnection(student, connection('student', { schoolId: 's', classId: 'room-4', studentId: 'ava' }));
    expect(await getDeviceRole(student)).toEqual({ kind: 'student', studentId: 'ava' });
  });

  it('is a station while the station runs, whatever it was before, and goes back to that after', async () => {
    const store = testStore();
    await enterStationMode(store, { classId: 'room-4', pin: PIN, showNames: true });
    expect(await getDeviceRole(store)).toEqual({ kind: 'station', classId: 'room-4' });
    await leaveStationMode(store, PIN);
    expect(await getDeviceRole(store)).toEqual({ kind: 'teacher' });

    await lockToStation(store, 'room-4');
    await enterStationMode(store, { classId: 'room-4', pin: PIN, showNames: true });
    await leaveStationMode(store, PIN);
    expect(await getDeviceRole(store)).toEqual({ kind: 'station', classId: 'room-4' });
  });
});

describe('problems noted on this tablet', () => {
  it('keeps the newest errors with where they happened, and clears them', async () => {
    const store = testStore();
    expect(await listAppErrors(store)).toEqual([]);
    await recordAppError(store, { path: '/station', error: new TypeError('x is undefined') });
    store.env.advance(1000);
    await recordAppError(store, { path: '/my-path/a', error: 'plain text', componentStack: '\n    at MyPath' });
    const [newest, older] = await listAppErrors(store);
    expect(newest).toMatchObject({ path: '/my-path/a', message: 'Error: plain text' });
    expect(newest!.detail).toContain('at MyPath');
    expect(older).toMatchObject({ path: '/station', message: 'TypeError: x is undefined' });
    expect(Date.parse(newest!.at) - Date.parse(older!.at)).toBe(1000);

    for (let i = 0; i < APP_ERRORS_KEPT + 5; i++)
      await recordAppError(store, { path: `/p${i}`, error: new Error('e') });
    const kept = await listAppErrors(store);
    expect(kept).toHaveLength(APP_ERRORS_KEPT);
    expect(kept[0]!.path).toBe(`/p${APP_ERRORS_KEPT + 4}`);
    await clearAppErrors(store);
    expect(await listAppErrors(store)).toEqual([]);
  });
});
