/** Teacher accounts: sign-up (a new school) and sign-in, throttled per IP and email. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_SCALE, validateSignIn, validateSignUp } from '#protocol';
import { isoAt, type RouteContext } from './context.ts';
import { hashPassword, verifyPassword } from './credentials.ts';
import { HttpError } from './errors.ts';
import { seedStarterContent } from '#server/seed-starter.ts';
import { clientKey, issueToken, TEACHER_SESSION_MS, throttled, valid, writeAsServer } from './route-helpers.ts';

export function registerAuthRoutes(app: FastifyInstance, ctx: RouteContext, allowSignUp: boolean): void {
  app.post('/auth/sign-up', async (request, reply) => {
    if (!allowSignUp)
      throw new HttpError(403, 'forbidden', 'This server does not take new schools; ask its administrator');
    const body = valid(validateSignUp(request.body));
    const email = body.email.toLowerCase();
    if (await ctx.storage.findTeacherByEmail(email))
      throw new HttpError(409, 'conflict', 'An account with this email exists; sign in');
    const schoolId = randomUUID();
    const teacherId = randomUUID();
    const at = isoAt(ctx.clock);
    await ctx.storage.createSchool({ id: schoolId, name: body.schoolName, createdAt: at });
    const created = await ctx.storage.createTeacher({
      id: teacherId,
      schoolId,
      email,
      displayName: body.displayName,
      passwordHash: await hashPassword(body.password),
      createdAt: at,
    });
    if (!created) throw new HttpError(409, 'conflict', 'An account with this email exists; sign in');
    await writeAsServer(ctx, schoolId, [
      { table: 'schools', recordId: schoolId, fields: { name: body.schoolName, scale: DEFAULT_SCALE } },
      { table: 'teachers', recordId: teacherId, fields: { schoolId, displayName: body.displayName } },
    ]);
    // Every school starts with the starter frameworks, so no tablet ever pushes them.
    await seedStarterContent(ctx, schoolId);
    const session = await issueToken(ctx, {
      kind: 'teacher',
      schoolId,
      classId: null,
      teacherId,
      deviceId: 'web',
      deviceName: null,
      expiresAt: new Date(ctx.clock.now() + TEACHER_SESSION_MS).toISOString(),
    });
    return reply.status(201).send(session);
  });

  app.post('/auth/sign-in', async (request) => {
    const body = valid(validateSignIn(request.body));
    const email = body.email.toLowerCase();
    const key = `${clientKey(request)}|${email}`;
    const wait = ctx.signInThrottle.retryAfterMs(key);
    if (wait > 0) throw throttled(wait);
    const teacher = await ctx.storage.findTeacherByEmail(email);
    if (!(await verifyPassword(body.password, teacher?.passwordHash)) || !teacher) {
      ctx.signInThrottle.fail(key);
      throw new HttpError(401, 'unauthorized', 'Email or password is wrong');
    }
    ctx.signInThrottle.reset(key);
    return issueToken(ctx, {
      kind: 'teacher',
      schoolId: teacher.schoolId,
      classId: null,
      teacherId: teacher.id,
      deviceId: body.deviceId ?? 'web',
      deviceName: null,
      expiresAt: new Date(ctx.clock.now() + TEACHER_SESSION_MS).toISOString(),
    });
  });
}
