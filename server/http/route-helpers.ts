/** Helpers shared by the route modules: validation to 400, token issue, server-originated writes. */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { formatHlc, type Change, type DeviceKind, type SessionResponse, type Validated } from '#protocol';
import { serverPrincipal } from '#server/sync/principal.ts';
import { applyPush } from '#server/sync/push.ts';
import { isoAt, type RouteContext } from './context.ts';
import { hashToken, newToken } from './credentials.ts';
import { badRequest, HttpError } from './errors.ts';

export const TEACHER_SESSION_MS = 30 * 24 * 3600 * 1000;

export function valid<T>(result: Validated<T>): T {
  if (!result.ok) throw badRequest(result.errors[0] ?? 'Invalid request', result.errors);
  return result.value;
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

export function throttled(retryMs: number): HttpError {
  return new HttpError(429, 'tooManyRequests', `Too many failed attempts; try again in ${Math.ceil(retryMs / 1000)} s`);
}

export const clientKey = (request: FastifyRequest): string => request.ip;
