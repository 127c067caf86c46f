/** The shared password rules (src/protocol/password-strength.ts), table-driven, and the generated passwords. */
import { describe, expect, it } from 'vitest';
import { passwordWeakness, type PasswordWeakness } from '#protocol';
import { generatePassword } from '#server/admin/generate-password.ts';
import { DEMO_PASSWORD } from '#server/seed.ts';

const teacher = { email: 'okafor@lakeside.org', displayName: 'Mr Okafor' };

describe('passwordWeakness', () => {
  const cases: [string, Parameters<typeof passwordWeakness>[1], PasswordWeakness | null][] = [
    ['purple tractor lantern', teacher, null],
    ['kq7m-x3tp-9hwa-r2fz', {}, null],
    ['Mr. Rivera is 10/10', teacher, null], // another teacher's name is fine; titles never count
    ['short', {}, 'length'],
    ['123456789', {}, 'length'],
    ['x'.repeat(201), {}, 'length'],
    ['purple tractor lantern', { ...teacher, current: 'purple tractor lantern' }, 'sameAsCurrent'],
    [DEMO_PASSWORD, {}, 'published'],
    ['WAYPOINT-DEMO', {}, 'published'],
    ['okafor-is-great', teacher, 'containsEmail'],
    ['go OKAFOR go go', { displayName: 'Mr Okafor' }, 'containsName'],
    ['abababababab', {}, 'fewCharacters'],
    ['0612345678', {}, 'noLetters'],
    ['12-34-56-78-90', {}, 'noLetters'],
    ['Password2024!', {}, 'common'],
    ['passwordpassword1', {}, 'common'],
    ['Teacher#2026', {}, 'common'],
    ['waypoint!!2026', {}, 'common'],
  ];
  it.each(cases)('%s → %s', (password, context, expected) => {
    expect(passwordWeakness(password, context)).toBe(expected);
  });

  it('checks in a fixed order: length first, then the current password', () => {
    expect(passwordWeakness('short', { current: 'short' })).toBe('length');
    expect(passwordWeakness('Password2024!', { current: 'Password2024!' })).toBe('sameAsCurrent');
  });
});

describe('generatePassword', () => {
  it('makes passwords the rules accept, each different', () => {
    const made = Array.from({ length: 50 }, () => generatePassword(teacher));
    for (const password of made) {
      expect(password).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/);
      expect(passwordWeakness(password, teacher)).toBeNull();
    }
    expect(new Set(made).size).toBe(made.length);
  });
});
