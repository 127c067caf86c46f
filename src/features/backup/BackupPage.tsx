import { useT } from '#ui/useT.ts';
import { SaveBackupPanel } from './SaveBackupPanel.tsx';
import { RestoreBackupPanel } from './RestoreBackupPanel.tsx';
import { MergeBackupPanel } from './MergeBackupPanel.tsx';
import { ClassExportsPanel } from './ClassExportsPanel.tsx';

/**
 * Backups by file: the lifeline of a tablet that never reaches a server, and how a class with no server gathers
 * its tablets; and a class's evidence, mastery and OneRoster results as files for other systems.
 */
export default function BackupPage() {
  const { t } = useT();
  return (
    <section className="page" aria-labelledby="backup-title">
      <h1 id="backup-title">{t('backup.title')}</h1>
      <p>{t('backup.intro')}</p>
      <SaveBackupPanel />
      <MergeBackupPanel />
      <RestoreBackupPanel />
      <ClassExportsPanel />
    </section>
  );
}
