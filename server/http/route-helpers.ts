/** Helpers shared by the route modules: validation to 400, token issue, server-originated writes. */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { checkId, formatHlc, type Change, type DeviceKind, type SessionResponse, type Validated } from '#protocol';
import { serverPrincipal } from '#server/sync/principal.ts';
import { applyPush } from '#server/sync/push.ts';
import { isoAt, type RouteContext } from './context.ts';
import { hashToken, newToken } from './credentials.ts';
import { badRequest, unauthorized } from './errors.ts';

export const TEACHER_SESSION_MS = 30 * 24 * 3600 * 1000;
export const WRONG_SIGN_IN = 'Email or password is wrong';

export function valid<T>(result: Validated<T>): T {
  if (!result.ok) throw badRequest(result.errors[0] ?? 'Invalid request', result.errors);
  return result.value;
}

/** An id from the path (a device token, class or family link id), or 400. */
export function paramId(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown>)[name];
  const errors: string[] = [];
  if (!checkId(value, name, errors)) throw badRequest(errors[0] ?? `${name} is not an id`, errors);
  return value;
}

/** Records the server itself writes (school, teacher, class names) go through the sync core like any other. */
export async function writeAsServer(
  ctx: Pick<RouteContext, 'storage' | 'clock'>,
  schoolId: string,
  records: (Omit<Change, 'changeId' | 'hlc'> & { changeId?: string })[],
) {
  const hlc = formatHlc({ wallMs: ctx.clock.now(), counter: 0 }, 'server');
  const changes = records.map((r) => ({ ...r, changeId: r.changeId ?? randomUUID(), hlc }));
  const result = await applyPush(ctx.storage, serverPrincipal(schoolId), 'server', changes, isoAt(ctx.clock));
  if (result.rejected.length > 0) throw new Error(`server write refused: ${result.rejected[0]?.reason}`);
}

interface TokenSpec {
  kind: DeviceKind;
  schoolId: string;
  classId: string | null;
  /** A student device's own child. */
  studentId?: string;
  teacherId: string | null;
  deviceId: string;
  deviceName: string | null;
  expiresAt: string | null;
  /**
   * A teacher's sign-in: the password hash it was checked against. The token is made only while the account
   * still has it, so a sign-in with a password changed (or an account removed) meanwhile gets none.
   */
  passwordHash?: string;
}

export async function issueToken(ctx: RouteContext, spec: TokenSpec): Promise<SessionResponse> {
  const token = newToken();
  const id = randomUUID();
  const row = {
    kind: spec.kind,
    schoolId: spec.schoolId,
    classId: spec.classId,
    teacherId: spec.teacherId,
    deviceId: spec.deviceId,
    deviceName: spec.deviceName,
    expiresAt: spec.expiresAt,
    id,
    tokenHash: hashToken(token),
    studentId: spec.studentId ?? null,
    createdAt: isoAt(ctx.clock),
    revokedAt: null,
  };
  if (spec.passwordHash === undefined) await ctx.storage.createDeviceToken(row);
  else if (!(await ctx.storage.createSignIn(row, spec.passwordHash))) throw unauthorized(WRONG_SIGN_IN);
  return {
    deviceTokenId: id,
    token,
    kind: spec.kind,
    scope: {
      schoolId: spec.schoolId,
      ...(spec.classId !== null ? { classId: spec.classId } : {}),
      ...(spec.studentId !== undefined ? { studentId: spec.studentId } : {}),
    },
    ...(spec.teacherId !== null ? { teacherId: spec.teacherId } : {}),
    ...(spec.expiresAt !== null ? { expiresAt: spec.expiresAt } : {}),
  };
}

export const clientKey = (request: FastifyRequest): string => request.ip;
