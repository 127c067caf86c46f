/** Sign-up, sign-in, device enrollment and revocation, classes, station sign-in. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DEFAULT_SCALE,
  formatHlc,
  validateCreateClass,
  validateEnroll,
  validateSignIn,
  validateSignUp,
  validateStationSignIn,
  type Change,
  type DeviceKind,
  type SessionResponse,
  type Validated,
} from '#protocol';
import type { Principal } from '#server/sync/principal.ts';
import { serverPrincipal } from '#server/sync/principal.ts';
import { applyPush } from '#server/sync/push.ts';
import { authenticate, isoAt, requireTeacher, type RouteContext } from './context.ts';
import { hashPassword, hashToken, newJoinCode, newToken, normalizeJoinCode, verifyPassword } from './credentials.ts';
import { badRequest, HttpError, notFound } from './errors.ts';

const TEACHER_SESSION_MS = 30 * 24 * 3600 * 1000;

export function valid<T>(result: Validated<T>): T {
  if (!result.ok) throw badRequest(result.errors[0] ?? 'Invalid request', result.errors);
  return result.value;
}

/** Records the server itself writes (school, teacher, class names) go through the sync core like any other. */
export async function writeAsServer(ctx: RouteContext, schoolId: string, records: Omit<Change, 'changeId' | 'hlc'>[]) {
  const hlc = formatHlc({ wallMs: ctx.clock.now(), counter: 0 }, 'server');
  const changes = records.map((r) => ({ ...r, changeId: randomUUID(), hlc }));
  const result = await applyPush(ctx.storage, serverPrincipal(schoolId), 'server', changes, isoAt(ctx.clock));
  if (result.rejected.length > 0) throw new Error(`server write refused: ${result.rejected[0]?.reason}`);
}

interface TokenSpec {
  kind: DeviceKind;
  schoolId: string;
  classId: string | null;
  teacherId: string | null;
  deviceId: string;
  deviceName: string | null;
  expiresAt: string | null;
}

export async function issueToken(ctx: RouteContext, spec: TokenSpec): Promise<SessionResponse> {
  const token = newToken();
  const id = randomUUID();
  await ctx.storage.createDeviceToken({
    ...spec,
    id,
    tokenHash: hashToken(token),
    studentId: null,
    createdAt: isoAt(ctx.clock),
    revokedAt: null,
  });
  return {
    deviceTokenId: id,
    token,
    kind: spec.kind,
    scope: spec.classId === null ? { schoolId: spec.schoolId } : { schoolId: spec.schoolId, classId: spec.classId },
    ...(spec.teacherId !== null ? { teacherId: spec.teacherId } : {}),
    ...(spec.expiresAt !== null ? { expiresAt: spec.expiresAt } : {}),
  };
}

function throttled(retryMs: number): HttpError {
  return new HttpError(429, 'tooManyRequests', `Too many failed attempts; try again in ${Math.ceil(retryMs / 1000)} s`);
}

const clientKey = (request: FastifyRequest): string => request.ip;

export function registerAuthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/auth/sign-up', async (request, reply) => {
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

  app.post('/devices/enroll', async (request, reply) => {
    const body = valid(validateEnroll(request.body));
    const key = clientKey(request);
    const wait = ctx.enrollThrottle.retryAfterMs(key);
    if (wait > 0) throw throttled(wait);
    const cls = await ctx.storage.findClassByJoinCode(normalizeJoinCode(body.joinCode));
    if (!cls) {
      ctx.enrollThrottle.fail(key);
      throw notFound('No class has this join code; check it with the teacher');
    }
    let teacherId: string | null = null;
    if (body.kind === 'teacher') {
      // A join code is shared with a whole room; a teacher device must also prove a teacher signed in.
      const caller = await authenticate(ctx, request);
      requireTeacher(caller);
      if (caller.schoolId !== cls.schoolId || (caller.classId !== null && caller.classId !== cls.id)) {
        throw new HttpError(403, 'forbidden', 'This teacher does not teach in that class’s school');
      }
      teacherId = caller.teacherId;
    }
    const session = await issueToken(ctx, {
      kind: body.kind,
      schoolId: cls.schoolId,
      classId: cls.id,
      teacherId,
      deviceId: body.deviceId,
      deviceName: body.deviceName ?? null,
      expiresAt: null,
    });
    return reply.status(201).send(session);
  });

  app.delete('/devices/:id', async (request, reply) => {
    const caller = await authenticate(ctx, request);
    const { id } = request.params as { id: string };
    const target = await ctx.storage.getDeviceToken(id);
    const mayRevoke = (t: NonNullable<typeof target>, p: Principal): boolean =>
      t.id === p.tokenId ||
      (p.kind === 'teacher' && t.schoolId === p.schoolId && (p.classId === null || p.classId === t.classId));
    if (!target || !mayRevoke(target, caller)) throw notFound('No such device in your scope');
    await ctx.storage.revokeDeviceToken(id, isoAt(ctx.clock));
    return reply.status(204).send();
  });

  app.post('/classes', async (request, reply) => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller, true);
    const body = valid(validateCreateClass(request.body));
    const classId = randomUUID();
    const joinCode = newJoinCode();
    await ctx.storage.createClass({
      id: classId,
      schoolId: caller.schoolId,
      name: body.name,
      joinCode,
      createdAt: isoAt(ctx.clock),
    });
    const teacherIds = caller.teacherId === null ? [] : [caller.teacherId];
    await writeAsServer(ctx, caller.schoolId, [
      {
        table: 'classes',
        recordId: classId,
        fields: { schoolId: caller.schoolId, name: body.name, teacherIds, templateTargetIds: [], language: 'en' },
      },
    ]);
    return reply.status(201).send({ classId, joinCode });
  });

  app.get('/classes', async (request) => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller);
    const classes = await ctx.storage.listClasses(caller.schoolId);
    return {
      classes: classes
        .filter((c) => caller.classId === null || c.id === caller.classId)
        .map((c) => ({ classId: c.id, name: c.name, joinCode: c.joinCode })),
    };
  });

  app.post('/station/sign-in', async (request) => {
    const caller = await authenticate(ctx, request);
    if (caller.kind !== 'station') throw new HttpError(403, 'forbidden', 'Only a station device signs children in');
    const { studentId } = valid(validateStationSignIn(request.body));
    const [student] = await ctx.storage.getRecords(caller.schoolId, [{ table: 'students', recordId: studentId }]);
    if (!student || student.scope.classId !== caller.classId || student.fields.deleted?.value === true) {
      throw notFound('No such child in this station’s class');
    }
    await ctx.storage.setDeviceTokenStudent(caller.tokenId, studentId);
    return { scope: { schoolId: caller.schoolId, classId: caller.classId, studentId }, pullFrom: '0' };
  });

  app.post('/station/sign-out', async (request, reply) => {
    const caller = await authenticate(ctx, request);
    if (caller.kind !== 'station') throw new HttpError(403, 'forbidden', 'Only a station device signs children out');
    await ctx.storage.setDeviceTokenStudent(caller.tokenId, null);
    return reply.status(204).send();
  });
}
