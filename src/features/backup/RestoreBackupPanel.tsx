import { useState } from 'react';
import { useStore } from '#db';
import { countOwnRecords, restoreBackup } from '#db/backup-restore.ts';
import { parseBackup } from '#db/backup-format.ts';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';
import { countRecords, outcomeOfError, type BackupOutcome } from './backup-outcome.ts';
import { BackupFileInput } from './BackupFileInput.tsx';
import { BackupOutcomeMessage } from './BackupOutcomeMessage.tsx';

/** Restore replaces this tablet's data, so it asks first whenever the tablet holds records of its own. */
export function RestoreBackupPanel() {
  const { t, language } = useT();
  const store = useStore();
  const [outcome, setOutcome] = useState<BackupOutcome>({ kind: 'idle' });

  const restore = async (file: File) => {
    setOutcome({ kind: 'working' });
    try {
      const backup = await parseBackup(await file.text());
      const own = await countOwnRecords(store);
      if (own > 0 && !window.confirm(t('backup.restore.confirm', { count: own }))) {
        setOutcome({ kind: 'cancelled' });
        return;
      }
      await whileBusy(restoreBackup(store, backup, { replace: true }));
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
      <BackupOutcomeMessage outcome={outcome} />
    </section>
  );
}
