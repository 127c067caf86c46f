import { useState } from 'react';
import { createBackup, serializeBackup, useStore } from '#db';
import { whileBusy } from '#state/activity-store.ts';
import { downloadFile } from '#ui/download.ts';
import { formatBytes } from '#ui/format-bytes.ts';
import { useT } from '#ui/useT.ts';
import { countRecords, outcomeOfError, type BackupOutcome } from './backup-outcome.ts';
import { BackupOutcomeMessage } from './BackupOutcomeMessage.tsx';

export function SaveBackupPanel() {
  const { t, language } = useT();
  const store = useStore();
  const [outcome, setOutcome] = useState<BackupOutcome>({ kind: 'idle' });

  const save = async () => {
    setOutcome({ kind: 'working' });
    try {
      const backup = await whileBusy(createBackup(store));
      const file = new Blob(serializeBackup(backup), { type: 'application/json' });
      downloadFile(file, `waypoint-backup-${backup.createdAt.slice(0, 16).replace(/[T:]/g, '-')}.json`);
      setOutcome({
        kind: 'done',
        message: t('backup.save.done', {
          records: t('backup.records', { count: countRecords(backup.tables) }),
          files: t('backup.files', { count: backup.blobs.length }),
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
      {outcome.kind === 'working' ? null : <BackupOutcomeMessage outcome={outcome} />}
    </section>
  );
}
