/**
 * A request budget per token, beside the per-address rate limit: a school's tablets share one address, so
 * a limit per address alone either throttles the whole school or lets one token flood the server. Each
 * token has a bucket of `perMinute` units that refills continuously; a request costs one unit and a push
 * one more per PUSH_FIELDS_PER_UNIT fields it sets, so the most expensive pushes run out first.
 *
 * Kept in this process's memory: with several server processes behind a load balancer each grants the
 * budget on its own (documented in docs/sync-protocol.md); the throttles that guard secrets are shared.
 */
import { throttled } from './throttle.ts';

export const PUSH_FIELDS_PER_UNIT = 400;
/** Buckets kept at most; the least recently used go first. */
const MAX_BUCKETS = 100_000;

export interface TokenBudget {
  /** Takes `cost` units from the token's bucket, or throws 429 with how long to wait. */
  spend(tokenId: string, cost: number): void;
}

export function createTokenBudget(perMinute: number, now: () => number): TokenBudget {
  const buckets = new Map<string, { units: number; at: number }>();
  const perMs = perMinute / 60_000;
  return {
    spend(tokenId, cost) {
      const t = now();
      const bucket = buckets.get(tokenId) ?? { units: perMinute, at: t };
      buckets.delete(tokenId); // re-inserted last: Map order is the eviction order
      bucket.units = Math.min(perMinute, bucket.units + (t - bucket.at) * perMs);
      bucket.at = t;
      if (bucket.units < cost) {
        buckets.set(tokenId, bucket);
        throw throttled((cost - bucket.units) / perMs, 'This device sent too many requests');
      }
      bucket.units -= cost;
      buckets.set(tokenId, bucket);
      if (buckets.size > MAX_BUCKETS) buckets.delete(buckets.keys().next().value ?? '');
    },
  };
}
