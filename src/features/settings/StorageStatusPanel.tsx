import { useCallback, useEffect, useState } from 'react';
import {
  readMediaSpace,
  readStorageStatus,
  requestPersistentStorage,
  useStore,
  type MediaSpace,
  type StorageStatus,
} from '#db';
import { useT } from '#ui/useT.ts';
import { formatBytes } from '#ui/format-bytes.ts';

export function StorageStatusPanel({ pendingChanges }: { pendingChanges: number | undefined }) {
  const { t, language } = useT();
  const store = useStore();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [space, setSpace] = useState<MediaSpace | null>(null);
  const [denied, setDenied] = useState(false);
  const refresh = useCallback(() => {
    void readStorageStatus().then(setStatus);
    void readMediaSpace(store).then(setSpace);
  }, [store]);
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
          <p data-testid="storage-left">
            {space?.usedBytes != null && space.leftBytes !== null
              ? t('settings.storageLeft', {
                  used: formatBytes(space.usedBytes, language),
                  left: formatBytes(space.leftBytes, language),
                })
              : t('settings.storageUnknown')}
          </p>
          {space?.fullAt ? (
            <p className="space-warning">
              {t('settings.storageFullAt', {
                date: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
                  new Date(space.fullAt),
                ),
              })}
            </p>
          ) : null}
          <p className="muted">{t('settings.storagePolicy')}</p>
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
