/**
 * Device enrollment by join code (a station; a teacher device or one child's own tablet with a teacher's
 * token too), the caller's session, listing and revoking devices, and a station's signed-in child.
 */
import type { FastifyInstance } from 'fastify';
import {
  validateDeviceStatusReport,
  validateEnroll,
  validateStationSignIn,
  type DeviceListResponse,
  type DeviceStatus,
  type EnrollRequest,
} from '#protocol';
import { isDeletedRecord, type ClassRow, type StoredRecord } from '#server/storage/storage.ts';
import { normalizeJoinCode } from '#server/sync/join-codes.ts';
import type { Principal } from '#server/sync/principal.ts';
import { authenticate, isoAt, requireTeacher, type RouteContext } from './context.ts';
import { HttpError, notFound } from './errors.ts';
import { clientKey, issueToken, paramId, valid } from './route-helpers.ts';
import { POLICIES, throttled } from './throttle.ts';

const isActiveStudentOf = (student: StoredRecord | undefined, classId: string): student is StoredRecord =>
  student !== undefined &&
  student.scope.classId === classId &&
  !isDeletedRecord(student) &&
  student.fields.archived?.value !== true;

export function registerDeviceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /** The teacher behind a teacher or student enrollment: a join code alone only makes a station. */
  async function enrollingTeacher(request: Parameters<typeof authenticate>[1], cls: ClassRow): Promise<Principal> {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller);
    if (caller.schoolId !== cls.schoolId || (caller.classId !== null && caller.classId !== cls.id)) {
      throw new HttpError(403, 'forbidden', 'This teacher does not teach in that class’s school');
    }
    return caller;
  }

  async function childOf(cls: ClassRow, body: EnrollRequest): Promise<string> {
    const studentId = body.studentId ?? '';
    const [student] = await ctx.storage.getRecords(cls.schoolId, [{ table: 'students', recordId: studentId }]);
    if (!isActiveStudentOf(student, cls.id)) throw notFound('No such child in this class');
    return studentId;
  }

  app.post('/devices/enroll', async (request, reply) => {
    const body = valid(validateEnroll(request.body));
    const address = clientKey(request);
    const code = normalizeJoinCode(body.joinCode);
    const wait = await ctx.throttles.waitMs(POLICIES.enrollAddress, address);
    if (wait > 0) throw throttled(wait, 'Too many unknown join codes from this address');
    const cls = await ctx.storage.findClassByJoinCode(code);
    if (!cls) {
      await ctx.throttles.hit(POLICIES.enrollAddress, address);
      throw notFound('No class has this join code; check it with the teacher');
    }
    const perCode = await ctx.throttles.waitMs(POLICIES.enrollCode, code);
    if (perCode > 0)
      throw throttled(perCode, 'Many devices joined with this code lately; the teacher can make a new one');
    const teacher = body.kind === 'station' ? null : await enrollingTeacher(request, cls);
    const studentId = body.kind === 'student' ? await childOf(cls, body) : undefined;
    await ctx.throttles.hit(POLICIES.enrollCode, code);
    const session = await issueToken(ctx, {
      kind: body.kind,
      schoolId: cls.schoolId,
      classId: cls.id,
      ...(studentId !== undefined ? { studentId } : {}),
      teacherId: teacher?.teacherId ?? null,
      deviceId: body.deviceId,
      deviceName: body.deviceName ?? null,
      expiresAt: null,
    });
    return reply.status(201).send(session);
  });

  app.delete('/devices/:id', async (request, reply) => {
    const caller = await authenticate(ctx, request);
    const id = paramId(request, 'id');
    const target = await ctx.storage.getDeviceToken(id);
    const mayRevoke = (t: NonNullable<typeof target>, p: Principal): boolean =>
      t.id === p.tokenId ||
      (p.kind === 'teacher' && t.schoolId === p.schoolId && (p.classId === null || p.classId === t.classId));
    if (!target || !mayRevoke(target, caller)) throw notFound('No such device in your scope');
    await ctx.storage.revokeDeviceToken(id, isoAt(ctx.clock));
    return reply.status(204).send();
  });

  /** Each device's storage and what waits on it, reported after its sync rounds; read back by teachers only. */
  app.post('/sync/status', { bodyLimit: 4096 }, async (request, reply) => {
    const caller = await authenticate(ctx, request);
    const report = valid(validateDeviceStatusReport(request.body));
    const status: DeviceStatus = {
      usedBytes: report.usedBytes ?? null,
      freeBytes: report.freeBytes ?? null,
      pendingChanges: report.pendingChanges ?? null,
      pendingUploads: report.pendingUploads ?? null,
      pendingUploadBytes: report.pendingUploadBytes ?? null,
      reportedAt: isoAt(ctx.clock),
    };
    await ctx.storage.setDeviceStatus(caller.tokenId, status);
    return reply.status(204).send();
  });

  app.get('/devices', async (request): Promise<DeviceListResponse> => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller);
    const rows = await ctx.storage.listDeviceTokens(caller.schoolId);
    const statuses = await ctx.storage.listDeviceStatuses(caller.schoolId);
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
          status: statuses.get(t.id) ?? null,
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
    if (!student || student.scope.classId !== caller.classId || isDeletedRecord(student)) {
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
