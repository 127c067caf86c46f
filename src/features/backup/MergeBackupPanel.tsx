import { useState } from 'react';
import { useStore, type MergeReport } from '#db';
import { mergeBackup } from '#db/backup-merge.ts';
import { parseBackup } from '#db/backup-format.ts';
import { whileBusy } from '#state/activity-store.ts';
import { useT, type Translate } from '#ui/useT.ts';
import { outcomeOfError, type BackupOutcome } from './backup-outcome.ts';
import { BackupFileInput } from './BackupFileInput.tsx';
import { BackupOutcomeMessage } from './BackupOutcomeMessage.tsx';

export function MergeBackupPanel() {
  const { t } = useT();
  const store = useStore();
  const [outcome, setOutcome] = useState<BackupOutcome>({ kind: 'idle' });

  const merge = async (file: File) => {
    setOutcome({ kind: 'working' });
    try {
      const report = await whileBusy(parseBackup(await file.text()).then((backup) => mergeBackup(store, backup)));
      setOutcome(describeMerge(report, t));
    } catch (error) {
      setOutcome(outcomeOfError(error));
    }
  };

  return (
    <section className="card" aria-labelledby="backup-merge-title">
      <h2 id="backup-merge-title">{t('backup.merge.title')}</h2>
      <p>{t('backup.merge.help')}</p>
      <BackupFileInput
        label={t('backup.merge.choose')}
        disabled={outcome.kind === 'working'}
        onFile={(file) => void merge(file)}
      />
      <BackupOutcomeMessage outcome={outcome} />
    </section>
  );
}

function describeMerge(report: MergeReport, t: Translate): BackupOutcome {
  const notes: string[] = [];
  if (report.queuedForPush > 0) notes.push(t('backup.merge.queued', { count: report.queuedForPush }));
  if (report.refused.length > 0) notes.push(t('backup.merge.refused', { count: report.refused.length }));
  return {
    kind: 'done',
    message: t('backup.merge.done', {
      newRecords: t('backup.merge.newRecords', { count: report.newRecords }),
      newEvidence: t('backup.merge.newEvidence', { count: report.newEvidence }),
      updated: t('backup.merge.updated', { count: report.updatedRecords }),
      files: t('backup.merge.newFiles', { count: report.newAttachments }),
    }),
    notes,
  };
}
