/** Builds the Fastify app: API under /api/v1, the built PWA with SPA fallback, errors as JSON. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerFactory,
  type FastifyServerOptions,
} from 'fastify';
import { API_PREFIX } from '#protocol';
import { APP_CSP_HEADER } from './app-csp.ts';
import type { Storage } from '#server/storage/storage.ts';
import type { Clock, RouteContext } from './context.ts';
import { errorBody, HttpError, installErrorHandlers } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { installVersionCheck } from './protocol-version.ts';
import { registerAuthRoutes, type SignUpPolicy } from './routes-auth.ts';
import { registerPasswordRoutes } from './routes-password.ts';
import { registerClassRoutes } from './routes-classes.ts';
import { registerDeviceRoutes } from './routes-devices.ts';
import { registerBlobRoutes } from './routes-blobs.ts';
import { registerFamilyRoutes } from './routes-family.ts';
import { registerSyncRoutes } from './routes-sync.ts';
import { installEdgeChecks } from './edge.ts';
import { installConnectionDraining } from '#server/shutdown.ts';
import type { UncitedBlobPolicy } from '#server/sync/uncited-blobs.ts';
import { registerHealthRoutes } from './routes-health.ts';
import { lifecycleOf } from './lifecycle.ts';
import { createThrottles } from './throttle.ts';
import { createTokenBudget } from './token-budget.ts';

export interface ServerOptions {
  readonly storage: Storage;
  readonly clock: Clock;
  /** The built app (./dist); served with an SPA fallback when present. */
  readonly staticDir?: string;
  readonly logger?: FastifyServerOptions['logger'];
  /** Behind a load balancer, trust X-Forwarded-For so throttles see the real client. */
  readonly trustProxy?: boolean;
  /**
   * Whether anyone may create a new school with POST /auth/sign-up (default true); 'firstSchool' only
   * while the server holds no school yet (a school server's first run, server/deployment.ts).
   */
  readonly allowSignUp?: SignUpPolicy;
  /** Emails whose sign-in is refused (in production, the demo account: its password is published). */
  readonly closedAccounts?: readonly string[];
  /** Requests per minute per client IP across the API; off when absent. A school's tablets may share one IP. */
  readonly requestsPerMinute?: number;
  /** Makes the Node server the app runs on: the school server passes an HTTPS one (server/school). */
  readonly serverFactory?: FastifyServerFactory;
  /** Budget units per minute per token (a request is one, a push one more per 400 fields); default 1200. */
  readonly tokenRequestsPerMinute?: number;
  /** Bounds on blobs no record cites yet, and their grace period (server/sync/uncited-blobs.ts). */
  readonly uncitedBlobs?: UncitedBlobPolicy;
}

export const DEFAULT_TOKEN_REQUESTS_PER_MINUTE = 1200;
/** Files a browser must always revalidate, or a new release would never reach it. */
const NO_CACHE = /(^|\/)(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest)$/;

/** With the app's HTML, as a file or for a route the page answers. A family link's address holds its secret. */
const APP_HTML_HEADERS: readonly [string, string][] = [
  ['content-security-policy', APP_CSP_HEADER],
  ['referrer-policy', 'no-referrer'],
];

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
    // A broken URL (bad percent-encoding, an over-long value) never reaches a route: answer it in our format.
    frameworkErrors: (error, _request, frameworkReply) => {
      const tooLong = error.statusCode === 414;
      const reply = frameworkReply as FastifyReply;
      void reply
        .status(tooLong ? 414 : 400)
        .send(
          errorBody(
            tooLong ? 'tooLarge' : 'badRequest',
            tooLong ? 'A value in the address is too long' : 'The address is not valid (a broken character or escape)',
          ),
        );
    },
  });
  installErrorHandlers(app);
  installConnectionDraining(app);
  installVersionCheck(app);
  installEdgeChecks(app);
  await app.register(compress, { global: true, threshold: 1024 });
  if (options.requestsPerMinute !== undefined) {
    await app.register(rateLimit, {
      max: options.requestsPerMinute,
      timeWindow: 60_000,
      // Thrown by the plugin, so it goes through installErrorHandlers like every other error.
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, 'tooManyRequests', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`),
    });
  }

  const ctx: RouteContext = {
    storage: options.storage,
    clock: options.clock,
    throttles: createThrottles(options.storage, options.clock),
    budget: createTokenBudget(options.tokenRequestsPerMinute ?? DEFAULT_TOKEN_REQUESTS_PER_MINUTE, () =>
      options.clock.now(),
    ),
  };

  await app.register(
    async (api) => {
      // The API speaks JSON only (blobs add their own raw parser); anything else is a 415.
      api.removeContentTypeParser('text/plain');
      api.get('/openapi.json', async () => openApiDocument);
      registerAuthRoutes(api, ctx, options.allowSignUp ?? true, options.closedAccounts);
      registerPasswordRoutes(api, ctx);
      registerDeviceRoutes(api, ctx);
      registerClassRoutes(api, ctx);
      registerSyncRoutes(api, ctx);
      registerBlobRoutes(api, ctx, options.uncitedBlobs);
      registerFamilyRoutes(api, ctx);
    },
    { prefix: API_PREFIX },
  );

  // Liveness and readiness for load balancers, at the root and beside the API (no protocol header needed).
  const lifecycle = lifecycleOf(app);
  registerHealthRoutes(app, options.storage, lifecycle);
  await app.register(async (api) => registerHealthRoutes(api, options.storage, lifecycle), { prefix: API_PREFIX });

  const staticDir = options.staticDir;
  const hasApp = staticDir !== undefined && existsSync(join(staticDir, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        // Vite's hashed files never change; everything else must be revalidated so updates arrive.
        const immutable = /[\\/]assets[\\/]/.test(path) && !NO_CACHE.test(path);
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('x-content-type-options', 'nosniff');
        if (path.endsWith('.html')) for (const [name, value] of APP_HTML_HEADERS) res.setHeader(name, value);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (hasApp && request.method === 'GET' && !path.startsWith('/api/')) {
      return reply
        .header('cache-control', 'no-cache')
        .headers(Object.fromEntries(APP_HTML_HEADERS))
        .sendFile('index.html');
    }
    return reply.status(404).send(errorBody('notFound', `No route ${request.method} ${path}`));
  });
  return app;
}
