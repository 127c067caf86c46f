/**
 * Liveness and readiness, for a load balancer or an orchestrator. `/health` says the process answers;
 * `/ready` says it can serve: the database answers and carries every migration this code knows. Neither
 * needs the protocol header or a token, and neither says more than that (no versions, no counts).
 * A stopping server first drains (SHUTDOWN_DRAIN_MS): it still serves, but `/ready` is 503 so a balancer's
 * health check takes it out; once it closes, Fastify answers any new request 503.
 */
import type { FastifyInstance } from 'fastify';
import { SCHEMA_VERSION } from '#server/storage/migrations.ts';
import type { Storage } from '#server/storage/storage.ts';
import { errorBody } from './errors.ts';
import type { Lifecycle } from './lifecycle.ts';

/** A database that does not answer within this long is as good as unreachable for a balancer. */
const READY_TIMEOUT_MS = 3000;

type Readiness = 'ready' | 'database' | 'migrations' | 'draining';

async function readiness(storage: Storage): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS)));
  try {
    const version = await Promise.race([storage.schemaVersion(), timeout]);
    if (version === 'timeout') return 'database';
    return version === SCHEMA_VERSION ? 'ready' : 'migrations';
  } catch {
    return 'database';
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(app: FastifyInstance, storage: Storage, lifecycle: Lifecycle): void {
  app.get('/health', async (_request, reply) => reply.header('cache-control', 'no-store').send({ ok: true }));
  app.get('/ready', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    const state = lifecycle.draining ? 'draining' : await readiness(storage);
    if (state === 'ready') return reply.send({ ok: true });
    const message =
      state === 'draining'
        ? 'This server is stopping; it finishes what it has'
        : state === 'database'
          ? 'The database does not answer'
          : 'The database is not at the schema version this server needs (migrations not applied)';
    return reply.status(503).send(errorBody('internal', message));
  });
}
