/** POST /sync/push and GET /sync/pull: parse, validate, authorize, call the sync core. */
import type { FastifyInstance } from 'fastify';
import { MAX_PUSH_BYTES, MAX_PUSH_FIELDS, validatePullQuery, validatePushRequest } from '#protocol';
import { pullChanges } from '#server/sync/pull.ts';
import { applyPush } from '#server/sync/push.ts';
import { authenticate, isoAt, type RouteContext } from './context.ts';
import { HttpError } from './errors.ts';
import { versionMismatch } from './protocol-version.ts';
import { valid } from './route-helpers.ts';
import { PUSH_FIELDS_PER_UNIT } from './token-budget.ts';

export const PUSH_BODY_LIMIT = MAX_PUSH_BYTES;

export function registerSyncRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const principal = await authenticate(ctx, request);
    const body = valid(validatePushRequest(request.body));
    const mismatch = versionMismatch(body.protocolVersion);
    if (mismatch) throw mismatch;
    const fields = body.changes.reduce((sum, c) => sum + Object.keys(c.fields).length, 0);
    if (fields > MAX_PUSH_FIELDS) {
      throw new HttpError(
        413,
        'tooLarge',
        `This push sets ${fields} fields; send at most ${MAX_PUSH_FIELDS} per push (split the batch)`,
      );
    }
    ctx.budget.spend(principal.tokenId, Math.floor(fields / PUSH_FIELDS_PER_UNIT));
    const answer = await applyPush(ctx.storage, principal, body.deviceId, body.changes, isoAt(ctx.clock));
    return { ...answer, serverTime: ctx.clock.now() };
  });

  app.get('/sync/pull', async (request) => {
    const principal = await authenticate(ctx, request);
    const query = valid(validatePullQuery(request.query));
    const page = await pullChanges(ctx.storage, principal, query.sinceEpoch, query.since, query.limit);
    return { ...page, serverTime: ctx.clock.now() };
  });
}
