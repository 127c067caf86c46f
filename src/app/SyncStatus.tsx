import { useLiveQuery } from 'dexie-react-hooks';
import { readSyncStatus, useStore } from '#db';
import { useSyncActivity } from '#state/sync-controller.ts';
import { Link } from 'react-router-dom';
import { clockOffsetView } from '#ui/clock-offset.ts';
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
  // Never just "Synced": what the server refused, and a clock far off, show until seen in Settings.
  const clock = status.connection ? clockOffsetView(status.clockOffsetMs, language) : null;

  return (
    <span className="sync-status" data-testid="sync-status">
      {parts.join(' · ')}
      {status.notSaved.length > 0 ? (
        <>
          {' · '}
          <Link to="/settings" className="sync-error">
            {t('sync.notSaved', { count: status.notSaved.length })}
          </Link>
        </>
      ) : null}
      {clock ? (
        <span className="sync-error" role="alert">
          {' '}
          · {t(`sync.clockShort.${clock.direction}`, { amount: clock.amount })}
        </span>
      ) : null}
      {status.connection && status.uploadsHeld ? (
        <>
          {' · '}
          <Link to="/settings" className="sync-error" data-testid="uploads-held">
            {t('sync.uploadsHeldShort')}
          </Link>
        </>
      ) : null}
      {status.connection && status.lastError ? (
        <span className="sync-error" role="alert">
          {' '}
          · {t('sync.problem', { reason: status.lastError })}
        </span>
      ) : null}
    </span>
  );
}
