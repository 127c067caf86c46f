/**
 * What kind of deployment the environment asks for. `NODE_ENV=production` is a hosted district: no demo
 * school (its password is published in the README), sign-up only with ALLOW_SIGN_UP=true. The school
 * server (`npm run start:school`) never makes the demo school either: its first teacher creates the
 * school's account from a tablet (sign-up is open while the server holds no school, then closed unless
 * ALLOW_SIGN_UP=true). Only `npm start` on a developer's or teacher's own machine seeds the demo.
 */
import type { SignUpPolicy } from './http/routes-auth.ts';

export type Entry = 'start' | 'school';

export interface Deployment {
  readonly production: boolean;
  /** Make the demo school with its published sign-in. */
  readonly seedDemo: boolean;
  readonly signUp: SignUpPolicy;
  /** Emails whose sign-in is refused: the demo account in production, should an old database hold it. */
  readonly closedAccounts: readonly string[];
}

export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === 'production';
}

export function deploymentFromEnv(env: NodeJS.ProcessEnv, entry: Entry, demoEmail: string): Deployment {
  const production = isProduction(env);
  const defaultSignUp: SignUpPolicy = production ? false : entry === 'school' ? 'firstSchool' : true;
  const flag = env.ALLOW_SIGN_UP;
  const signUp: SignUpPolicy = flag === 'true' ? true : flag === 'false' ? false : defaultSignUp;
  return {
    production,
    seedDemo: !production && entry === 'start',
    signUp,
    closedAccounts: production ? [demoEmail] : [],
  };
}

/** Milliseconds a stopping server waits for requests in flight (pushes) before it exits anyway. */
export function shutdownTimeoutMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.SHUTDOWN_TIMEOUT_MS ?? 25_000);
  return Number.isFinite(value) && value > 0 ? value : 25_000;
}

/** Milliseconds a stopping server keeps serving with /ready at 503 (behind a balancer); default none. */
export function shutdownDrainMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.SHUTDOWN_DRAIN_MS ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}
