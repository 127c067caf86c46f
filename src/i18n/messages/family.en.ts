/** English strings of the family report and family links. Every key must exist in family.es.ts. */
export const familyEn = {
  'family.reportLink': 'Family report',
  'family.page.back': 'Back to {name}',
  // The report itself: written for parents, read in the family's language.
  'family.report.label': 'Family report',
  'family.report.title': 'How {name} is doing',
  'family.report.date': 'Report of {date}',
  'family.report.mastered.title': 'What {name} can do',
  'family.report.mastered.summary': '{name} has learned {learned} of the {total} goals planned so far.',
  'family.report.mastered.none': 'Nothing is marked as learned yet. Every journey starts with a first step!',
  'family.report.mastered.list': 'Goals {name} has learned',
  'family.report.current.title': 'Learning now',
  'family.report.current.none': 'The teacher is choosing what comes next.',
  'family.report.next.title': 'The next step',
  'family.report.practice.title': 'Practice at home',
  'family.report.practice.for': 'Cards for: {target}',
  'family.report.practice.howTo':
    'Cut out the cards along the dashed lines. Show one card at a time and let your child say it. Put the ones your child knows in a “done” pile and cheer! Five minutes a day is plenty; stop while it is still fun.',
  'family.report.practice.none':
    'No cards this time. Ask {name} to show you what they are learning, and praise every try.',
  'family.report.practice.list': 'Practice cards',
  'family.report.work.title': 'Work {name} did at school',
  'family.report.work.label': '{what}, {day} ({n})',
  'family.report.footer': 'Questions? Your child’s teacher is glad to talk with you.',
  // Controls around the report (in the reader's interface language).
  'family.controls.title': 'Print and share',
  'family.controls.language': 'Language of the report',
  'family.controls.languageFallback':
    'The family’s language ({tag}) is not available yet, so the report starts in English.',
  'family.controls.paper': 'Paper size',
  'family.controls.paper.a4': 'A4',
  'family.controls.paper.letter': 'Letter',
  'family.controls.print': 'Print the report',
  // Sharing a family link (teacher).
  'family.share.title': 'Share with the family',
  'family.share.intro':
    'A private link shows this report, always up to date, to whoever has it. Nothing can be changed through it, and you can turn it off at any time.',
  'family.share.create': 'Make a family link',
  'family.share.creating': 'Making the link…',
  'family.share.created': 'The link is ready. Copy it and send it to the family.',
  'family.share.url': 'Family link',
  'family.share.copy': 'Copy the link',
  'family.share.copied': 'Link copied.',
  'family.share.copyFailed': 'Could not copy. Select the link and copy it by hand.',
  'family.share.links': 'Links made on this tablet',
  'family.share.madeOn': 'Made {date}',
  'family.share.revoke': 'Turn off',
  'family.share.revokeLabel': 'Turn off the link made {date}',
  'family.share.revoked': 'The link is turned off. Whoever opens it now is told it no longer works.',
  'family.share.notConnected': 'To share a link, connect this tablet to the school server first.',
  'family.share.openSettings': 'Open Settings',
  'family.share.notTeacher': 'Only a teacher’s tablet can make family links.',
  'family.share.demoChild':
    'This child is in the demo class that stays on this tablet, so the server cannot show their report.',
  'family.share.notOnServer': 'The server does not know this child yet. Sync this tablet, then try again.',
  'family.share.network': 'The server could not be reached. Check the network and try again.',
  'family.share.failed': 'Could not make the link: {reason}',
  'family.share.revokeFailed': 'Could not turn the link off: {reason}',
  // Work shared with the family (teacher picks; the family sees only what is picked).
  'family.work.pick.title': 'Work to show the family',
  'family.work.pick.intro':
    'Tick the photos, drawings and recordings the family may see. Only ticked work appears in the report and through the family link.',
  'family.work.pick.none': 'No photos, drawings or recordings of {name} yet. Add them in a conference.',
  'family.work.pick.share': 'Show the family',
  'family.work.failed': 'Could not change what the family sees: {reason}',
  'family.work.missing': 'This piece of work could not be shown.',
  'family.work.onServer':
    'This piece of work is on the school server; it will show when the tablet is online. Print the report then.',
  'family.work.fetching': 'Getting this piece of work from the school server…',
  // The family's page, opened from a link.
  'family.view.loading': 'Loading the report…',
  'family.view.problemTitle': 'Your child’s report',
  'family.view.readOnly': 'This page shows your child’s learning as the school recorded it. It cannot be changed here.',
  'family.view.revoked':
    'This link was turned off by the school. To see the report again, please ask your child’s teacher for a new link.',
  'family.view.expired': 'This link has expired. Please ask your child’s teacher for a new one.',
  'family.view.invalid':
    'This link does not work. Please check that you copied all of it, or ask your child’s teacher for a new one.',
  'family.view.network': 'The report could not be loaded. Please check your internet connection and try again.',
  'family.view.failed': 'The report could not be loaded right now. Please try again later.',
  'family.view.retry': 'Try again',
} as const;

export type FamilyMessageKey = keyof typeof familyEn;
