/** What the browser says about this site's storage: used, quota, and whether it may be evicted. */
export interface StorageStatus {
  readonly usedBytes: number | null;
  readonly quotaBytes: number | null;
  readonly persisted: boolean | null;
}

export async function readStorageStatus(
  storage: StorageManager | undefined = navigator.storage,
): Promise<StorageStatus> {
  if (!storage) return { usedBytes: null, quotaBytes: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    storage.estimate?.().catch(() => undefined),
    storage.persisted?.().catch(() => null) ?? Promise.resolve(null),
  ]);
  return { usedBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null, persisted };
}

/** Asks the browser to keep this site's data even under storage pressure. */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = navigator.storage,
): Promise<boolean> {
  if (!storage?.persist) return false;
  return storage.persist().catch(() => false);
}
