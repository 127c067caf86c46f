/**
 * The shared password rules (src/protocol/password-strength.ts) in words for the administrator. The
 * commands check sign-up's request rules first (10–200 characters), then these.
 */
import { passwordWeakness, type PasswordWeakness } from '#protocol/password-strength.ts';

const REASONS: Record<PasswordWeakness, string> = {
  length: 'it is not 10–200 characters long',
  sameAsCurrent: 'it is the password the account has now',
  published: 'it is the demo’s password, which the README publishes',
  containsEmail: 'it contains the email',
  containsName: 'it contains the teacher’s name',
  fewCharacters: 'it uses fewer than 5 different characters',
  noLetters: 'it has no letters',
  common: 'it is a common password',
};

/** Why this password is too easy to guess, in words for the administrator; null when it is not. */
export function weakPasswordReason(password: string, email: string, displayName: string): string | null {
  return describeWeakness(passwordWeakness(password, { email, displayName }));
}

/** The shared rules' reason in the administrator's words (null stays null). */
export function describeWeakness(weakness: PasswordWeakness | null): string | null {
  return weakness === null ? null : REASONS[weakness];
}

export const STRONG_PASSWORD_HINT =
  'Choose at least 10 characters, for example three or four unrelated words, without the teacher’s name or email.';
