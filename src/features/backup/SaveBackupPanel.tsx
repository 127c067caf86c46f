import { useState } from 'react';
import { useStore, type BackupProgress } from '#db';
import { createBackupFile } from '#db/backup-stream.ts';
import { whileBusy } from '#state/activity-store.ts';
import { downloadFile } from '#ui/download.ts';
import { formatBytes } from '#ui/format-bytes.ts';
import { useT } from '#ui/useT.ts';
import { outcomeOfError, type BackupOutcome } from './backup-outcome.ts';
import { BackupOutcomeMessage } from './BackupOutcomeMessage.tsx';
import { WriteProgress } from './WriteProgress.tsx';

export function SaveBackupPanel() {
  const { t, language } = useT();
  const store = useStore();
  const [outcome, setOutcome] = useState<BackupOutcome>({ kind: 'idle' });
  const [progress, setProgress] = useState<BackupProgress>({ done: 0, total: 0 });

  const save = async () => {
    setOutcome({ kind: 'working' });
    setProgress({ done: 0, total: 0 });
    try {
      // Written in pieces (backup-stream.ts): a year with its photos and audio never sits in memory whole.
      const { file, summary } = await whileBusy(createBackupFile(store, setProgress));
      downloadFile(file, `waypoint-backup-${summary.createdAt.slice(0, 16).replace(/[T:]/g, '-')}.json`);
      setOutcome({
        kind: 'done',
        message: t('backup.save.done', {
          records: t('backup.records', { count: summary.records }),
          files: t('backup.files', { count: summary.files }),
          size: formatBytes(file.size, language),
        }),
      });
    } catch (error) {
      setOutcome(outcomeOfError(error));
    }
  };

  return (
    <section className="card" aria-labelledby="backup-save-title">
      <h2 id="backup-save-title">{t('backup.save.title')}</h2>
      <button type="button" className="big" disabled={outcome.kind === 'working'} onClick={() => void save()}>
        {outcome.kind === 'working' ? t('backup.save.working') : t('backup.save.button')}
      </button>
      {outcome.kind === 'working' ? (
        <WriteProgress label={t('backup.save.progress')} done={progress.done} total={progress.total} />
      ) : (
        <BackupOutcomeMessage outcome={outcome} />
      )}
    </section>
  );
}
