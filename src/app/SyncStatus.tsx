import { useLiveQuery } from 'dexie-react-hooks';
import { readSyncStatus, useStore } from '#db';
import { useSyncActivity } from '#state/sync-controller.ts';
import { formatRelativeTime } from '#ui/relative-time.ts';
import { useT } from '#ui/useT.ts';

/** Always visible: when this device last synced, what waits, and the last problem in plain words. */
export function SyncStatus() {
  const { t, language } = useT();
  const store = useStore();
  const status = useLiveQuery(() => readSyncStatus(store), [store]);
  const syncing = useSyncActivity((s) => s.syncing);
  if (!status) return null;

  const parts: string[] = [];
  if (syncing) parts.push(t('sync.syncing'));
  else if (!status.connection) parts.push(t('sync.notConnected'));
  else if (status.lastSyncedAt)
    parts.push(t('sync.lastSynced', { when: formatRelativeTime(status.lastSyncedAt, Date.now(), language) }));
  else parts.push(t('sync.never'));
  if (status.connection || status.pendingChanges > 0) parts.push(t('sync.waiting', { count: status.pendingChanges }));
  if (status.pendingUploads > 0) parts.push(t('sync.uploads', { count: status.pendingUploads }));

  return (
    <span className="sync-status" data-testid="sync-status">
      {parts.join(' · ')}
      {status.connection && status.lastError ? (
        <span className="sync-error" role="alert">
          {' '}
          · {t('sync.problem', { reason: status.lastError })}
        </span>
      ) : null}
    </span>
  );
}
