/**
 * Composition root. `createServer` is exported for tests; `main()` reads the environment, opens the
 * storage (PostgreSQL when DATABASE_URL is set, else a SQLite file), seeds the demo school and listens.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, DEFAULT_TOKEN_REQUESTS_PER_MINUTE, type ServerOptions } from './http/app.ts';
import type { Clock } from './http/context.ts';
import { redactUrl } from './http/redact.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemoSchool } from './seed.ts';
import { openPostgresStorage, openSqliteStorage } from './storage/sql-storage.ts';
import type { Storage } from './storage/storage.ts';

export { createServer, type ServerOptions } from './http/app.ts';

export const systemClock: Clock = { now: () => Date.now() };

export function openStorageFromEnv(env: NodeJS.ProcessEnv): Storage {
  const url = env.DATABASE_URL;
  if (url) return openPostgresStorage(url);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  return openSqliteStorage(join(dataDir, 'waypoint.sqlite'));
}

/** The app's options from the environment: `npm start` and the school server (server/school) share them. */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv, storage: Storage): ServerOptions {
  return {
    storage,
    clock: systemClock,
    staticDir: resolve(env.STATIC_DIR ?? './dist'),
    logger: {
      level: env.LOG_LEVEL ?? 'info',
      serializers: {
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    trustProxy: env.TRUST_PROXY === 'true',
    allowSignUp: env.ALLOW_SIGN_UP !== 'false',
    requestsPerMinute: Number(env.REQUESTS_PER_MINUTE ?? 6000),
    tokenRequestsPerMinute: Number(env.TOKEN_REQUESTS_PER_MINUTE ?? DEFAULT_TOKEN_REQUESTS_PER_MINUTE),
  };
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '127.0.0.1';
  const storage = openStorageFromEnv(env);
  await storage.migrate(systemClock.now());
  const seed = await seedDemoSchool({ storage, clock: systemClock });
  const app = await createServer(serverOptionsFromEnv(env, storage));
  const close = async () => {
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ port, host });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`\nWaypoint is running at http://${shown}:${port}/  (storage: ${storage.kind})`);
  console.log(`Demo teacher sign-in: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
  if (seed.joinCode) console.log(`Demo class "Room 4 (demo)" join code: ${seed.joinCode}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
