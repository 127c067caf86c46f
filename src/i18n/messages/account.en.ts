/**
 * English strings of the teacher account's own settings: changing its password (Settings, on a tablet
 * signed in with the account). Every key must exist in account.es.ts (the type checks it).
 */
export const accountEn = {
  'account.password.title': 'Change password',
  'account.password.intro':
    'The password of your account, for signing in on any tablet. Changing it signs your account out everywhere else; this tablet stays signed in, and class tablets, stations and children’s tablets keep working.',
  'account.password.current': 'Current password',
  'account.password.new': 'New password (at least 10 characters)',
  'account.password.again': 'New password again',
  'account.password.hint': 'Three or four unrelated words are easy to remember and hard to guess.',
  'account.password.submit': 'Change password',
  'account.password.saving': 'Changing the password…',
  'account.password.done':
    'Password changed. Other tablets signed in with your account must sign in again with the new password.',
  'account.password.mismatch': 'The two new passwords are not the same. Type the new password again.',
  'account.password.currentMissing': 'Type your current password first.',
  'account.password.wrong': 'The current password is not right. Nothing was changed.',
  'account.password.weak.length': 'The new password needs 10 to 200 characters.',
  'account.password.weak.sameAsCurrent': 'The new password is the same as the current one. Choose another.',
  'account.password.weak.published': 'This password is published with Waypoint’s demo. Choose another.',
  'account.password.weak.containsEmail': 'The new password contains your email. Choose another.',
  'account.password.weak.containsName': 'The new password contains your name. Choose another.',
  'account.password.weak.fewCharacters': 'The new password needs at least 5 different characters.',
  'account.password.weak.noLetters': 'The new password needs letters, not only numbers and symbols.',
  'account.password.weak.common': 'The new password is a common one that people try first. Choose another.',
  'account.password.offline':
    'The school server could not be reached, so nothing was changed. Try again when this tablet is online.',
  'account.password.throttled': 'Too many wrong passwords. Wait a minute, then try again.',
  'account.password.failed': 'The password was not changed: {reason}',
} as const;

export type AccountMessageKey = keyof typeof accountEn;
