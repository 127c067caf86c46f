import { formatBytes } from '#ui/format-bytes.ts';
import { useT } from '#ui/useT.ts';
import type { BackupOutcome } from './backup-outcome.ts';

/** The result of a backup action, announced to screen readers; a bad file lists what is wrong with it. */
export function BackupOutcomeMessage({ outcome }: { outcome: BackupOutcome }) {
  const { t, language } = useT();
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'working':
      return <p role="status">{t('backup.reading')}</p>;
    case 'cancelled':
      return <p role="status">{t('backup.cancelled')}</p>;
    case 'done':
      return (
        <div role="status">
          <p>{outcome.message}</p>
          {outcome.notes?.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      );
    case 'failed':
      return <p role="alert">{t('backup.failed', { reason: outcome.reason })}</p>;
    case 'noRoom':
      return (
        <p role="alert">
          {outcome.leftBytes === null
            ? t('backup.merge.ranOutOfRoom')
            : t('backup.merge.noRoom', {
                needed: formatBytes(outcome.neededBytes, language),
                left: formatBytes(outcome.leftBytes, language),
              })}
        </p>
      );
    case 'badFile':
      return (
        <div role="alert">
          <p>{t('backup.badFile')}</p>
          <details open>
            <summary>{t('backup.badFileDetails')}</summary>
            <ul>
              {outcome.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </details>
        </div>
      );
  }
}
