/** POST /sync/push and GET /sync/pull: parse, validate, authorize, call the sync core. */
import type { FastifyInstance } from 'fastify';
import { validatePullQuery, validatePushRequest } from '#protocol';
import { pullChanges } from '#server/sync/pull.ts';
import { applyPush } from '#server/sync/push.ts';
import { authenticate, isoAt, type RouteContext } from './context.ts';
import { versionMismatch } from './protocol-version.ts';
import { valid } from './route-helpers.ts';

/** 500 changes of up to 64 KB each could exceed this; real batches are far smaller. */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

export function registerSyncRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const principal = await authenticate(ctx, request);
    const body = valid(validatePushRequest(request.body));
    const mismatch = versionMismatch(body.protocolVersion);
    if (mismatch) throw mismatch;
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
