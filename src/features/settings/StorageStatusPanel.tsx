import { useCallback, useEffect, useState } from 'react';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from '#db';
import { useT } from '#ui/useT.ts';
import { formatBytes } from '#ui/format-bytes.ts';

export function StorageStatusPanel({ pendingChanges }: { pendingChanges: number | undefined }) {
  const { t, language } = useT();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [denied, setDenied] = useState(false);
  const refresh = useCallback(() => void readStorageStatus().then(setStatus), []);
  useEffect(refresh, [refresh]);

  const persist = async () => {
    const granted = await requestPersistentStorage();
    setDenied(!granted);
    refresh();
  };

  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('settings.storage')}</h2>
      {status === null ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <p>
            {status.usedBytes !== null && status.quotaBytes !== null
              ? t('settings.storageUsed', {
                  used: formatBytes(status.usedBytes, language),
                  quota: formatBytes(status.quotaBytes, language),
                })
              : t('settings.storageUnknown')}
          </p>
          <p data-testid="persisted">{status.persisted ? t('settings.persisted') : t('settings.notPersisted')}</p>
          {status.persisted ? null : (
            <button type="button" onClick={() => void persist()}>
              {t('settings.persist')}
            </button>
          )}
          {denied ? <p role="alert">{t('settings.persistDenied')}</p> : null}
        </>
      )}
      {pendingChanges === undefined ? null : (
        <p data-testid="pending">{t('settings.pending', { count: pendingChanges })}</p>
      )}
    </section>
  );
}
