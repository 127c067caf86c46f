/**
 * The demo school created on a fresh server: one school, one teacher, one class, the starter frameworks
 * (as in every school) and a demo class. Fixed ids and change ids make seeding idempotent even when several
 * server processes start at once over one PostgreSQL.
 */
import { DEFAULT_SCALE } from '#protocol';
import { isoAt, type RouteContext } from './http/context.ts';
import { hashPassword } from './http/credentials.ts';
import { newJoinCode } from './sync/join-codes.ts';
import { writeAsServer } from './http/route-helpers.ts';
import { demoClassWrites } from './seed-demo-class.ts';
import { seedStarterContent } from './seed-starter.ts';

export const DEMO_EMAIL = 'teacher@demo.school';
export const DEMO_PASSWORD = 'waypoint-demo';
export const DEMO_CLASS_NAME = 'Room 4 (demo)';
export const DEMO_SCHOOL_ID = '00000000-0000-7000-8000-00000000d001';
export const DEMO_TEACHER_ID = '00000000-0000-7000-8000-00000000d002';
export const DEMO_CLASS_ID = '00000000-0000-7000-8000-00000000d003';

export interface DemoSeed {
  readonly created: boolean;
  readonly joinCode: string | null;
}

export async function seedDemoSchool(ctx: Pick<RouteContext, 'storage' | 'clock'>): Promise<DemoSeed> {
  const { storage } = ctx;
  const existing = await storage.getClass(DEMO_CLASS_ID);
  if (existing) return { created: false, joinCode: existing.joinCode };
  const at = isoAt(ctx.clock);
  await storage.createSchool({ id: DEMO_SCHOOL_ID, name: 'Demo school', createdAt: at });
  await storage.createTeacher({
    id: DEMO_TEACHER_ID,
    schoolId: DEMO_SCHOOL_ID,
    email: DEMO_EMAIL,
    displayName: 'Demo Teacher',
    passwordHash: await hashPassword(DEMO_PASSWORD),
    createdAt: at,
  });
  await storage.createClass({
    id: DEMO_CLASS_ID,
    schoolId: DEMO_SCHOOL_ID,
    name: DEMO_CLASS_NAME,
    joinCode: newJoinCode(),
    createdAt: at,
  });
  await seedStarterContent(ctx, DEMO_SCHOOL_ID);
  await writeAsServer(ctx, DEMO_SCHOOL_ID, [
    {
      changeId: 'seed-demo-school',
      table: 'schools',
      recordId: DEMO_SCHOOL_ID,
      fields: { name: 'Demo school', scale: DEFAULT_SCALE },
    },
    {
      changeId: 'seed-demo-teacher',
      table: 'teachers',
      recordId: DEMO_TEACHER_ID,
      fields: { schoolId: DEMO_SCHOOL_ID, displayName: 'Demo Teacher' },
    },
    {
      changeId: 'seed-demo-class',
      table: 'classes',
      recordId: DEMO_CLASS_ID,
      fields: {
        schoolId: DEMO_SCHOOL_ID,
        name: DEMO_CLASS_NAME,
        teacherIds: [DEMO_TEACHER_ID],
        templateTargetIds: [],
        language: 'en',
      },
    },
    ...demoClassWrites({ schoolId: DEMO_SCHOOL_ID, teacherId: DEMO_TEACHER_ID, classId: DEMO_CLASS_ID }, at),
  ]);
  // Whoever won a race, report the class as stored.
  const stored = await storage.getClass(DEMO_CLASS_ID);
  return { created: true, joinCode: stored?.joinCode ?? null };
}
