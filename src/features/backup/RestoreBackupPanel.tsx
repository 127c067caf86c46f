import { useState } from 'react';
import { useStore, type ReadProgress } from '#db';
import { countOwnRecords, restoreBackupFile } from '#db/backup-restore.ts';
import { readBackupFile } from '#db/backup-read.ts';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';
import { countRecords, outcomeOfError, type BackupOutcome } from './backup-outcome.ts';
import { BackupFileInput } from './BackupFileInput.tsx';
import { BackupOutcomeMessage } from './BackupOutcomeMessage.tsx';
import { WriteProgress } from './WriteProgress.tsx';

type Step = 'checking' | 'restoring';

/**
 * Restore replaces this tablet's data, so it asks first whenever the tablet holds records of its own. The
 * file is read in pieces, twice (checked whole before anything is asked or written, then restored), so a
 * year's backup with its photos and audio never sits in memory whole.
 */
export function RestoreBackupPanel() {
  const { t, language } = useT();
  const store = useStore();
  const [outcome, setOutcome] = useState<BackupOutcome>({ kind: 'idle' });
  const [progress, setProgress] = useState<ReadProgress & { step: Step }>({ step: 'checking', done: 0, total: 0 });

  const restore = async (file: File) => {
    setOutcome({ kind: 'working' });
    setProgress({ step: 'checking', done: 0, total: file.size });
    try {
      const backup = await whileBusy(readBackupFile(file, undefined, (p) => setProgress({ step: 'checking', ...p })));
      const own = await countOwnRecords(store);
      if (own > 0 && !window.confirm(t('backup.restore.confirm', { count: own }))) {
        setOutcome({ kind: 'cancelled' });
        return;
      }
      setProgress({ step: 'restoring', done: 0, total: file.size });
      await whileBusy(
        restoreBackupFile(store, file, backup, {
          replace: true,
          onProgress: (p) => setProgress({ step: 'restoring', ...p }),
        }),
      );
      const date = new Date(backup.createdAt).toLocaleString(language);
      setOutcome({
        kind: 'done',
        message: t('backup.restore.done', {
          records: t('backup.records', { count: countRecords(backup.tables) }),
          files: t('backup.files', { count: backup.blobs.length }),
          date,
        }),
      });
    } catch (error) {
      setOutcome(outcomeOfError(error));
    }
  };

  return (
    <section className="card" aria-labelledby="backup-restore-title">
      <h2 id="backup-restore-title">{t('backup.restore.title')}</h2>
      <p>{t('backup.restore.help')}</p>
      <BackupFileInput
        label={t('backup.restore.choose')}
        disabled={outcome.kind === 'working'}
        onFile={(file) => void restore(file)}
      />
      {outcome.kind === 'working' ? (
        <WriteProgress
          label={t(progress.step === 'checking' ? 'backup.restore.checking' : 'backup.restore.restoring')}
          done={progress.done}
          total={progress.total}
        />
      ) : (
        <BackupOutcomeMessage outcome={outcome} />
      )}
    </section>
  );
}
