/** What every route module receives from the composition root. */
import type { FastifyRequest } from 'fastify';
import type { Storage } from '#server/storage/storage.ts';
import type { Principal } from '#server/sync/principal.ts';
import { hashToken } from './credentials.ts';
import { HttpError, unauthorized } from './errors.ts';
import type { Throttles } from './throttle.ts';
import type { TokenBudget } from './token-budget.ts';

export interface Clock {
  now(): number;
}

export interface RouteContext {
  readonly storage: Storage;
  readonly clock: Clock;
  readonly throttles: Throttles;
  readonly budget: TokenBudget;
}

export const isoAt = (clock: Clock): string => new Date(clock.now()).toISOString();

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match?.[1];
}

/** The caller's principal, or 401 with a message the app can show. */
export async function authenticate(ctx: RouteContext, request: FastifyRequest): Promise<Principal> {
  const token = bearerToken(request);
  if (token === undefined) throw unauthorized('Send Authorization: Bearer <token> (sign in or enroll this device)');
  const row = await ctx.storage.findDeviceTokenByHash(hashToken(token));
  if (!row) throw unauthorized('This token is not known to the server; sign in or enroll this device again');
  if (row.revokedAt !== null) throw unauthorized('This device was signed out or revoked; sign in or enroll it again');
  if (row.expiresAt !== null && Date.parse(row.expiresAt) <= ctx.clock.now()) {
    throw unauthorized('This sign-in has expired; sign in again');
  }
  ctx.budget.spend(row.id, 1);
  return {
    kind: row.kind,
    tokenId: row.id,
    schoolId: row.schoolId,
    classId: row.classId,
    studentId: row.studentId,
    teacherId: row.teacherId,
  };
}

export function requireTeacher(p: Principal, schoolWide = false): void {
  if (p.kind !== 'teacher') throw new HttpError(403, 'forbidden', 'Only a teacher may do this');
  if (schoolWide && p.classId !== null) {
    throw new HttpError(403, 'forbidden', 'Sign in with the teacher account (not a class device) to do this');
  }
}
