/** English strings of the teacher's desk (backup, overview, rosters…). Every key must exist in desk.es.ts. */
export const deskEn = {
  'nav.overview': 'Overview',
  'nav.backup': 'Backup',
  'backup.title': 'Backup and merge',
  'backup.intro':
    'A backup is one file with everything on this tablet: students, paths, evidence, photos and audio. Keep it on a USB stick or a file share.',
  'backup.save.title': 'Save a backup',
  'backup.save.button': 'Save a backup file',
  'backup.save.working': 'Preparing the backup…',
  'backup.save.done': 'Backup saved: {records} records and {files} photos or recordings ({size}).',
  'backup.restore.title': 'Restore this tablet from a backup',
  'backup.restore.help':
    'For a new or wiped tablet: everything in the file comes back exactly as it was. What is on this tablet now is replaced.',
  'backup.restore.choose': 'Choose a backup file to restore',
  'backup.restore.confirm':
    'This tablet holds {count} records of its own. Restoring replaces all of them with the backup. Continue?',
  'backup.restore.done': 'Restored {records} records and {files} photos or recordings from the backup of {date}.',
  'backup.merge.title': 'Merge another tablet’s backup',
  'backup.merge.help':
    'Adds another tablet’s work to this one by the same rules as sync: the latest change to each detail wins, and recorded evidence is never changed.',
  'backup.merge.choose': 'Choose a backup file to merge',
  'backup.merge.done':
    'Merged: {newRecords} new records ({newEvidence} of them evidence), {updated} updated, {files} new photos or recordings.',
  'backup.merge.queued': '{count} changes will go to the school server at the next sync.',
  'backup.merge.refused': '{count} records were left unchanged because recorded evidence is never rewritten.',
  'backup.reading': 'Checking the file…',
  'backup.badFile': 'This file cannot be used. Nothing was changed.',
  'backup.badFileDetails': 'What is wrong',
  'backup.failed': 'Something went wrong: {reason}. Nothing was changed.',
  'backup.cancelled': 'Restore cancelled. Nothing was changed.',
} as const;

export type DeskMessageKey = keyof typeof deskEn;
