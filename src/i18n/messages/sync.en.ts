/**
 * English strings of what sync reports in Settings: changes the server did not save, in plain words with
 * what to do, changes held back, and a tablet clock that is far off. Every key must exist in sync.es.ts.
 * A line reads: "{subject} was not saved: {why} {todo}".
 */
export const syncEn = {
  'sync.notSaved.title': 'Not saved on the school server',
  'sync.notSaved.intro':
    'The school server did not accept these changes. This tablet now shows what the server holds; this list keeps what was not saved.',
  'sync.notSaved.line': '{subject} was not saved: {why} {todo}',
  'sync.notSaved.more_one': 'And {count} more.',
  'sync.notSaved.more_other': 'And {count} more.',
  'sync.notSaved.dismiss': 'I have read this',
  'sync.notSaved.someChild': 'a child',
  'sync.notSaved.subject.evidence': '{name}’s evidence of {date}',
  'sync.notSaved.subject.evidence.observation': '{name}’s observation of {date}',
  'sync.notSaved.subject.evidence.check': '{name}’s one-on-one check of {date}',
  'sync.notSaved.subject.evidence.workSample': '{name}’s work sample of {date}',
  'sync.notSaved.subject.evidence.selfAssessment': '{name}’s self-assessment of {date}',
  'sync.notSaved.subject.evidence.conferenceNote': '{name}’s conference note of {date}',
  'sync.notSaved.subject.decision': 'A decision about {name} of {date}',
  'sync.notSaved.subject.decision.markMastered': 'Marking a target mastered for {name} on {date}',
  'sync.notSaved.subject.decision.reopen': 'Reopening a target for {name} on {date}',
  'sync.notSaved.subject.decision.setCurrent': 'Setting {name}’s current target on {date}',
  'sync.notSaved.subject.decision.chooseNext': '{name}’s choice of {date}',
  'sync.notSaved.subject.attachment': 'The photo or recording in {name}’s evidence of {date}',
  'sync.notSaved.subject.path': '{name}’s path',
  'sync.notSaved.subject.student': 'The record of {name}',
  'sync.notSaved.subject.class': 'The class “{label}”',
  'sync.notSaved.subject.school': 'The school’s details',
  'sync.notSaved.subject.teacher': 'The details of {label}',
  'sync.notSaved.subject.framework': 'The framework “{label}”',
  'sync.notSaved.subject.target': 'The target {label}',
  'sync.notSaved.subject.itemSet': 'The item set “{label}”',
  'sync.notSaved.why.stationWork':
    'a station saves only a child’s own work, waiting for the teacher’s review, never a teacher’s judgment.',
  'sync.notSaved.why.stationChoice': 'a station saves only a child’s own choice of what to learn next.',
  'sync.notSaved.why.stationPath': 'a station cannot change a child’s path; the teacher plans it.',
  'sync.notSaved.why.stationContent': 'a station cannot change the class, its children or the learning targets.',
  'sync.notSaved.why.classSchool': 'a class tablet cannot change the school or its teachers.',
  'sync.notSaved.why.classOther': 'a class tablet cannot create classes or change another class.',
  'sync.notSaved.why.forbidden': 'this tablet may not change it.',
  'sync.notSaved.why.immutable': 'recorded work cannot be changed afterwards.',
  'sync.notSaved.why.scope':
    'the server does not know this child or class for this tablet (another class’s, or never saved there).',
  'sync.notSaved.why.conflict': 'the server holds a different change under the same name.',
  'sync.notSaved.why.attachment': 'the server does not take this kind of file (it stays on this tablet).',
  'sync.notSaved.why.invalid': 'the server could not accept it (too large, or incomplete).',
  'sync.notSaved.why.invalidField':
    'a value in it was not of the kind the server expects (a date, a level or a list), which an out-of-date Waypoint can make.',
  'sync.notSaved.todo.teacherTablet': 'Record it on a teacher tablet.',
  'sync.notSaved.todo.account': 'Do it on a tablet signed in with the teacher’s account.',
  'sync.notSaved.todo.void': 'Void it and record it again.',
  'sync.notSaved.todo.checkClass': 'Check that this tablet is joined to the right class, then record it again.',
  'sync.notSaved.todo.attachment': 'Take the photo or recording again in Waypoint.',
  'sync.notSaved.todo.update': 'Update Waypoint on this tablet, then record it again.',
  'sync.notSaved.todo.again': 'Record it again.',
  'sync.held_one':
    '{count} change made on this tablet stays here, unsent: this tablet’s connection may not send it. Sign in with the teacher’s account to send it.',
  'sync.held_other':
    '{count} changes made on this tablet stay here, unsent: this tablet’s connection may not send them. Sign in with the teacher’s account to send them.',
  'sync.clock.ahead':
    'This tablet’s clock is {amount} ahead of the school server. Set the date and time in the tablet’s settings.',
  'sync.clock.behind':
    'This tablet’s clock is {amount} behind the school server. Set the date and time in the tablet’s settings.',
} as const;
