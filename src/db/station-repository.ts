import type { StudentRecord } from './records.ts';
import { getSetting, setSetting } from './settings-repository.ts';
import { sha256Digest, toHex } from './sha256.ts';
import type { Store } from './store.ts';
import { getStudent, listStudents } from './students-repository.ts';

/**
 * Station mode is device-local: which class this shared tablet serves, whether it is locked into the
 * station, and the teacher PIN (salted SHA-256, never the PIN itself). Kept in `settings`, never synced.
 * The same PIN guards every locked role of the tablet (device-role-repository.ts).
 */
export const STATION_KEY = 'station';
/** Device-local teacher-recorded read-aloud clips, keyed by target and language (value: blob id). */
const CLIP_KEY_PREFIX = 'station.clip.';
export const MIN_PIN_DIGITS = 4;
/** After this many wrong PINs in a row the station stops checking for a while: guessing takes too long. */
export const PIN_ATTEMPTS_BEFORE_LOCK = 5;
export const PIN_LOCK_MS = 60_000;

/** The outcome of a PIN check: right, wrong, or not checked because of too many wrong tries. */
export type PinCheck = 'ok' | 'wrong' | 'locked';

export interface StationPin {
  readonly salt: string;
  readonly hash: string;
}

export interface StationSettings {
  readonly isOn: boolean;
  readonly classId: string | null;
  readonly showNames: boolean;
  readonly pin: StationPin | null;
  readonly failedPinAttempts: number;
  /** Epoch ms until which no PIN is checked. */
  readonly pinLockedUntil: number | null;
}

const DEFAULT_STATION: StationSettings = {
  isOn: false,
  classId: null,
  showNames: true,
  pin: null,
  failedPinAttempts: 0,
  pinLockedUntil: null,
};

export class InvalidPinError extends Error {
  override name = 'InvalidPinError';
}

export async function getStationSettings(store: Store): Promise<StationSettings> {
  return { ...DEFAULT_STATION, ...(await getSetting<Partial<StationSettings>>(store, STATION_KEY)) };
}

export async function saveStationSettings(store: Store, changes: Partial<StationSettings>): Promise<StationSettings> {
  const next = { ...(await getStationSettings(store)), ...changes };
  await setSetting(store, STATION_KEY, next);
  return next;
}

export async function isStationModeOn(store: Store): Promise<boolean> {
  return (await getStationSettings(store)).isOn;
}

export function isValidPin(pin: string): boolean {
  return new RegExp(`^\\d{${MIN_PIN_DIGITS},}$`).test(pin);
}

export async function hashPin(pin: string, salt: string): Promise<string> {
  return toHex(await sha256Digest(new TextEncoder().encode(`${salt}:${pin}`)));
}

/** Checks the teacher PIN, counting wrong tries; the count is device-local like the rest of station mode. */
export async function checkPin(store: Store, pin: string): Promise<PinCheck> {
  const current = await getStationSettings(store);
  const now = store.env.now();
  if (current.pinLockedUntil !== null && now < current.pinLockedUntil) return 'locked';
  if (current.pin && (await hashPin(pin, current.pin.salt)) === current.pin.hash) {
    await saveStationSettings(store, { failedPinAttempts: 0, pinLockedUntil: null });
    return 'ok';
  }
  const failed = current.failedPinAttempts + 1;
  const isLocking = failed >= PIN_ATTEMPTS_BEFORE_LOCK;
  await saveStationSettings(store, {
    failedPinAttempts: isLocking ? 0 : failed,
    pinLockedUntil: isLocking ? now + PIN_LOCK_MS : null,
  });
  return 'wrong';
}

/**
 * Turns the tablet into a station for one class. The first time, `pin` becomes the teacher PIN; after
 * that it must match. Anything but 'ok' leaves station mode off.
 */
export async function enterStationMode(
  store: Store,
  options: { classId: string; pin: string; showNames: boolean },
): Promise<PinCheck> {
  const current = await getStationSettings(store);
  if (current.pin) {
    const check = await checkPin(store, options.pin);
    if (check !== 'ok') return check;
  } else {
    if (!isValidPin(options.pin)) throw new InvalidPinError(`The PIN needs at least ${MIN_PIN_DIGITS} digits.`);
    await saveStationSettings(store, { pin: await newPinHash(store, options.pin) });
  }
  await saveStationSettings(store, { isOn: true, classId: options.classId, showNames: options.showNames });
  return 'ok';
}

/**
 * Replaces the teacher PIN, only with the current one (wrong tries count as at the station's door). A new
 * PIN that is too short throws InvalidPinError and changes nothing.
 */
export async function changeStationPin(store: Store, currentPin: string, newPin: string): Promise<PinCheck> {
  if (!isValidPin(newPin)) throw new InvalidPinError(`The PIN needs at least ${MIN_PIN_DIGITS} digits.`);
  const check = await checkPin(store, currentPin);
  if (check === 'ok') await saveStationSettings(store, { pin: await newPinHash(store, newPin) });
  return check;
}

export async function newPinHash(store: Store, pin: string): Promise<StationPin> {
  const salt = Array.from(store.env.randomBytes(16), (b) => b.toString(16).padStart(2, '0')).join('');
  return { salt, hash: await hashPin(pin, salt) };
}

/** Leaves station mode only with the teacher PIN. */
export async function leaveStationMode(store: Store, pin: string): Promise<PinCheck> {
  const check = await checkPin(store, pin);
  if (check === 'ok') await saveStationSettings(store, { isOn: false });
  return check;
}

/** The children shown on the station's picture grid: the station class only. */
export async function listStationStudents(store: Store): Promise<StudentRecord[]> {
  const { classId } = await getStationSettings(store);
  return classId ? listStudents(store, classId) : [];
}

/** A child of the station's class, or undefined: a station never opens another class's child. */
export async function getStationStudent(store: Store, studentId: string): Promise<StudentRecord | undefined> {
  const { classId, isOn } = await getStationSettings(store);
  const student = await getStudent(store, studentId);
  return isOn && student && !student.archived && student.classId === classId ? student : undefined;
}

const clipKey = (targetId: string, language: string) => `${CLIP_KEY_PREFIX}${targetId}.${language}`;

/** The teacher's recorded read-aloud of a target, for devices without a voice for the language. */
export async function getTargetClipId(store: Store, targetId: string, language: string): Promise<string | undefined> {
  return getSetting<string>(store, clipKey(targetId, language));
}

/** Every read-aloud clip's blob id: a station plays them offline, so they stay on the tablet. */
export async function listClipBlobIds(store: Store): Promise<string[]> {
  const rows = await store.db.settings.where('key').startsWith(CLIP_KEY_PREFIX).toArray();
  return rows.map((r) => r.value).filter((v): v is string => typeof v === 'string');
}

export async function setTargetClipId(store: Store, targetId: string, language: string, blobId: string): Promise<void> {
  await setSetting(store, clipKey(targetId, language), blobId);
}
