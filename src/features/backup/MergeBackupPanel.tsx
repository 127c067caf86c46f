import { useState } from 'react';
import { useStore, type MergeReport, type ReadProgress } from '#db';
import { mergeBackupFile } from '#db/backup-merge-file.ts';
import { readBackupFile } from '#db/backup-read.ts';
import { whileBusy } from '#state/activity-store.ts';
import { useT, type Translate } from '#ui/useT.ts';
import { outcomeOfError, type BackupOutcome } from './backup-outcome.ts';
import { BackupFileInput } from './BackupFileInput.tsx';
import { BackupOutcomeMessage } from './BackupOutcomeMessage.tsx';
import { WriteProgress } from './WriteProgress.tsx';

type Step = 'checking' | 'merging';

/**
 * Merge reads the file in pieces, twice (checked whole before anything is written, then merged), as restore
 * does, so another tablet's year with its photos and audio never sits in memory whole.
 */
export function MergeBackupPanel() {
  const { t } = useT();
  const store = useStore();
  const [outcome, setOutcome] = useState<BackupOutcome>({ kind: 'idle' });
  const [progress, setProgress] = useState<ReadProgress & { step: Step }>({ step: 'checking', done: 0, total: 0 });

  const merge = async (file: File) => {
    setOutcome({ kind: 'working' });
    setProgress({ step: 'checking', done: 0, total: file.size });
    try {
      const report = await whileBusy(
        (async () => {
          const checked = await readBackupFile(file, undefined, (p) => setProgress({ step: 'checking', ...p }));
          setProgress({ step: 'merging', done: 0, total: file.size });
          return mergeBackupFile(store, file, checked, {
            onProgress: (p) => setProgress({ step: 'merging', ...p }),
          });
        })(),
      );
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
      {outcome.kind === 'working' ? (
        <WriteProgress
          label={t(progress.step === 'checking' ? 'backup.restore.checking' : 'backup.merge.merging')}
          done={progress.done}
          total={progress.total}
        />
      ) : (
        <BackupOutcomeMessage outcome={outcome} />
      )}
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
