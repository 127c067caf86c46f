import type { MessageKey, RichParams } from '#i18n';

/** Which connect form failed: the same answer from the server means another thing in each. */
export type ConnectForm = 'signIn' | 'signUp' | 'join';

/**
 * What to tell a teacher when connecting this tablet failed. The refusals a teacher meets every day (no
 * network, a wrong password, a mistyped join code, too many tries) in the tablet's language; anything else
 * with the server's own reason, which is in English.
 */
export function connectProblem(error: unknown, form: ConnectForm): { key: MessageKey; params?: RichParams } {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (code === 'network') return { key: 'school.problem.offline' };
  if (code === 'tooManyRequests') return { key: 'school.problem.throttled' };
  // Sign-up never answers 401; joining as a teacher tablet signs in with the teacher's account first.
  if (code === 'unauthorized' && form !== 'signUp') return { key: 'school.problem.wrongPassword' };
  if (code === 'notFound' && form === 'join') return { key: 'school.problem.unknownCode' };
  return { key: 'sync.failed', params: { reason: error instanceof Error ? error.message : String(error) } };
}
