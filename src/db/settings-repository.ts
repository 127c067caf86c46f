import type { Store } from './store.ts';

/** Device-local settings: never synced (language, demo flags, install hint seen…). */
export async function getSetting<T>(store: Store, key: string): Promise<T | undefined> {
  return (await store.db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(store: Store, key: string, value: unknown): Promise<void> {
  await store.db.settings.put({ key, value });
}
