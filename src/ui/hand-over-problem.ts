import type { MessageKey, RichParams } from '#i18n';

/**
 * What to tell a teacher when a tablet could not be handed over (to a student, or as a station): the sync controller's error codes
 * (SyncController.enrollAs) in words, the server's own reason otherwise.
 */
export function handOverProblem(error: unknown): { key: MessageKey; params?: RichParams } {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  switch (code) {
    case 'pendingChanges':
      return { key: 'handOver.pendingChanges' };
    case 'needsTeacher':
      return { key: 'handOver.needsTeacher' };
    case 'unknownClass':
      return { key: 'handOver.unknownClass' };
    case 'network':
      return { key: 'handOver.offline' };
    default:
      return { key: 'handOver.failed', params: { reason: error instanceof Error ? error.message : String(error) } };
  }
}
