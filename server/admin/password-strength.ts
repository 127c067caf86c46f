/**
 * Passwords the admin commands refuse beyond sign-up's length rule (10–200 characters): those guessed first
 * by anyone who knows the teacher or the project. An account made by an administrator is handed to a
 * teacher who may keep its password for years, and it opens the children's records of a whole school.
 */
import { DEMO_PASSWORD } from '#server/seed.ts';

/** Words that make a password weak however many digits or symbols surround them. */
const COMMON = ['password', 'passw0rd', 'qwerty', 'azerty', 'letmein', 'welcome', 'teacher', 'school', 'waypoint'];

/** Why this password is too easy to guess, in words for the administrator; null when it is not. */
export function weakPasswordReason(password: string, email: string, displayName: string): string | null {
  const lower = password.toLowerCase();
  if (lower === DEMO_PASSWORD) return 'it is the demo’s password, which the README publishes';
  const mailbox = email.toLowerCase().split('@')[0] ?? '';
  if (mailbox.length >= 3 && lower.includes(mailbox)) return 'it contains the email';
  const names = displayName
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part.length >= 3 && !['mr', 'mrs', 'ms', 'miss', 'dr'].includes(part));
  if (names.some((part) => lower.includes(part))) return 'it contains the teacher’s name';
  if (new Set(lower).size < 5) return 'it uses fewer than 5 different characters';
  if (/^[\p{N}\p{P}\p{S}\s]+$/u.test(lower)) return 'it has no letters';
  const letters = lower.replace(/[^\p{L}]/gu, '');
  if (COMMON.some((word) => letters === word || letters === `${word}${word}`)) return 'it is a common password';
  return null;
}

export const STRONG_PASSWORD_HINT =
  'Choose at least 10 characters, for example three or four unrelated words, without the teacher’s name or email.';
