/** English strings of tablet roles, handing a tablet to a student, and problems noted. Keys: roles.es.ts. */
export const rolesEn = {
  'roles.title': 'What this tablet is for',
  'roles.intro': 'Lock this tablet to one use. Only the teacher PIN unlocks it again.',
  'roles.now': 'Now: a teacher’s tablet. Every screen shows.',
  'roles.choice': 'Lock it as',
  'roles.station': 'A station for one class',
  'roles.student': 'One student’s own tablet',
  'roles.class': 'Class',
  'roles.studentName': 'Student',
  'roles.noStudents': 'This class has no students yet.',
  'roles.stationServer':
    'This tablet is connected to a school server: it becomes a station of the class there and sees only the picture grid and the child signed in. Your sign-in leaves the tablet.',
  'roles.lock': 'Lock this tablet',
  'roles.locking': 'Locking…',
  'roles.stationFor': 'This tablet is a station for {class}.',
  'roles.waitingForClass':
    'This tablet is a station, but its class has not arrived from the school server yet. Check the network, then come back.',
  'roles.fetchingClass': 'Getting the class from the school server…',
  'handOver.myPath': 'My path (what {name} sees)',
  'handOver.title': 'Give this tablet to {name}',
  'handOver.intro':
    'The tablet then opens on {name}’s path and shows nothing of other children and no teacher screen, whatever address is typed. Only the teacher PIN unlocks it.',
  'handOver.server':
    'This tablet is connected to a school server: it becomes {name}’s device there and syncs only {name}’s records. Your sign-in leaves the tablet.',
  'handOver.submit': 'Give the tablet to {name}',
  'handOver.working': 'Handing over…',
  'handOver.pendingChanges':
    'Some of your changes have not reached the school server yet. Connect to the network, let the tablet sync, then try again.',
  'handOver.needsTeacher':
    'This tablet is not connected to the school server as a teacher. Sign in as a teacher in Settings, or disconnect, then try again.',
  'handOver.unknownClass': 'The school server does not have this class yet. Let the tablet sync, then try again.',
  'handOver.offline': 'The school server cannot be reached. Try again when the tablet is online.',
  'handOver.failed': 'The tablet was not handed over: {reason}',
  'problems.title': 'Problems on this tablet',
  'problems.intro':
    'When a screen breaks, the tablet notes it here (only on this tablet). Pass these lines on to whoever looks after Waypoint.',
  'problems.none': 'No problems noted.',
  'problems.where': '{when}, on {path}',
  'problems.clear': 'Clear the list',
} as const;

export type RolesMessageKey = keyof typeof rolesEn;
