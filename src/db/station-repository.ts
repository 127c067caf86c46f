import type { StudentRecord } from './records.ts';
import { getSetting, setSetting } from './settings-repository.ts';
import type { Store } from './store.ts';
import { getStudent, listStudents } from './students-repository.ts';

/**
 * Station mode is device-local: which class this shared tablet serves, whether it is locked into the
 * station, and the teacher PIN (salted SHA-256, never the PIN itself). Kept in `settings`, never synced.
 */
export const STATION_KEY = 'station';
/** Device-local teacher-recorded read-aloud clips, keyed by target and language (value: blob id). */
const CLIP_KEY_PREFIX = 'station.clip.';
export const MIN_PIN_DIGITS = 4;

export interface StationPin {
  readonly salt: string;
  readonly hash: string;
}

export interface StationSettings {
  readonly isOn: boolean;
  readonly classId: string | null;
  readonly showNames: boolean;
  readonly pin: StationPin | null;
}

const DEFAULT_STATION: StationSettings = { isOn: false, classId: null, showNames: true, pin: null };

export class InvalidPinError extends Error {
  override name = 'InvalidPinError';
}

export async function getStationSettings(store: Store): Promise<StationSettings> {
  return { ...DEFAULT_STATION, ...(await getSetting<Partial<StationSettings>>(store, STATION_KEY)) };
}

async function saveStationSettings(store: Store, changes: Partial<StationSettings>): Promise<StationSettings> {
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
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${pin}`));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function matchesPin(pin: string, saved: StationPin | null): Promise<boolean> {
  if (!saved) return false;
  return (await hashPin(pin, saved.salt)) === saved.hash;
}

/**
 * Turns the tablet into a station for one class. The first time, `pin` becomes the teacher PIN; after
 * that it must match. Resolves false (and changes nothing) when the PIN is wrong.
 */
export async function enterStationMode(
  store: Store,
  options: { classId: string; pin: string; showNames: boolean },
): Promise<boolean> {
  const current = await getStationSettings(store);
  if (current.pin) {
    if (!(await matchesPin(options.pin, current.pin))) return false;
  } else {
    if (!isValidPin(options.pin)) throw new InvalidPinError(`The PIN needs at least ${MIN_PIN_DIGITS} digits.`);
    const salt = Array.from(store.env.randomBytes(16), (b) => b.toString(16).padStart(2, '0')).join('');
    await saveStationSettings(store, { pin: { salt, hash: await hashPin(options.pin, salt) } });
  }
  await saveStationSettings(store, { isOn: true, classId: options.classId, showNames: options.showNames });
  return true;
}

/** Leaves station mode only with the teacher PIN; resolves false when it is wrong. */
export async function leaveStationMode(store: Store, pin: string): Promise<boolean> {
  if (!(await matchesPin(pin, (await getStationSettings(store)).pin))) return false;
  await saveStationSettings(store, { isOn: false });
  return true;
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

export async function setTargetClipId(store: Store, targetId: string, language: string, blobId: string): Promise<void> {
  await setSetting(store, clipKey(targetId, language), blobId);
}
