/**
 * Teacher accounts: sign-up (a new school) and sign-in. Neither answer tells whether an email has an
 * account, and neither throttle can lock the rightful teacher out (throttle.ts): failures slow an address
 * or an unknown device down for at most a minute or five, and a device that holds a token of the account
 * is slowed only by its own failures.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validateSignIn, validateSignUp, type SignUpAccepted } from '#protocol';
import type { TeacherAccount } from '#server/storage/storage.ts';
import { bearerToken, type RouteContext } from './context.ts';
import { hashPassword, hashToken, verifyPassword } from './credentials.ts';
import { HttpError } from './errors.ts';
import { clientKey, issueToken, TEACHER_SESSION_MS, valid, WRONG_SIGN_IN } from './route-helpers.ts';
import { createSchoolAccount } from '#server/school-account.ts';
import { POLICIES, throttled } from './throttle.ts';

const SIGN_UP_ACCEPTED: SignUpAccepted = {
  accepted: true,
  message:
    'If this email had no account, the school and its first teacher now exist. Sign in with this email and password.',
};

/**
 * The id of a teacher token the caller holds for this teacher (expired is fine, revoked is not): a known
 * device. A child's tablet names the teacher who enrolled it but is the child's, so it is no such device.
 */
async function knownDevice(ctx: RouteContext, request: FastifyRequest, teacher: TeacherAccount | undefined) {
  const token = bearerToken(request);
  if (token === undefined || teacher === undefined) return null;
  const row = await ctx.storage.findDeviceTokenByHash(hashToken(token));
  return row && row.kind === 'teacher' && row.revokedAt === null && row.teacherId === teacher.id ? row.id : null;
}

/** true: anyone may make a school; false: nobody; 'firstSchool': only while the server holds no school. */
export type SignUpPolicy = boolean | 'firstSchool';

export function registerAuthRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
  allowSignUp: SignUpPolicy,
  closedAccounts: readonly string[] = [],
): void {
  app.post('/auth/sign-up', async (request, reply) => {
    const open = allowSignUp === 'firstSchool' ? !(await ctx.storage.hasAnySchool()) : allowSignUp;
    if (!open)
      throw new HttpError(
        403,
        'forbidden',
        'This server does not take new schools: a teacher of a school here gets an account from whoever runs the server',
      );
    const body = valid(validateSignUp(request.body));
    const address = clientKey(request);
    const wait = await ctx.throttles.waitMs(POLICIES.signUpAddress, address);
    if (wait > 0) throw throttled(wait, 'Too many new schools from this address');
    await ctx.throttles.hit(POLICIES.signUpAddress, address);
    const email = body.email.toLowerCase();
    // Hashed whether or not the email is taken, so the answer takes as long either way.
    const passwordHash = await hashPassword(body.password);
    // The same answer whether the account was made or the email was taken.
    await createSchoolAccount(ctx, { schoolName: body.schoolName, email, displayName: body.displayName, passwordHash });
    return reply.status(202).send(SIGN_UP_ACCEPTED);
  });

  app.post('/auth/sign-in', async (request) => {
    const body = valid(validateSignIn(request.body));
    const email = body.email.toLowerCase();
    // An account whose password is public (the demo's) never opens a production server.
    if (closedAccounts.includes(email))
      throw new HttpError(403, 'forbidden', 'This account is turned off on this server');
    const address = clientKey(request);
    const teacher = await ctx.storage.findTeacherByEmail(email);
    const device = await knownDevice(ctx, request, teacher);
    const waits = device
      ? [await ctx.throttles.waitMs(POLICIES.signInDevice, device)]
      : [
          await ctx.throttles.waitMs(POLICIES.signInAddress, address, email),
          await ctx.throttles.waitMs(POLICIES.signInAccount, email),
        ];
    const wait = Math.max(...waits);
    if (wait > 0) throw throttled(wait, 'Too many wrong passwords for this email');
    if (!(await verifyPassword(body.password, teacher?.passwordHash)) || !teacher) {
      if (device) await ctx.throttles.hit(POLICIES.signInDevice, device);
      else {
        await ctx.throttles.hit(POLICIES.signInAddress, address, email);
        await ctx.throttles.hit(POLICIES.signInAccount, email);
      }
      throw new HttpError(401, 'unauthorized', WRONG_SIGN_IN);
    }
    if (device) await ctx.throttles.clear(POLICIES.signInDevice, device);
    else await ctx.throttles.clear(POLICIES.signInAddress, address, email);
    return issueToken(ctx, {
      kind: 'teacher',
      schoolId: teacher.schoolId,
      classId: null,
      teacherId: teacher.id,
      deviceId: body.deviceId ?? 'web',
      deviceName: null,
      expiresAt: new Date(ctx.clock.now() + TEACHER_SESSION_MS).toISOString(),
      // The password may change while it was being checked (scrypt takes a while): then no token.
      passwordHash: teacher.passwordHash,
    });
  });
}
