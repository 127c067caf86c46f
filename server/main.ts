/**
 * Composition root. `createServer` is exported for tests; `main()` reads the environment, opens the
 * storage (PostgreSQL when DATABASE_URL is set, else a SQLite file), migrates it, seeds the demo school
 * (not with NODE_ENV=production: server/deployment.ts), listens, and stops gracefully on SIGTERM/SIGINT.
 */
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import { createServer, DEFAULT_TOKEN_REQUESTS_PER_MINUTE, type ServerOptions } from './http/app.ts';
import type { Clock } from './http/context.ts';
import { serverLogger } from './http/log-fields.ts';
import { deploymentFromEnv, shutdownDrainMs, shutdownTimeoutMs, type Deployment } from './deployment.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemoSchool, type DemoSeed } from './seed.ts';
import { closeGracefully, closeOnSignals } from './shutdown.ts';
import { openPostgresStorage, openSqliteStorage } from './storage/sql-storage.ts';
import type { Storage } from './storage/storage.ts';
import { uncitedBlobPolicyFromEnv } from './sync/uncited-blobs.ts';

export { createServer, type ServerOptions } from './http/app.ts';

export const systemClock: Clock = { now: () => Date.now() };

/** The SQLite file a server uses when DATABASE_URL is not set. */
export function sqliteFileFromEnv(env: NodeJS.ProcessEnv): string {
  return join(resolve(env.DATA_DIR ?? './data'), 'waypoint.sqlite');
}

export function openStorageFromEnv(env: NodeJS.ProcessEnv): Storage {
  const url = env.DATABASE_URL;
  if (url) return openPostgresStorage(url);
  return openSqliteStorage(sqliteFileFromEnv(env));
}

/** The app's options from the environment: `npm start` and the school server (server/school) share them. */
export function serverOptionsFromEnv(
  env: NodeJS.ProcessEnv,
  storage: Storage,
  deployment: Deployment = deploymentFromEnv(env, 'start', DEMO_EMAIL),
  logStream?: NodeJS.WritableStream,
): ServerOptions {
  return {
    storage,
    clock: systemClock,
    staticDir: resolve(env.STATIC_DIR ?? './dist'),
    logger: serverLogger(env.LOG_LEVEL ?? 'info', logStream),
    trustProxy: env.TRUST_PROXY === 'true',
    allowSignUp: deployment.signUp,
    closedAccounts: deployment.closedAccounts,
    requestsPerMinute: Number(env.REQUESTS_PER_MINUTE ?? 6000),
    tokenRequestsPerMinute: Number(env.TOKEN_REQUESTS_PER_MINUTE ?? DEFAULT_TOKEN_REQUESTS_PER_MINUTE),
    uncitedBlobs: uncitedBlobPolicyFromEnv(env),
  };
}

export interface Started {
  readonly app: FastifyInstance;
  readonly storage: Storage;
  readonly deployment: Deployment;
  readonly demo: DemoSeed | null;
  /** Stops taking requests, finishes those in flight, closes the database. */
  close(): Promise<void>;
}

/** `npm start` without listening: storage → migrations → the demo school (not in production) → the app. */
export async function startFromEnv(env: NodeJS.ProcessEnv, logStream?: NodeJS.WritableStream): Promise<Started> {
  const deployment = deploymentFromEnv(env, 'start', DEMO_EMAIL);
  const storage = openStorageFromEnv(env);
  await storage.migrate(systemClock.now());
  const demo = deployment.seedDemo ? await seedDemoSchool({ storage, clock: systemClock }) : null;
  const app = await createServer(serverOptionsFromEnv(env, storage, deployment, logStream));
  const drainMs = shutdownDrainMs(env);
  return { app, storage, deployment, demo, close: () => closeGracefully([app], storage, drainMs) };
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '127.0.0.1';
  const started = await startFromEnv(env);
  const { app, storage, deployment, demo } = started;
  closeOnSignals({
    close: started.close,
    timeoutMs: shutdownDrainMs(env) + shutdownTimeoutMs(env),
    log: (m) => app.log.info(m),
  });
  await app.listen({ port, host });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  if (deployment.production) {
    // A district's logs are JSON lines: say where it listens there, not in a banner.
    app.log.info({ port, host, storage: storage.kind, signUp: deployment.signUp }, 'Waypoint is running (production)');
    if (await storage.findTeacherByEmail(DEMO_EMAIL)) {
      app.log.warn('This database holds the demo school; its published sign-in is refused in production');
    }
    return;
  }
  console.log(`\nWaypoint is running at http://${shown}:${port}/  (storage: ${storage.kind})`);
  if (demo) {
    console.log(`Demo teacher sign-in: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
    if (demo.joinCode) console.log(`Demo class "Room 4 (demo)" join code: ${demo.joinCode}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
