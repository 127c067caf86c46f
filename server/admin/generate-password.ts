/**
 * A password for `school:reset-password --generate`: four groups of four characters from an alphabet
 * without look-alikes (0/O, 1/l/I), about 80 bits, easy to read out or copy from a screen to a tablet.
 */
import { randomInt } from 'node:crypto';
import { passwordWeakness } from '#protocol/password-strength.ts';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function generatePassword(context: { email: string; displayName: string }): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    );
    const password = groups.join('-');
    // Almost never refused (a group spelling the teacher's name); then draw again.
    if (passwordWeakness(password, context) === null) return password;
  }
}
