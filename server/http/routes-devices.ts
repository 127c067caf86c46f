/** Device enrollment by join code, the caller's session, listing and revoking devices, station sign-in. */
import type { FastifyInstance } from 'fastify';
import { validateEnroll, validateStationSignIn, type DeviceListResponse } from '#protocol';
import { normalizeJoinCode } from '#server/sync/join-codes.ts';
import type { Principal } from '#server/sync/principal.ts';
import { authenticate, isoAt, requireTeacher, type RouteContext } from './context.ts';
import { HttpError, notFound } from './errors.ts';
import { clientKey, issueToken, throttled, valid } from './route-helpers.ts';

export function registerDeviceRoutes(app: FastifyInstance, ctx: RouteContext): void {
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

  app.get('/devices', async (request): Promise<DeviceListResponse> => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller);
    const rows = await ctx.storage.listDeviceTokens(caller.schoolId);
    return {
      devices: rows
        .filter((t) => caller.classId === null || t.classId === caller.classId)
        .map((t) => ({
          deviceTokenId: t.id,
          kind: t.kind,
          classId: t.classId,
          deviceId: t.deviceId,
          deviceName: t.deviceName,
          signedInStudentId: t.studentId,
          createdAt: t.createdAt,
          expiresAt: t.expiresAt,
          revokedAt: t.revokedAt,
        })),
    };
  });

  /** Lets a device check its token and learn its scope (e.g. after a restart). */
  app.get('/session', async (request) => {
    const p = await authenticate(ctx, request);
    return {
      deviceTokenId: p.tokenId,
      kind: p.kind,
      scope: {
        schoolId: p.schoolId,
        ...(p.classId !== null ? { classId: p.classId } : {}),
        ...(p.studentId !== null ? { studentId: p.studentId } : {}),
      },
      ...(p.teacherId !== null ? { teacherId: p.teacherId } : {}),
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
