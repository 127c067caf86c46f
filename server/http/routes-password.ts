/**
 * `POST /auth/password`: a teacher signed in with email and password changes the account's password. The
 * current password is checked as sign-in checks it (scrypt, and the same throttle as a known device's
 * wrong sign-ins, keyed by the token), the new one by the shared rules (src/protocol/password-strength.ts).
 * The account's other sign-ins end, so whoever signed in with a leaked password is signed out; this one
 * stays. Devices enrolled with the teacher's token (class tablets, a child's tablet) and stations hold
 * tokens of their own and keep working: the teacher sees and revokes them under Settings. Nothing changes
 * on any refusal, and no password is ever logged (request bodies never are: log-fields.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { passwordWeakness, validateChangePassword, type ChangePasswordResponse } from '#protocol';
import type { Principal } from '#server/sync/principal.ts';
import { authenticate, bearerToken, isoAt, type RouteContext } from './context.ts';
import { hashPassword, hashToken, verifyPassword } from './credentials.ts';
import { HttpError } from './errors.ts';
import { valid } from './route-helpers.ts';
import { POLICIES, throttled } from './throttle.ts';

const ACCOUNT_ONLY =
  'Only a teacher signed in with email and password changes the account’s password (not a class tablet, station or child’s tablet)';

/** The caller, who must be a teacher's own sign-in. A family link sent as a token is refused as a role too. */
async function signedInTeacher(ctx: RouteContext, request: FastifyRequest): Promise<Principal> {
  let caller: Principal;
  try {
    caller = await authenticate(ctx, request);
  } catch (error) {
    const token = bearerToken(request);
    if (token !== undefined && (await ctx.storage.findFamilyLinkByHash(hashToken(token)))) {
      throw new HttpError(403, 'forbidden', ACCOUNT_ONLY);
    }
    throw error;
  }
  if (caller.kind !== 'teacher' || caller.classId !== null || caller.teacherId === null) {
    throw new HttpError(403, 'forbidden', ACCOUNT_ONLY);
  }
  return caller;
}

export function registerPasswordRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/auth/password', { bodyLimit: 4096 }, async (request): Promise<ChangePasswordResponse> => {
    const caller = await signedInTeacher(ctx, request);
    const body = valid(validateChangePassword(request.body));
    const teacher = await ctx.storage.findTeacherById(caller.teacherId ?? '');
    if (!teacher) throw new HttpError(403, 'forbidden', 'This account no longer exists on this server');
    // Wrong current passwords count with this device's wrong sign-ins: a stolen token guesses no faster.
    const wait = await ctx.throttles.waitMs(POLICIES.signInDevice, caller.tokenId);
    if (wait > 0) throw throttled(wait, 'Too many wrong passwords from this device');
    if (!(await verifyPassword(body.currentPassword, teacher.passwordHash))) {
      await ctx.throttles.hit(POLICIES.signInDevice, caller.tokenId);
      throw new HttpError(403, 'wrongPassword', 'The current password is wrong; nothing was changed');
    }
    await ctx.throttles.clear(POLICIES.signInDevice, caller.tokenId);
    const weakness = passwordWeakness(body.newPassword, {
      email: teacher.email,
      displayName: teacher.displayName,
      current: body.currentPassword,
    });
    if (weakness !== null) {
      throw new HttpError(
        400,
        'weakPassword',
        `The new password is too easy to guess (${weakness}); nothing was changed. Choose at least 10 characters, for example three or four unrelated words, without your name or email`,
        [weakness],
      );
    }
    const signedOut = await ctx.storage.setTeacherPassword({
      teacherId: teacher.id,
      passwordHash: await hashPassword(body.newPassword),
      at: isoAt(ctx.clock),
      keepTokenId: caller.tokenId,
      expectedHash: teacher.passwordHash,
    });
    if (signedOut === null) {
      throw new HttpError(
        409,
        'conflict',
        'The password was changed meanwhile from another device; nothing was changed',
      );
    }
    return { changed: true, signedOut };
  });
}
