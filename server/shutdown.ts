/**
 * Graceful shutdown on SIGTERM and SIGINT (a deploy, a restart, Ctrl-C): stop taking new connections, let
 * the requests in flight finish (a push commits and its answer reaches the tablet), then close the
 * database. Fastify answers new requests on open connections 503 meanwhile, so a balancer retries them on
 * another process. A push that never ends does not hold the process forever: after `timeoutMs` it exits.
 */
import type { FastifyInstance } from 'fastify';
import { lifecycleOf } from './http/lifecycle.ts';
import type { Storage } from './storage/storage.ts';

/**
 * While the app stops, every answer still being sent (a push in flight) closes its connection after it:
 * a kept-alive connection would otherwise hold `close()` open until the client hangs up.
 */
export function installConnectionDraining(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
}

/**
 * Stops `apps` (each waits for its requests in flight), then closes the storage they share. With `drainMs`,
 * each first keeps serving that long while /ready says 503, so a balancer stops sending it requests before
 * it stops listening (Debian's Caddy cannot resend a push another process refused mid-way).
 */
export async function closeGracefully(apps: readonly FastifyInstance[], storage: Storage, drainMs = 0): Promise<void> {
  for (const app of apps) lifecycleOf(app).draining = true;
  if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
  await Promise.all(apps.map((app) => app.close()));
  await storage.close();
}

export interface SignalOptions {
  readonly close: () => Promise<void>;
  readonly timeoutMs: number;
  readonly log: (message: string) => void;
  readonly exit?: (code: number) => void;
}

/**
 * On the first SIGTERM or SIGINT: close, then exit 0; on a second signal or after `timeoutMs`: exit 1.
 * Returns a function that removes the handlers.
 */
export function closeOnSignals(options: SignalOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.log(`Waypoint: ${signal} again, stopping now.`);
      exit(1);
      return;
    }
    stopping = true;
    options.log(`Waypoint: ${signal}, finishing the requests in flight, then stopping.`);
    const timer = setTimeout(() => {
      options.log(`Waypoint: requests still running after ${options.timeoutMs} ms; stopping anyway.`);
      exit(1);
    }, options.timeoutMs);
    timer.unref();
    options.close().then(
      () => exit(0),
      (error: unknown) => {
        options.log(`Waypoint: stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}
