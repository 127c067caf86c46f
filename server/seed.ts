/**
 * The demo school created on a fresh server: one school, one teacher, and a demo class with students,
 * paths and a few weeks of evidence (the same generator a device uses for its local demo).
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_SCALE } from '#protocol';
import { isoAt, type RouteContext } from './http/context.ts';
import { hashPassword, newJoinCode } from './http/credentials.ts';
import { writeAsServer } from './http/route-helpers.ts';
import { demoClassWrites } from './seed-demo-class.ts';

export const DEMO_EMAIL = 'teacher@demo.school';
export const DEMO_PASSWORD = 'waypoint-demo';
export const DEMO_CLASS_NAME = 'Room 4 (demo)';

export interface DemoSeed {
  readonly created: boolean;
  readonly joinCode: string | null;
}

export async function seedDemoSchool(ctx: Pick<RouteContext, 'storage' | 'clock'>): Promise<DemoSeed> {
  const { storage } = ctx;
  const existing = await storage.findTeacherByEmail(DEMO_EMAIL);
  if (existing) {
    const demo = (await storage.listClasses(existing.schoolId)).find((c) => c.name === DEMO_CLASS_NAME);
    return { created: false, joinCode: demo?.joinCode ?? null };
  }
  const at = isoAt(ctx.clock);
  const schoolId = randomUUID();
  const teacherId = randomUUID();
  const classId = randomUUID();
  const joinCode = newJoinCode();
  await storage.createSchool({ id: schoolId, name: 'Demo school', createdAt: at });
  await storage.createTeacher({
    id: teacherId,
    schoolId,
    email: DEMO_EMAIL,
    displayName: 'Demo Teacher',
    passwordHash: await hashPassword(DEMO_PASSWORD),
    createdAt: at,
  });
  await storage.createClass({ id: classId, schoolId, name: DEMO_CLASS_NAME, joinCode, createdAt: at });
  const full = { ...ctx, signInThrottle: unusedThrottle, enrollThrottle: unusedThrottle };
  await writeAsServer(full, schoolId, [
    { table: 'schools', recordId: schoolId, fields: { name: 'Demo school', scale: DEFAULT_SCALE } },
    { table: 'teachers', recordId: teacherId, fields: { schoolId, displayName: 'Demo Teacher' } },
    {
      table: 'classes',
      recordId: classId,
      fields: { schoolId, name: DEMO_CLASS_NAME, teacherIds: [teacherId], templateTargetIds: [], language: 'en' },
    },
    ...demoClassWrites({ schoolId, teacherId, classId }, at),
  ]);
  return { created: true, joinCode };
}

const unusedThrottle = { retryAfterMs: () => 0, fail: () => undefined, reset: () => undefined };
