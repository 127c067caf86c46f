import { getSetting, setSetting } from './settings-repository.ts';
import {
  checkPin,
  getStationSettings,
  InvalidPinError,
  isValidPin,
  MIN_PIN_DIGITS,
  newPinHash,
  saveStationSettings,
  type PinCheck,
} from './station-repository.ts';
import type { Store } from './store.ts';
import { getConnection } from './sync-state-repository.ts';

/**
 * What this tablet is for. A teacher's tablet shows everything; a station shows only the station of one
 * class; a student's tablet shows only that child's My path. Device-local, never synced: the lock is about
 * this piece of glass, and only the teacher PIN (station-repository.ts) takes it off.
 */
export type DeviceRole =
  | { readonly kind: 'teacher' }
  | { readonly kind: 'station'; readonly classId: string | null }
  | { readonly kind: 'student'; readonly studentId: string };

/** A role a teacher locks the tablet into. */
export type LockedRole = Exclude<DeviceRole, { kind: 'teacher' }>;

export const DEVICE_ROLE_KEY = 'device.role';

const TEACHER: DeviceRole = { kind: 'teacher' };

/**
 * The tablet's role. A running station is always a station; then the role a teacher set; a tablet that
 * joined a school server as a station (or a student's device) and was never set otherwise is locked to
 * that, so it never shows the teacher's screens; anything else is a teacher's tablet.
 */
export async function getDeviceRole(store: Store): Promise<DeviceRole> {
  const [station, stored, connection] = await Promise.all([
    getStationSettings(store),
    getSetting<DeviceRole>(store, DEVICE_ROLE_KEY),
    getConnection(store),
  ]);
  if (station.isOn) return { kind: 'station', classId: station.classId };
  if (stored) return stored;
  if (connection?.kind === 'station') return { kind: 'station', classId: connection.scope.classId ?? null };
  if (connection?.kind === 'student' && connection.scope.studentId) {
    return { kind: 'student', studentId: connection.scope.studentId };
  }
  return TEACHER;
}

export async function hasTeacherPin(store: Store): Promise<boolean> {
  return (await getStationSettings(store)).pin !== null;
}

/**
 * Checks the teacher PIN, or, on a tablet that has none yet, makes `pin` the teacher PIN (at least
 * MIN_PIN_DIGITS digits, else InvalidPinError and nothing changes). Wrong tries count as at the station.
 */
export async function confirmTeacherPin(store: Store, pin: string): Promise<PinCheck> {
  if (await hasTeacherPin(store)) return checkPin(store, pin);
  if (!isValidPin(pin)) throw new InvalidPinError(`The PIN needs at least ${MIN_PIN_DIGITS} digits.`);
  await saveStationSettings(store, { pin: await newPinHash(store, pin) });
  return 'ok';
}

/**
 * Locks the tablet to a station or one student's tablet, behind the teacher PIN (made now when the tablet
 * has none, so there is always a way back). Anything but 'ok' changes nothing.
 */
export async function lockDevice(store: Store, role: LockedRole, pin: string): Promise<PinCheck> {
  const check = await confirmTeacherPin(store, pin);
  if (check === 'ok') await setLockedRole(store, role);
  return check;
}

/**
 * Locks the tablet to a station without a PIN: a tablet just joined to a class as a station, whose
 * set-up then asks the teacher for the PIN before any child uses it. Locking only ever takes power away.
 */
export async function lockToStation(store: Store, classId: string): Promise<void> {
  await setLockedRole(store, { kind: 'station', classId });
}

async function setLockedRole(store: Store, role: LockedRole): Promise<void> {
  // A station's class is the station settings' class too; a student's tablet never runs the station.
  await saveStationSettings(store, role.kind === 'station' ? { classId: role.classId, isOn: false } : { isOn: false });
  await setSetting(store, DEVICE_ROLE_KEY, role);
}

/**
 * Back to a teacher's tablet, only with the teacher PIN. A tablet locked before any PIN was chosen (a
 * station joined but never set up) takes `pin` as its new teacher PIN, as the station set-up would.
 */
export async function unlockDevice(store: Store, pin: string): Promise<PinCheck> {
  const check = await confirmTeacherPin(store, pin);
  if (check === 'ok') {
    await saveStationSettings(store, { isOn: false });
    await setSetting(store, DEVICE_ROLE_KEY, TEACHER);
  }
  return check;
}
