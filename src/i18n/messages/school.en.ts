/**
 * English strings of the school server panels in Settings: connecting (sign-up, joining a class) and
 * the teacher's classes and devices. Every key must exist in school.es.ts (the type checks it).
 */
export const schoolEn = {
  'school.connect.newSchool': 'New school? Create an account',
  'school.connect.haveAccount': 'I already have an account',
  'school.connect.signUpTitle': 'Create a school and a teacher account',
  'school.connect.schoolName': 'School name',
  'school.connect.displayName': 'Your name, as colleagues see it',
  'school.connect.newPassword': 'Choose a password (at least 10 characters)',
  'school.connect.signUp': 'Create the school and sign in',
  'school.connect.signingUp': 'Creating the school…',
  'school.connect.joinTitle': 'Or join one class with its join code',
  'school.connect.joinAs': 'This tablet will be',
  'school.connect.asStation': 'A station: children find their picture and add their work',
  'school.connect.asTeacher': 'A teacher tablet for this class',
  'school.connect.deviceName': 'Name of this tablet (optional, shown in the teacher’s device list)',
  'school.connect.teacherProof':
    'A teacher tablet needs your account once. Afterwards it stays joined to this class only, until you revoke it.',
  'school.connect.teacherEmail': 'Your email',
  'school.connect.teacherPassword': 'Your password',
  'school.connect.enrollTeacher': 'Join as a teacher tablet',
  'school.connect.joining': 'Joining…',
  'school.problem.offline':
    'The school server could not be reached. Check that this tablet is on the school’s network, then try again.',
  'school.problem.throttled': 'Too many tries in a short time. Wait a minute, then try again.',
  'school.problem.wrongPassword': 'The email or the password is not right. Check both, then try again.',
  'school.problem.unknownCode':
    'No class has this join code. Check the code on the teacher’s tablet (Settings → Classes and devices) and type it again.',

  'school.title': 'Classes and devices',
  'school.intro':
    'Type a class’s join code on a tablet to make it a station or a teacher tablet for that class. Revoke a tablet that is lost or no longer used.',
  'school.colleagues':
    'Colleagues each sign in with an account of their own, and every teacher of the school sees all its classes. Whoever runs the school server adds one: npm run school:add-teacher.',
  'school.loading': 'Loading classes and devices…',
  'school.offline': 'Connect to the server to see classes and devices.',
  'school.failed': 'Could not load classes and devices: {reason}',
  'school.refresh': 'Refresh',
  'school.noClasses':
    'No classes on the server yet. Import a roster on this tablet: each class gets a join code once it syncs.',
  'school.joinCode': 'Join code',
  'school.joinCodeSpoken': 'letter by letter: {letters}',
  'school.newCode': 'New code',
  'school.newCodeFor': 'New code for {name}',
  'school.newCodeConfirm':
    'Make a new join code for {name}? The old code stops working for new tablets; tablets already joined stay joined.',
  'school.newCodeDone': '{name} has a new join code: {code}',
  'school.devices': 'Tablets in {name}',
  'school.noDevices': 'No tablet has joined this class yet.',
  'school.signIns': 'Teacher sign-ins (whole school)',
  'school.kind.station': 'Station',
  'school.kind.teacher': 'Teacher tablet',
  'school.kind.signIn': 'Teacher sign-in',
  'school.kind.student': 'Student tablet',
  'school.unnamed': 'Unnamed tablet',
  'school.joined': 'Joined {date}',
  'school.child': 'Signed in now: {name}',
  'school.someChild': 'A child is signed in now',
  'school.active': 'Active',
  'school.revokedOn': 'Revoked {date}',
  'school.expired': 'Expired',
  'school.thisDevice': 'This tablet',
  'school.thisDeviceHint': 'To take this tablet off the server, use Disconnect above.',
  'school.revoke': 'Revoke',
  'school.revokeLabel': 'Revoke {name}',
  'school.revokeConfirm': 'Revoke {name}? It stops syncing at once and must join again with a join code.',
  'school.revokeDone': '{name} is revoked.',
  'school.actionFailed': 'That did not work: {reason}',
  'school.actionOffline': 'The server cannot be reached. Connect to the server and try again.',
  'school.space': '{free} free, {used} used',
  'school.spaceUnknown': 'Free space not reported',
  'school.uploads_one': '{count} photo or recording waiting to upload ({size})',
  'school.uploads_other': '{count} photos or recordings waiting to upload ({size})',
  'school.changes_one': '{count} change waiting',
  'school.changes_other': '{count} changes waiting',
  'school.reported': 'as of {date}',
  'school.lowSpace': 'Almost full',
} as const;

export type SchoolMessageKey = keyof typeof schoolEn;
