/**
 * Throttles with growing delays, never lockouts: after `free` counted events under a key, each further
 * attempt must wait baseMs, then twice that, and so on up to maxDelayMs; nothing is counted after windowMs
 * of quiet. The rightful user therefore waits at most maxDelayMs, however many failures others cause.
 * State lives in the database (table `throttles`), so every server process sees the same counts; keys are
 * hashed, so no email or address is stored.
 */
import { createHash } from 'node:crypto';
import type { Storage, ThrottleState } from '#server/storage/storage.ts';
import type { Clock } from './context.ts';
import { HttpError } from './errors.ts';

export interface ThrottlePolicy {
  readonly name: string;
  readonly free: number;
  readonly baseMs: number;
  readonly maxDelayMs: number;
  readonly windowMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const POLICIES = {
  /** Wrong passwords for one email from one address (a device not known to the account). */
  signInAddress: { name: 'signin-address', free: 5, baseMs: SECOND, maxDelayMs: MINUTE, windowMs: 15 * MINUTE },
  /** Wrong passwords for one email from anywhere, by devices not known to the account. */
  signInAccount: {
    name: 'signin-account',
    free: 20,
    baseMs: 5 * SECOND,
    maxDelayMs: 5 * MINUTE,
    windowMs: 60 * MINUTE,
  },
  /** Wrong passwords from one device that holds a token of the account. */
  signInDevice: { name: 'signin-device', free: 5, baseMs: SECOND, maxDelayMs: MINUTE, windowMs: 15 * MINUTE },
  /** Unknown join codes from one address. */
  enrollAddress: { name: 'enroll-address', free: 10, baseMs: SECOND, maxDelayMs: 30 * SECOND, windowMs: 15 * MINUTE },
  /** Devices enrolled with one join code (a code on the wall must not mint tokens without end). */
  enrollCode: { name: 'enroll-code', free: 60, baseMs: 10 * SECOND, maxDelayMs: 5 * MINUTE, windowMs: 60 * MINUTE },
  /** New schools from one address. */
  signUpAddress: {
    name: 'signup-address',
    free: 20,
    baseMs: 30 * SECOND,
    maxDelayMs: 10 * MINUTE,
    windowMs: 60 * MINUTE,
  },
} as const satisfies Record<string, ThrottlePolicy>;

export function delayAfter(policy: ThrottlePolicy, hits: number): number {
  if (hits < policy.free) return 0;
  return Math.min(policy.baseMs * 2 ** Math.min(hits - policy.free, 30), policy.maxDelayMs);
}

export function waitFor(policy: ThrottlePolicy, state: ThrottleState | undefined, nowMs: number): number {
  if (!state || nowMs - state.lastAt > policy.windowMs) return 0;
  return Math.max(0, state.lastAt + delayAfter(policy, state.hits) - nowMs);
}

/** How often, in counted events, old keys are swept from the table. */
const SWEEP_EVERY = 200;
const LONGEST_WINDOW = Math.max(...Object.values(POLICIES).map((p) => p.windowMs));

export interface Throttles {
  /** Milliseconds the key must still wait (0: it may try now). */
  waitMs(policy: ThrottlePolicy, ...key: string[]): Promise<number>;
  hit(policy: ThrottlePolicy, ...key: string[]): Promise<void>;
  clear(policy: ThrottlePolicy, ...key: string[]): Promise<void>;
}

export function createThrottles(storage: Storage, clock: Clock): Throttles {
  let counted = 0;
  const keyOf = (policy: ThrottlePolicy, parts: string[]) =>
    `${policy.name}:${createHash('sha256').update(parts.join('\u0000')).digest('hex')}`;
  return {
    async waitMs(policy, ...key) {
      return waitFor(policy, await storage.getThrottle(keyOf(policy, key)), clock.now());
    },
    async hit(policy, ...key) {
      const now = clock.now();
      await storage.hitThrottle(keyOf(policy, key), now, policy.windowMs);
      if (++counted % SWEEP_EVERY === 0) await storage.sweepThrottles(now - LONGEST_WINDOW);
    },
    async clear(policy, ...key) {
      await storage.clearThrottle(keyOf(policy, key));
    },
  };
}

export function throttled(retryMs: number, what: string): HttpError {
  const seconds = Math.max(1, Math.ceil(retryMs / 1000));
  return new HttpError(429, 'tooManyRequests', `${what}; try again in ${seconds} s`, undefined, seconds);
}
