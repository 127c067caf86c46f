/**
 * When a teacher's password is too easy to guess, shared by everything that sets one: the admin commands
 * (`school:create`, `school:add-teacher`, `school:reset-password`), the server's `POST /auth/password`, and
 * the app's "Change password" form, which checks before it sends so the teacher reads the reason in their
 * language. A teacher account opens the children's records of a whole school and may keep its password for
 * years, so the passwords anyone who knows the teacher or the project tries first are refused.
 */

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Why a password is refused; the app and the admin commands each put it in words. */
export type PasswordWeakness =
  | 'length'
  | 'sameAsCurrent'
  | 'published'
  | 'containsEmail'
  | 'containsName'
  | 'fewCharacters'
  | 'noLetters'
  | 'common';

export interface PasswordContext {
  /** The account's email: its mailbox part may not be in the password. */
  readonly email?: string;
  /** The teacher's name: no part of it (3 letters or more, titles aside) may be in the password. */
  readonly displayName?: string;
  /** The password being replaced: the new one must differ. */
  readonly current?: string;
}

/** Passwords this project publishes: the demo teacher's (README, server/seed.ts). */
const PUBLISHED = ['waypoint-demo'];

/** Words that make a password weak however many digits or symbols surround them. */
const COMMON = ['password', 'passw0rd', 'qwerty', 'azerty', 'letmein', 'welcome', 'teacher', 'school', 'waypoint'];

const TITLES = ['mr', 'mrs', 'ms', 'miss', 'dr'];

/** The first reason this password is too weak, or null when it may be used. */
export function passwordWeakness(password: string, context: PasswordContext = {}): PasswordWeakness | null {
  // UTF-16 units, as the request validators count (validate.ts).
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) return 'length';
  if (context.current !== undefined && password === context.current) return 'sameAsCurrent';
  const lower = password.toLowerCase();
  if (PUBLISHED.includes(lower)) return 'published';
  const mailbox = (context.email ?? '').toLowerCase().split('@')[0] ?? '';
  if (mailbox.length >= 3 && lower.includes(mailbox)) return 'containsEmail';
  const names = (context.displayName ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part.length >= 3 && !TITLES.includes(part));
  if (names.some((part) => lower.includes(part))) return 'containsName';
  if (new Set(lower).size < 5) return 'fewCharacters';
  if (/^[\p{N}\p{P}\p{S}\s]+$/u.test(lower)) return 'noLetters';
  const letters = lower.replace(/[^\p{L}]/gu, '');
  if (COMMON.some((word) => letters === word || letters === `${word}${word}`)) return 'common';
  return null;
}
