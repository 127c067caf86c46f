/**
 * Where an app is in its life, for readiness: a stopping server first drains (it keeps serving, but /ready
 * says 503 so a load balancer's health check takes it out of rotation), then closes.
 */
import type { FastifyInstance } from 'fastify';

export interface Lifecycle {
  draining: boolean;
}

const lifecycles = new WeakMap<FastifyInstance, Lifecycle>();

export function lifecycleOf(app: FastifyInstance): Lifecycle {
  let lifecycle = lifecycles.get(app);
  if (!lifecycle) {
    lifecycle = { draining: false };
    lifecycles.set(app, lifecycle);
  }
  return lifecycle;
}
