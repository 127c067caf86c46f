/**
 * `npm run school:remove-teacher`: a teacher left the school. Their account (email and password) goes and
 * every sign-in of theirs ends; the school's data stays whole: their classes, the children, the evidence
 * they recorded, their name on it. Devices enrolled with their token (class tablets, a child's tablet) keep
 * working, since the class still needs them; a colleague revokes any under Settings → School server. The
 * last teacher of a school is kept unless `--force`: no one could sign in to the school any more.
 */
import { systemClock } from '#server/main.ts';
import type { AdminRun } from './admin-run.ts';
import { signIns, withTeacher } from './find-teacher.ts';
import { option } from './options.ts';

export async function removeTeacher(args: readonly string[], run: AdminRun): Promise<number> {
  const { log, usage } = run;
  const email = option(args, '--email');
  const force = args.includes('--force');
  if (email === undefined) {
    log(usage);
    return 2;
  }
  return withTeacher(email, run, 'Nothing was removed', async ({ teacher, school, storage }) => {
    if (school.teachers <= 1 && !force) {
      log(
        `Nothing was removed: ${teacher.email} is the last teacher of "${school.name}", and no one could sign in ` +
          'to the school any more. Add their successor first (npm run school:add-teacher), or run this again ' +
          'with --force.',
      );
      return 1;
    }
    const devices = (await storage.listDeviceTokens(school.id)).filter(
      (t) => t.teacherId === teacher.id && t.classId !== null && t.revokedAt === null,
    ).length;
    const ended = await storage.removeTeacher(teacher.id, new Date(systemClock.now()).toISOString());
    if (ended === null) {
      log(`Nothing was removed: ${teacher.email} was removed meanwhile.`);
      return 1;
    }
    const left = school.teachers - 1;
    log(
      `Teacher ${teacher.email} removed from "${school.name}" (id ${school.id}), which now has ${left} ` +
        `teacher${left === 1 ? '' : 's'}; ${signIns(ended)} ended.`,
    );
    log('The school’s classes, children and evidence stay, with their name on what they recorded.');
    if (devices > 0) {
      log(
        `${devices} tablet${devices === 1 ? '' : 's'} they joined to a class (teacher or child’s tablets) keep ` +
          'working; a colleague revokes any under Settings → School server.',
      );
    }
    return 0;
  });
}
